/**
 * The outbox's states (transitions in outbox.ts):
 * pending → sending → sent, or back to pending (retry, defer, fallback), or
 * failed / skipped with the catalogue's consequence; sending → reconciling
 * when the answer never came (a status webhook settles it before any resend);
 * sent → pending or failed when Meta reports a failure late.
 */
export const OUTBOX_STATES = ['pending', 'sending', 'reconciling', 'sent', 'failed', 'skipped'] as const;
export type OutboxState = (typeof OUTBOX_STATES)[number];

/** States that hold the contact's later messages back: per-contact order. */
export const UNFINISHED: readonly OutboxState[] = ['pending', 'sending', 'reconciling'];
