import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type AdjustableClock, createAdjustableClock } from '../clock.ts';
import { createConversationEvents } from '../conversation-events.ts';
import { type OpenDatabase, openDatabase } from '../db/open-database.ts';
import { contacts } from '../db/schema.ts';
import { createMemoryLogger } from '../logger.ts';
import { createMessageLog } from '../message-log/message-log.ts';
import { createOutbox, enqueueSend } from '../queues/outbox.ts';
import { createFakeGraph, type FakeGraph } from '../testing/fake-graph.ts';
import { classifyError } from './graph-adapter.ts';
import { createSender, type Sender } from './sender.ts';

const CONTACTS = 40;
/** A burst of 20 per contact; one token comes back every six seconds. */
const PAIR_BURST = 20;
const ONE_TOKEN_MS = 6000;

let dir: string;
let database: OpenDatabase;
let clock: AdjustableClock;
let graph: FakeGraph;
let sender: Sender;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'parley-pairs-'));
  database = openDatabase(join(dir, 'parley.db'));
  clock = createAdjustableClock();
  graph = createFakeGraph();
  sender = createSender({
    db: database.db,
    outbox: createOutbox(database.db),
    messageLog: createMessageLog(database.db),
    clock,
    graph,
    classify: classifyError,
    log: createMemoryLogger(),
    events: createConversationEvents(),
    sendRate: 80,
    pairBurst: PAIR_BURST,
    tierLimit: 250,
    onInbox: () => {},
  });
});
afterEach(async () => {
  await sender.settled();
  database.close();
  rmSync(dir, { recursive: true, force: true });
});

/** One session reply queued for each of `CONTACTS` customers who just wrote. */
function queueReplies(now: number): void {
  const { db } = database;
  for (let i = 0; i < CONTACTS; i++) {
    const contactKey = `contact-${i}`;
    db.insert(contacts)
      .values({ key: contactKey, phone: `1555000${String(i).padStart(4, '0')}`, lastInboundAt: now, createdAt: now })
      .run();
    enqueueSend(
      db,
      {
        key: `reply-${i}`,
        contactKey,
        payload: { type: 'text', text: { body: 'Thanks!' } },
        window: 'session',
        pricing: 'service',
      },
      now,
    );
  }
}

describe('the sender’s per-contact pair-rate state', () => {
  it('is let go once every contact’s bucket has refilled', async () => {
    queueReplies(clock.now());
    while (sender.backlog() > 0) {
      sender.tick();
      await sender.settled();
      clock.advance(50);
    }
    expect(graph.sent).toHaveLength(CONTACTS);
    expect(sender.pairStates()).toBe(CONTACTS);

    clock.advance(ONE_TOKEN_MS + 1000);
    sender.tick();
    expect(sender.pairStates()).toBe(0);
  });
});
