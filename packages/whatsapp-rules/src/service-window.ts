/**
 * Reference §4.1: a customer's message opens, or refreshes, a 24-hour customer
 * service window. Inside it any message may be sent; outside it only templates
 * (a free-form send is accepted, then fails with 131047).
 */
export const SERVICE_WINDOW_HOURS = 24;

export const SERVICE_WINDOW_MS = SERVICE_WINDOW_HOURS * 3_600_000;

/**
 * Whether a free-form (session) message may be sent at `now`: the customer has
 * written, and less than 24 hours ago. At exactly 24 hours the window is
 * closed. A customer who never wrote (`null`) has no window. Times are
 * milliseconds since the epoch.
 */
export function isWindowOpen(lastInboundAt: number | null, now: number): boolean {
  return lastInboundAt !== null && now - lastInboundAt < SERVICE_WINDOW_MS;
}

/**
 * The first instant at which the window a customer message at `lastInboundAt`
 * opened is closed (so `isWindowOpen` is false from then on), or null when the
 * customer never wrote.
 */
export function windowClosesAt(lastInboundAt: number | null): number | null {
  return lastInboundAt === null ? null : lastInboundAt + SERVICE_WINDOW_MS;
}
