import { normalizePhone } from '../../schemas/identity.ts';

/** One Graph API request the simulator received, with how it answered. */
export type RecordedRequest = {
  seq: number;
  at: number;
  method: string;
  path: string;
  /** The JSON body, or undefined for GETs, multipart uploads and unparseable bodies. */
  body: unknown;
  /** The `to` (as digits) or `recipient` (BSUID) of a send, when there is one. */
  recipient: string | undefined;
  status: number;
  errorCode: number | undefined;
  /** The wamid the send was given, when it was accepted. */
  messageId: string | undefined;
};

export type RequestFilter = { recipient?: string; path?: string; method?: string; since?: number };

/** Every request the Graph routes received, in order, for tests and the editor to inspect. */
export function createRequestLog(maxRecords = 10_000) {
  let entries: RecordedRequest[] = [];
  let seq = 0;
  return {
    add(entry: Omit<RecordedRequest, 'seq'>): RecordedRequest {
      const recipient =
        entry.recipient === undefined ? undefined : (normalizePhone(entry.recipient) ?? entry.recipient);
      const recorded = { ...entry, recipient, seq: ++seq };
      entries.push(recorded);
      // A long benchmark must not grow memory without bound; the oldest go first.
      if (entries.length > maxRecords) entries.splice(0, entries.length - maxRecords);
      return recorded;
    },
    list(filter: RequestFilter = {}): RecordedRequest[] {
      const recipient =
        filter.recipient === undefined ? undefined : (normalizePhone(filter.recipient) ?? filter.recipient);
      return entries.filter(
        (e) =>
          (recipient === undefined || e.recipient === recipient) &&
          (filter.path === undefined || e.path.includes(filter.path)) &&
          (filter.method === undefined || e.method === filter.method.toUpperCase()) &&
          (filter.since === undefined || e.seq > filter.since),
      );
    },
    clear(): void {
      entries = [];
    },
  };
}

export type RequestLog = ReturnType<typeof createRequestLog>;
