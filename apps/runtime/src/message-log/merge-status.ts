/**
 * Delivery statuses arrive out of order and more than once. A message's status
 * only moves forward: accepted < sent < delivered < read. `failed` is terminal
 * unless a later delivered/read proves the message did arrive (multi-device).
 */
const RANK: Record<string, number> = { accepted: 0, sent: 1, delivered: 2, read: 3, played: 3 };
const ARRIVED = new Set(['delivered', 'read', 'played']);

export function mergeStatus(current: string, incoming: string): string {
  if (incoming === 'failed') return ARRIVED.has(current) ? current : 'failed';
  const incomingRank = RANK[incoming];
  if (incomingRank === undefined) return current;
  if (current === 'failed') return ARRIVED.has(incoming) ? incoming : 'failed';
  return incomingRank > (RANK[current] ?? -1) ? incoming : current;
}
