import { z } from 'zod';
import { CLOUD_API_LIMITS } from './limits.ts';

/**
 * Who a customer is. Since 2026 a customer may arrive with a business-scoped user
 * id (BSUID, `user_id`) and no phone number at all, so the contact key is
 * `user_id ?? wa_id` and a BSUID is opaque: it never goes through a phone
 * normaliser (that would turn it into a fake number). Reference §10.1.
 */
export const BSUID_PATTERN = /^[A-Z]{2}\.(ENT\.)?[A-Za-z0-9]{1,256}$/;

export const Bsuid = z.string().regex(BSUID_PATTERN, { error: 'must be a business-scoped user id like US.1349…' });

export function isBsuid(value: string): boolean {
  return BSUID_PATTERN.test(value);
}

/** Spaces, dashes, dots and brackets are allowed in a phone number and stripped. */
const PHONE_DECORATION = /[\s\-().]/g;

/**
 * Normalises a phone number to Meta's digits-only `wa_id` form, or returns
 * undefined when it is not 8–15 digits with at most one leading `+`.
 * Refuses BSUIDs outright so nobody can turn one into a number by accident.
 */
export function normalizePhone(value: string): string | undefined {
  if (isBsuid(value)) return undefined;
  const stripped = value.replace(PHONE_DECORATION, '');
  const digits = stripped.startsWith('+') ? stripped.slice(1) : stripped;
  if (!/^\d+$/.test(digits)) return undefined;
  if (digits.length < CLOUD_API_LIMITS.phoneDigitsMin || digits.length > CLOUD_API_LIMITS.phoneDigitsMax) {
    return undefined;
  }
  return digits;
}

/** The parts of a webhook contact, message or status that can identify the customer. */
export type IdentityFields = {
  user_id?: string | undefined;
  wa_id?: string | undefined;
  from_user_id?: string | undefined;
  from?: string | undefined;
  recipient_user_id?: string | undefined;
  recipient_id?: string | undefined;
};

/**
 * The stable key for a customer: the BSUID when present, else the phone
 * (`wa_id`/`from`/`recipient_id`). Empty strings count as absent because
 * username users arrive with `wa_id: ""`. Undefined when there is neither.
 */
export function contactKeyOf(fields: IdentityFields): string | undefined {
  const candidates = [
    fields.user_id,
    fields.from_user_id,
    fields.recipient_user_id,
    fields.wa_id,
    fields.from,
    fields.recipient_id,
  ];
  return candidates.find((candidate) => candidate !== undefined && candidate !== '');
}

/** The phone number (digits) of a webhook party, if it carries one. */
export function phoneOf(fields: IdentityFields): string | undefined {
  return [fields.wa_id, fields.from, fields.recipient_id].find((c) => c !== undefined && c !== '');
}
