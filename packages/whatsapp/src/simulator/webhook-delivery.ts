import { signWebhookBody, stringifyMetaJson } from '../signature.ts';
import type { WebhookFaultSpec } from './faults.ts';

export type DeliveryRecord = {
  seq: number;
  /** Deliveries with the same key (one customer) go out in order, one at a time. */
  key: string;
  payload: unknown;
  /** The exact bytes sent and signed: JSON with non-ASCII escaped as \uXXXX, like Meta. */
  rawBody: string;
  signature: string;
  outcome: 'pending' | 'delivered' | 'failed' | 'dropped';
  attempts: number;
  lastHttpStatus?: number;
  lastError?: string;
  duplicate: boolean;
};

export type DeliveryConfig = {
  url: () => string | undefined;
  appSecret: string;
  retry: { maxAttempts: number; baseDelayMs: number; timeoutMs?: number };
  chaos: { duplicate?: number; reorder?: number };
  random: () => number;
  maxRecords?: number;
};

/** How long a reordered webhook waits for the next one to overtake it. */
const REORDER_HOLD_MS = 50;

/**
 * Posts signed webhooks to the callback URL the way Meta does: success is HTTP
 * 200 and nothing else; failures are retried with backoff (base × 4^n, bounded
 * by `maxAttempts`). Faults and chaos duplicate, reorder or drop deliveries.
 */
export function createWebhookDelivery(config: DeliveryConfig) {
  const log: DeliveryRecord[] = [];
  const chains = new Map<string, Promise<void>>();
  const held = new Map<string, { record: DeliveryRecord; timer: NodeJS.Timeout; release: () => void }>();
  const inflight = new Set<Promise<unknown>>();
  const pendingFaults = { duplicateNext: 0, reorderNext: 0, dropNext: 0 };
  const waits = new Map<NodeJS.Timeout, () => void>();
  let stopped = false;
  let seq = 0;

  /** A backoff wait that `stop()` cuts short, so a closed simulator keeps no process alive. */
  function wait(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        waits.delete(timer);
        resolve();
      }, ms);
      waits.set(timer, resolve);
    });
  }

  function track<T>(promise: Promise<T>): Promise<T> {
    inflight.add(promise);
    promise.finally(() => inflight.delete(promise)).catch(() => undefined);
    return promise;
  }

  function decide(fault: 'duplicateNext' | 'reorderNext' | 'dropNext', probability: number | undefined): boolean {
    if (pendingFaults[fault] > 0) {
      pendingFaults[fault] -= 1;
      return true;
    }
    return probability !== undefined && probability > 0 && config.random() < probability;
  }

  function record(
    key: string,
    payload: unknown,
    duplicate: boolean,
    rawBody = stringifyMetaJson(payload),
  ): DeliveryRecord {
    const entry: DeliveryRecord = {
      seq: ++seq,
      key,
      payload,
      rawBody,
      signature: signWebhookBody(rawBody, config.appSecret),
      outcome: 'pending',
      attempts: 0,
      duplicate,
    };
    log.push(entry);
    const max = config.maxRecords ?? 10_000;
    if (log.length > max) log.splice(0, log.length - max);
    return entry;
  }

  /** Appends a delivery to the key's chain so one customer's webhooks stay ordered. */
  function chain(key: string, entry: DeliveryRecord): Promise<DeliveryRecord> {
    const previous = chains.get(key) ?? Promise.resolve();
    const next = previous.then(() => deliver(entry));
    chains.set(
      key,
      next.then(() => undefined),
    );
    return track(next.then(() => entry));
  }

  async function deliver(entry: DeliveryRecord): Promise<void> {
    const url = config.url();
    if (stopped) {
      entry.outcome = 'failed';
      entry.lastError = 'the simulator closed';
      return;
    }
    if (url === undefined) {
      entry.outcome = 'failed';
      entry.lastError = 'no webhook URL configured';
      return;
    }
    for (let attempt = 1; attempt <= config.retry.maxAttempts; attempt++) {
      entry.attempts = attempt;
      // A cleared timer rather than AbortSignal.timeout: thousands of webhooks a second would keep as many timers alive.
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(), config.retry.timeoutMs ?? 10_000);
      try {
        const response = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-hub-signature-256': entry.signature },
          body: entry.rawBody,
          signal: controller.signal,
        });
        entry.lastHttpStatus = response.status;
        await response.arrayBuffer().catch(() => undefined);
        if (response.status === 200) {
          entry.outcome = 'delivered';
          return;
        }
        entry.lastError = `HTTP ${response.status}`;
      } catch (error) {
        entry.lastError = error instanceof Error ? error.message : String(error);
      } finally {
        clearTimeout(timer);
      }
      if (attempt < config.retry.maxAttempts) await wait(config.retry.baseDelayMs * 4 ** (attempt - 1));
      if (stopped) break;
    }
    entry.outcome = 'failed';
  }

  function releaseHeld(key: string): void {
    const waiting = held.get(key);
    if (!waiting) return;
    held.delete(key);
    clearTimeout(waiting.timer);
    waiting.release();
  }

  return {
    log,

    /** Queues a webhook for `key` (a customer); resolves once it was delivered or gave up. */
    enqueue(key: string, payload: unknown): Promise<DeliveryRecord> {
      const entry = record(key, payload, false);
      if (decide('dropNext', undefined)) {
        entry.outcome = 'dropped';
        return Promise.resolve(entry);
      }
      const duplicate = decide('duplicateNext', config.chaos.duplicate);
      const reorder = decide('reorderNext', config.chaos.reorder);
      const earlier = held.get(key);
      let done: Promise<DeliveryRecord>;
      if (reorder && !earlier) {
        // Hold this one until the next webhook for the same customer overtakes it.
        done = track(
          new Promise<DeliveryRecord>((resolve) => {
            const release = () => resolve(chain(key, entry));
            held.set(key, { record: entry, timer: setTimeout(() => releaseHeld(key), REORDER_HOLD_MS), release });
          }),
        );
      } else {
        done = chain(key, entry);
        releaseHeld(key);
      }
      if (duplicate) void track(done.then(() => chain(key, record(key, payload, true, entry.rawBody))));
      return done;
    },

    injectFaults(spec: WebhookFaultSpec): void {
      pendingFaults.duplicateNext += spec.duplicateNext ?? 0;
      pendingFaults.reorderNext += spec.reorderNext ?? 0;
      pendingFaults.dropNext += spec.dropNext ?? 0;
    },

    /** Resolves when nothing is queued, held, in flight or waiting to be retried. */
    async idle(): Promise<void> {
      while (inflight.size > 0) await Promise.allSettled([...inflight]);
    },

    /** Stops holding reordered webhooks (they are sent now). */
    flush(): void {
      for (const key of [...held.keys()]) releaseHeld(key);
    },

    /** Gives up on everything pending: no more attempts, no more waiting. */
    stop(): void {
      stopped = true;
      for (const key of [...held.keys()]) releaseHeld(key);
      for (const [timer, resolve] of waits) {
        clearTimeout(timer);
        resolve();
      }
      waits.clear();
    },
  };
}

export type WebhookDelivery = ReturnType<typeof createWebhookDelivery>;
