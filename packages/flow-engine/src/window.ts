import { WHATSAPP_LIMITS } from '@parley/flow-schema';

export const SERVICE_WINDOW_MS = WHATSAPP_LIMITS.serviceWindowHours * 3_600_000;

/**
 * Whether a free-form (session) message may be sent at `now`: the customer
 * wrote less than 24 hours ago. A customer who never wrote has no window.
 */
export function isWindowOpen(lastInboundAt: number | null, now: number): boolean {
  return lastInboundAt !== null && now - lastInboundAt < SERVICE_WINDOW_MS;
}
