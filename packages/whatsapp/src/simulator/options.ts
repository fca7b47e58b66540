import type { TemplateCategory, TemplateComponentDefinition, TemplateStatus } from '../schemas/graph/templates.ts';
import type { Clock } from './clock.ts';

/** A template the simulator knows from the start, as Meta would list it. */
export type TemplateSeed = {
  name: string;
  language: string;
  category: TemplateCategory;
  status?: TemplateStatus;
  parameter_format?: 'POSITIONAL' | 'NAMED' | 'positional' | 'named';
  components: TemplateComponentDefinition[];
  id?: string;
  /** Sends answer `message_status: held_for_quality_assessment`, as Meta does for a paced new marketing template. */
  paced?: boolean;
};

/**
 * The code the simulator reports, by default, for a send over the
 * business-initiated (tier) messaging limit. Meta documents no error code for
 * hitting that limit (reference §0.1 "Messaging limit counting", §6.1), so
 * this is the simulator's own: outside the 130000–139999 range WhatsApp's codes
 * use, so it never collides with a real code, and above all not 131049, which
 * is the per-user marketing limit and asks for a different reaction (retry
 * later at growing intervals). A client that does not know it treats it as an
 * unknown error. Tests that want another code set `tierLimit.errorCode`.
 */
export const SIMULATED_MESSAGING_LIMIT_CODE = 900_001;

/**
 * The business-initiated limit: `uniqueUsers` reached outside a window in a
 * moving 24 h; one too many fails with `errorCode` (default
 * `SIMULATED_MESSAGING_LIMIT_CODE`, see there why), later by webhook (`async`,
 * the default) or in the HTTP answer (`sync`).
 */
export type TierLimitOptions = { uniqueUsers: number; errorCode: number; mode: 'async' | 'sync' };

export type SimulatorOptions = {
  /** Bearer tokens the simulator accepts. Default `['sim-access-token']`. */
  accessTokens?: string[];
  phoneNumberId?: string;
  displayPhoneNumber?: string;
  verifiedName?: string;
  wabaId?: string;
  /** Signs webhooks (X-Hub-Signature-256). */
  appSecret?: string;
  /** Where webhooks are POSTed; without it they are only recorded. */
  webhookUrl?: string;
  clock?: Clock;
  templates?: TemplateSeed[];
  /** Messages per second per number (Meta: 80 by default, up to 1000). */
  throughputPerSecond?: number;
  /** Per-recipient pair rate: one message per `intervalMs` sustained, bursts of `burst`. */
  pairRate?: { intervalMs: number; burst: number };
  /** `null` turns the business-initiated limit off. Default 250 unique users, async `SIMULATED_MESSAGING_LIMIT_CODE`. */
  tierLimit?: Partial<TierLimitOptions> | null;
  /** Real milliseconds between the sent, delivered and read webhooks of one message. Default 5. */
  statusDelayMs?: number;
  /** Whether simulated customers read what they receive (emits `read`). Default true. */
  customersRead?: boolean;
  /** v24 drops `conversation` from statuses; v23 keeps it. Default v24. */
  webhookShape?: 'v23' | 'v24';
  /** Failed webhook deliveries are retried: `maxAttempts` in all, waiting `baseDelayMs` × 4^n. */
  webhookRetry?: { maxAttempts: number; baseDelayMs: number; timeoutMs?: number };
  /** Probabilities (0–1) of duplicating or reordering each webhook; `random` makes them reproducible. */
  webhookChaos?: { duplicate?: number; reorder?: number };
  random?: () => number;
  /** New templates (POST message_templates) are approved after this many real ms; `null` leaves them PENDING. */
  templateReviewMs?: number | null;
  /** How many Graph requests are kept for inspection (oldest dropped first). Default 100 000. */
  maxRecords?: number;
  /** How many webhook deliveries (with their bodies) are kept. Default 10 000. */
  maxWebhookRecords?: number;
  /**
   * How many messages are kept per customer in each direction (what the bot sent
   * them, what they sent), oldest dropped first, so a long-running sandbox stays
   * bounded. Status webhooks and mark-as-read only find messages still kept. Default 1 000.
   */
  maxCustomerRecords?: number;
  /** How many stored media files (uploads and customers' media) are kept, oldest dropped first. Default 1 000. */
  maxMedia?: number;
  /** The WABA turned off marketing templates on `/messages`: they fail with 131063. */
  marketingDisabledOnMessages?: boolean;
};

export type ResolvedOptions = Required<Omit<SimulatorOptions, 'webhookUrl' | 'tierLimit' | 'templateReviewMs'>> & {
  webhookUrl: string | undefined;
  tierLimit: TierLimitOptions | null;
  templateReviewMs: number | null;
};

export const HELLO_WORLD: TemplateSeed = {
  name: 'hello_world',
  language: 'en_US',
  category: 'UTILITY',
  status: 'APPROVED',
  components: [
    { type: 'HEADER', format: 'TEXT', text: 'Hello World' },
    { type: 'BODY', text: 'Welcome and congratulations!! This message demonstrates your ability to send a message.' },
    { type: 'FOOTER', text: 'WhatsApp Business Platform sample message' },
  ],
};

export function resolveOptions(options: SimulatorOptions): ResolvedOptions {
  return {
    accessTokens: options.accessTokens ?? ['sim-access-token'],
    phoneNumberId: options.phoneNumberId ?? '106540352242922',
    displayPhoneNumber: options.displayPhoneNumber ?? '15550783881',
    verifiedName: options.verifiedName ?? 'Parley Sandbox',
    wabaId: options.wabaId ?? '102290129340398',
    appSecret: options.appSecret ?? 'sim-app-secret',
    webhookUrl: options.webhookUrl,
    clock: options.clock ?? Date,
    templates: options.templates ?? [HELLO_WORLD],
    throughputPerSecond: options.throughputPerSecond ?? 80,
    pairRate: options.pairRate ?? { intervalMs: 6000, burst: 45 },
    tierLimit:
      options.tierLimit === null
        ? null
        : { uniqueUsers: 250, errorCode: SIMULATED_MESSAGING_LIMIT_CODE, mode: 'async', ...options.tierLimit },
    statusDelayMs: options.statusDelayMs ?? 5,
    customersRead: options.customersRead ?? true,
    webhookShape: options.webhookShape ?? 'v24',
    webhookRetry: options.webhookRetry ?? { maxAttempts: 5, baseDelayMs: 1000, timeoutMs: 10_000 },
    webhookChaos: options.webhookChaos ?? {},
    random: options.random ?? Math.random,
    templateReviewMs: options.templateReviewMs === undefined ? 0 : options.templateReviewMs,
    marketingDisabledOnMessages: options.marketingDisabledOnMessages ?? false,
    maxRecords: options.maxRecords ?? 100_000,
    maxWebhookRecords: options.maxWebhookRecords ?? 10_000,
    maxCustomerRecords: options.maxCustomerRecords ?? 1000,
    maxMedia: options.maxMedia ?? 1000,
  };
}
