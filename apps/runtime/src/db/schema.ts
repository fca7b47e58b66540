import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { INBOX_KINDS } from '../queues/inbox-input.ts';
import { OUTBOX_STATES } from '../queues/outbox-states.ts';

/**
 * The runtime's tables. JSON columns are stored as text and parsed with zod
 * on read (see json.ts); times are epoch milliseconds from the injected clock.
 */

/** Drafts: the document the editor saves; versions are copied from it on publish. */
export const flows = sqliteTable('flows', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  description: text('description').notNull().default(''),
  draft: text('draft').notNull(),
  createdAt: integer('created_at').notNull(),
  updatedAt: integer('updated_at').notNull(),
});

/** Immutable published versions; sessions pin one of them. */
export const flowVersions = sqliteTable(
  'flow_versions',
  {
    flowId: text('flow_id').notNull(),
    version: integer('version').notNull(),
    document: text('document').notNull(),
    publishedAt: integer('published_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.flowId, t.version] })],
);

/** Keyed by `user_id ?? wa_id`: username users may come without a phone number. */
export const contacts = sqliteTable(
  'contacts',
  {
    key: text('key').primaryKey(),
    phone: text('phone'),
    userId: text('user_id'),
    name: text('name'),
    lastInboundAt: integer('last_inbound_at'),
    /** Set when WhatsApp said the number cannot receive messages; the sender gives up on it. */
    undeliverableAt: integer('undeliverable_at'),
    /** The Cloud API code that made the contact undeliverable (131026, 131030). */
    undeliverableCode: integer('undeliverable_code'),
    /** Meta's per-user marketing limit (131049): marketing templates outside a window wait until then. */
    marketingHeldUntil: integer('marketing_held_until'),
    /** How many holds in a row, so each wait is longer than the last. */
    marketingHolds: integer('marketing_holds').notNull().default(0),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('contacts_phone').on(t.phone), index('contacts_user_id').on(t.userId)],
);

export const sessions = sqliteTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    contactKey: text('contact_key').notNull(),
    flowId: text('flow_id').notNull(),
    flowVersion: integer('flow_version').notNull(),
    status: text('status').notNull(),
    state: text('state').notNull(),
    startedAt: integer('started_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
    endedReason: text('ended_reason'),
  },
  (t) => [index('sessions_contact').on(t.contactKey, t.status)],
);

/**
 * Every input a conversation receives, in arrival order: customer messages
 * (unique by wamid), fired timers, events, request results, send failures.
 * The processor runs a contact's rows one at a time and marks them processed
 * in the same transaction as their effects.
 */
export const inbox = sqliteTable(
  'inbox',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    contactKey: text('contact_key').notNull(),
    wamid: text('wamid'),
    kind: text('kind', { enum: INBOX_KINDS }).notNull(),
    input: text('input').notNull(),
    occurredAt: integer('occurred_at').notNull(),
    receivedAt: integer('received_at').notNull(),
    processedAt: integer('processed_at'),
    outcome: text('outcome'),
  },
  (t) => [
    uniqueIndex('inbox_wamid').on(t.wamid),
    // Only unprocessed rows, in the processor's order: the select of pending inputs reads the index, not the backlog.
    index('inbox_unprocessed').on(t.occurredAt, t.id).where(sql`${t.processedAt} is null`),
    index('inbox_contact').on(t.contactKey),
  ],
);

/** The conversation log: inbound messages and outbound sends, with delivery status and price. */
export const messages = sqliteTable(
  'messages',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    contactKey: text('contact_key').notNull(),
    direction: text('direction').notNull(),
    wamid: text('wamid'),
    outboxKey: text('outbox_key'),
    payload: text('payload').notNull(),
    status: text('status').notNull(),
    pricing: text('pricing'),
    at: integer('at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('messages_wamid').on(t.wamid),
    index('messages_contact').on(t.contactKey, t.at),
    index('messages_outbox_key').on(t.outboxKey),
  ],
);

