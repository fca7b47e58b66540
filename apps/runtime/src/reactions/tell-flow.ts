import type { FlowNotice } from '@parley/whatsapp';
import type { Store } from '../db/open-database.ts';
import { enqueueInput } from '../queues/inbox.ts';
import type { OutboxMessage } from '../queues/outbox.ts';

/**
 * The flow that sent a message learns why it did not go, as an input of its
 * own (in order with the conversation's other inputs). Messages no step sent
 * (the polite reply) have nobody to tell.
 */
export function tellFlow(tx: Store, row: OutboxMessage, reason: FlowNotice, code: number | null, at: number): void {
  if (!row.sessionId || !row.nodeId) return;
  enqueueInput(tx, {
    contactKey: row.contactKey,
    input: {
      kind: 'send_failed',
      payload: {
        sessionId: row.sessionId,
        input: { type: 'send_failed', nodeId: row.nodeId, reason, ...(code === null ? {} : { code }) },
      },
    },
    occurredAt: at,
    receivedAt: at,
  });
}
