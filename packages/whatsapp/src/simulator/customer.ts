import type { MediaKind } from '../schemas/limits.ts';
import type { SimContext } from './context.ts';
import { createAccountActions } from './customer-account.ts';
import { createWamid } from './ids.ts';
import type { Customer, CustomerEvent, ReceivedMessage } from './state/customers.ts';
import type { DeliveryRecord } from './webhook-delivery.ts';
import { inboundPayload } from './webhook-payloads.ts';

export type CustomerProfile = {
  /** The profile name Meta shows in `contacts[].profile.name`. */
  name?: string;
  username?: string;
  /** Quote this message (`context.id`); taps default to the message that carried the button. */
  replyTo?: string;
};

export type InboundResult = { id: string; customer: string; delivery: DeliveryRecord };

const DEFAULT_MIME: Record<MediaKind, string> = {
  image: 'image/jpeg',
  video: 'video/mp4',
  audio: 'audio/ogg',
  document: 'application/pdf',
  sticker: 'image/webp',
};

/**
 * The simulator playing the customer: each action becomes a signed inbound
 * webhook POSTed to the callback URL, and opens (or refreshes) the customer's
 * 24-hour window. `from` is a phone number, or a BSUID for a username customer
 * who shares no phone. Each resolves once the webhook was delivered or gave up.
 * Changes to the customer's account (marketing preference, number, BSUID) are
 * in customer-account.ts.
 */
export function createCustomerActions(ctx: SimContext) {
  function customerFor(from: string, profile: CustomerProfile): Customer {
    const customer = ctx.customers.ensure(from, profile);
    if (!customer) throw new Error(`"${from}" is neither a phone number (8–15 digits) nor a BSUID`);
    return customer;
  }

  /** Whoever writes from an identity someone left behind is on WhatsApp with it now. */
  function writer(from: string, profile: CustomerProfile): Customer {
    const customer = customerFor(from, profile);
    if (customer.unreachable) ctx.customers.markReachable(customer);
    return customer;
  }

  function lastReceived(customer: Customer, matches: (payload: unknown) => boolean): ReceivedMessage | undefined {
    return [...customer.received].reverse().find((m) => matches(m.payload));
  }

  async function send(
    from: string,
    profile: CustomerProfile,
    type: string,
    body: Record<string, unknown>,
    contextFor?: (customer: Customer) => string | undefined,
  ): Promise<InboundResult> {
    const customer = writer(from, profile);
    const at = ctx.clock.now();
    const id = createWamid(customer.phone ?? customer.userId);
    const message: { id: string; type: string; [key: string]: unknown } = { id, type, ...body };
    const quoted = profile.replyTo ?? contextFor?.(customer);
    if (quoted !== undefined) message.context = { from: ctx.business.displayPhoneNumber, id: quoted };
    customer.lastInboundAt.set(ctx.business.phoneNumberId, at);
    ctx.customers.addInbound(customer, { id, type, at });
    const delivery = await ctx.webhooks.enqueue(customer.key, inboundPayload(ctx.business, customer, message, at));
    return { id, customer: customer.key, delivery };
  }

  const hasText = (payload: unknown, text: string) => JSON.stringify(payload ?? null).includes(JSON.stringify(text));

  return {
    ...createAccountActions(ctx, (from) => customerFor(from, {})),
    sendText(from: string, text: string, profile: CustomerProfile = {}) {
      return send(from, profile, 'text', { text: { body: text } });
    },
    tapButton(from: string, replyId: string, title: string, profile: CustomerProfile = {}) {
      return send(
        from,
        profile,
        'interactive',
        { interactive: { type: 'button_reply', button_reply: { id: replyId, title } } },
        (c) => lastReceived(c, (p) => hasText(p, replyId))?.id,
      );
    },
    pickListRow(from: string, rowId: string, title: string, description?: string, profile: CustomerProfile = {}) {
      const listReply: Record<string, string> = { id: rowId, title };
      if (description !== undefined) listReply.description = description;
      return send(
        from,
        profile,
        'interactive',
        { interactive: { type: 'list_reply', list_reply: listReply } },
        (c) => lastReceived(c, (p) => hasText(p, rowId))?.id,
      );
    },
    /** A quick-reply tap on a template: `payload` as set when sending, else the label. */
    tapTemplateButton(from: string, payload: string, text: string, profile: CustomerProfile = {}) {
      return send(
        from,
        profile,
        'button',
        { button: { payload, text } },
        (c) => lastReceived(c, (p) => hasText(p, 'template'))?.id,
      );
    },
    shareLocation(
      from: string,
      location: { latitude: number; longitude: number; name?: string; address?: string },
      profile: CustomerProfile = {},
    ) {
      return send(from, profile, 'location', { location });
    },
    /** Stores the file in the simulator's media store (so the bot can download it) and sends it. */
    sendMedia(
      from: string,
      media: {
        kind: MediaKind;
        mimeType?: string;
        data?: Uint8Array;
        caption?: string;
        filename?: string;
        voice?: boolean;
      },
      profile: CustomerProfile = {},
    ) {
      const mimeType = media.mimeType ?? DEFAULT_MIME[media.kind];
      const stored = ctx.media.put(
        media.data ?? new TextEncoder().encode(`${media.kind} from ${from}`),
        mimeType,
        ctx.clock.now(),
      );
      if (!stored.ok) throw new Error(stored.details);
      const body: Record<string, unknown> = { id: stored.media.id, mime_type: mimeType, sha256: stored.media.sha256 };
      if (media.caption !== undefined) body.caption = media.caption;
      if (media.filename !== undefined) body.filename = media.filename;
      if (media.voice !== undefined) body.voice = media.voice;
      return send(from, profile, media.kind, { [media.kind]: body });
    },
    sendReaction(from: string, messageId: string, emoji: string, profile: CustomerProfile = {}) {
      return send(from, profile, 'reaction', {
        reaction: emoji === '' ? { message_id: messageId } : { message_id: messageId, emoji },
      });
    },
    /** Something WhatsApp cannot pass on (e.g. a video note): `unsupported` with error 131051. */
    sendUnsupported(from: string, kind = 'video_note', profile: CustomerProfile = {}) {
      return send(from, profile, 'unsupported', {
        unsupported: { type: kind },
        errors: [
          {
            code: 131051,
            title: 'Message type unknown',
            message: 'Message type unknown',
            error_data: { details: 'Message type is currently not supported.' },
          },
        ],
      });
    },
    /**
     * Opens (or refreshes) the customer's 24-hour window as if they had written at
     * `at` (default now), without posting a webhook: for load generators that post
     * inbound webhooks to the runtime themselves.
     */
    recordInbound(from: string, at: number = ctx.clock.now(), profile: CustomerProfile = {}): string {
      const customer = writer(from, profile);
      customer.lastInboundAt.set(ctx.business.phoneNumberId, at);
      return customer.key;
    },
    /** What the bot sent this customer, oldest first, with each message's latest status. */
    received(identifier: string): ReceivedMessage[] {
      return [...(ctx.customers.find(identifier)?.received ?? [])];
    },
    subscribe(identifier: string, listener: (event: CustomerEvent) => void): () => void {
      return ctx.customers.subscribe(identifier, listener);
    },
    lastInboundAt(identifier: string): number | undefined {
      return ctx.customers.find(identifier)?.lastInboundAt.get(ctx.business.phoneNumberId);
    },
  };
}

export type CustomerActions = ReturnType<typeof createCustomerActions>;