/** Sends waiting to go out. `key` rides in biz_opaque_callback_data so statuses confirm what left. */
export const outbox = sqliteTable(
  'outbox',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    key: text('key').notNull(),
    contactKey: text('contact_key').notNull(),
    sessionId: text('session_id'),
    nodeId: text('node_id'),
    payload: text('payload').notNull(),
    window: text('window').notNull(),
    pricing: text('pricing').notNull(),
    fallback: text('fallback'),
    /** The state machine in queues/outbox.ts; sending rows found at start are reconciled. */
    state: text('state', { enum: OUTBOX_STATES }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: integer('next_attempt_at').notNull(),
    reconcileUntil: integer('reconcile_until'),
    /** A template sent outside the window: counts against the portfolio's messaging limit (tier). */
    businessInitiated: integer('business_initiated').notNull().default(0),
    wamid: text('wamid'),
    lastError: text('last_error'),
    /** The Cloud API code of the last failure, immediate or late. */
    errorCode: integer('error_code'),
    createdAt: integer('created_at').notNull(),
    sentAt: integer('sent_at'),
  },
  (t) => [
    uniqueIndex('outbox_key').on(t.key),
    index('outbox_due').on(t.state, t.nextAttemptAt),
    // Per-contact order (the sender's "no earlier unfinished message" check) and the tier count.
    index('outbox_contact').on(t.contactKey, t.state),
    index('outbox_business_initiated').on(t.businessInitiated, t.sentAt),
  ],
);

export const statusEvents = sqliteTable(
  'status_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    wamid: text('wamid').notNull(),
    status: text('status').notNull(),
    callbackKey: text('callback_key'),
    payload: text('payload').notNull(),
    at: integer('at').notNull(),
  },
  (t) => [uniqueIndex('status_events_wamid_status').on(t.wamid, t.status)],
);

/** Durable timers: the scheduler turns due rows into inbox inputs. */
export const timers = sqliteTable(
  'timers',
  {
    id: text('id').primaryKey(),
    contactKey: text('contact_key').notNull(),
    sessionId: text('session_id').notNull(),
    nodeId: text('node_id'),
    purpose: text('purpose').notNull(),
    fireAt: integer('fire_at').notNull(),
    state: text('state').notNull(),
  },
  (t) => [index('timers_due').on(t.state, t.fireAt)],
);

/** Consent evidence: when, where from, the wording agreed to, and the category. */
export const consents = sqliteTable(
  'consents',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    contactKey: text('contact_key').notNull(),
    category: text('category').notNull(),
    action: text('action').notNull(),
    wording: text('wording').notNull(),
    source: text('source').notNull(),
    at: integer('at').notNull(),
  },
  (t) => [index('consents_contact').on(t.contactKey, t.category)],
);

export const analyticsEvents = sqliteTable(
  'analytics_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    contactKey: text('contact_key').notNull(),
    sessionId: text('session_id'),
    flowId: text('flow_id'),
    flowVersion: integer('flow_version'),
    type: text('type').notNull(),
    nodeId: text('node_id'),
    data: text('data'),
    at: integer('at').notNull(),
  },
  (t) => [index('analytics_session').on(t.sessionId)],
);

/** A cache of the business's approved templates and their categories. */
export const templates = sqliteTable(
  'templates',
  {
    name: text('name').notNull(),
    language: text('language').notNull(),
    category: text('category').notNull(),
    status: text('status').notNull(),
    components: text('components').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.name, t.language] })],
);

/**
 * HTTP and AI requests a session waits on. Kept until their result is in the
 * inbox, so a crash between commit and call re-runs the call on restart
 * (at least once: business endpoints should be idempotent on the request id).
 */
export const requests = sqliteTable(
  'requests',
  {
    id: text('id').primaryKey(),
    contactKey: text('contact_key').notNull(),
    sessionId: text('session_id').notNull(),
    kind: text('kind').notNull(),
    effect: text('effect').notNull(),
    state: text('state').notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('requests_state').on(t.state)],
);

/** Webhook events Parley acknowledged but does not act on (yet): kept as they came, never lost. */
export const unhandledWebhooks = sqliteTable('unhandled_webhooks', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  kind: text('kind').notNull(),
  field: text('field'),
  event: text('event').notNull(),
  at: integer('at').notNull(),
});
