import type { Effect, Session } from '@parley/flow-engine';
import { and, eq } from 'drizzle-orm';
import { recordConsent } from '../consent/consent-ledger.ts';
import type { ConversationEvent } from '../conversation-events.ts';
import { writeJson } from '../db/json.ts';
import type { Store } from '../db/open-database.ts';
import { analyticsEvents, requests, sessions, timers } from '../db/schema.ts';
import { enqueueInput } from '../queues/inbox.ts';
import { enqueueSend } from '../queues/outbox.ts';

export type Emitted = { contactKey: string; event: ConversationEvent };

/**
 * Persists one engine step inside the caller's transaction: the new session,
 * outbox rows, timers, requests, consents and analytics. Returns the live
 * events to show once the transaction has committed.
 */
export function applyStep(tx: Store, session: Session, effects: readonly Effect[], now: number): Emitted[] {
  const contactKey = session.contact.id;
  const emitted: Emitted[] = [];
  tx.insert(sessions)
    .values({
      id: session.id,
      contactKey,
      flowId: session.flowId,
      flowVersion: session.flowVersion,
      status: session.status,
      state: writeJson(session),
      startedAt: session.startedAt,
      updatedAt: now,
      endedReason: session.endedReason,
    })
    .onConflictDoUpdate({
      target: sessions.id,
      set: { status: session.status, state: writeJson(session), updatedAt: now, endedReason: session.endedReason },
    })
    .run();
  const track = (type: string, nodeId: string | null, data?: unknown) =>
    tx
      .insert(analyticsEvents)
      .values({
        contactKey,
        sessionId: session.id,
        flowId: session.flowId,
        flowVersion: session.flowVersion,
        type,
        nodeId,
        data: data === undefined ? null : writeJson(data),
        at: now,
      })
      .run();

  for (const effect of effects) {
    switch (effect.type) {
      case 'send':
        enqueueSend(
          tx,
          {
            key: `${session.id}:${effect.sendId}`,
            contactKey,
            sessionId: session.id,
            nodeId: effect.nodeId,
            payload: effect.payload,
            window: effect.window,
            pricing: effect.pricing,
            fallback: effect.fallback ?? null,
          },
          now,
        );
        break;
      case 'schedule_timer':
        tx.insert(timers)
          .values({
            id: effect.timerId,
            contactKey,
            sessionId: session.id,
            nodeId: effect.nodeId,
            purpose: effect.purpose,
            fireAt: effect.at,
            state: 'pending',
          })
          .onConflictDoNothing()
          .run();
        break;
      case 'cancel_timer':
        tx.update(timers)
          .set({ state: 'cancelled' })
          .where(and(eq(timers.id, effect.timerId), eq(timers.state, 'pending')))
          .run();
        break;
      case 'http_request':
      case 'ai_request':
        tx.insert(requests)
          .values({
            id: effect.requestId,
            contactKey,
            sessionId: session.id,
            kind: effect.type === 'http_request' ? 'http' : 'ai',
            effect: writeJson(effect),
            state: 'pending',
            createdAt: now,
          })
          .onConflictDoNothing()
          .run();
        break;
      case 'handoff':
        track('handoff', effect.nodeId, { queue: effect.queue, reason: effect.reason });
        break;
      case 'consent':
        recordConsent(tx, {
          contactKey,
          category: effect.category,
          action: effect.action,
          wording: effect.wording,
          source: `flow:${session.flowId}@${session.flowVersion}/${effect.nodeId ?? 'keyword'}`,
          at: now,
        });
        break;
      case 'visit':
        track('visit', effect.nodeId);
        emitted.push({ contactKey, event: { type: 'visit', nodeId: effect.nodeId } });
        break;
      case 'start_flow':
        enqueueInput(tx, {
          contactKey,
          input: { kind: 'start', payload: { flowId: effect.flowId, variables: effect.variables } },
          occurredAt: now,
          receivedAt: now,
        });
        break;
      case 'notice':
        track('notice', effect.nodeId, { code: effect.code, message: effect.message });
        break;
      case 'end':
        track('end', effect.nodeId, { outcome: effect.outcome, message: effect.message });
        emitted.push({ contactKey, event: { type: 'ended', outcome: effect.outcome } });
        break;
      default:
        assertNever(effect);
    }
  }
  return emitted;
}

function assertNever(value: never): never {
  throw new Error(`an effect kind the runtime does not handle: ${JSON.stringify(value)}`);
}
