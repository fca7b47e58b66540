import { randomUUID } from 'node:crypto';
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { Session } from '@parley/flow-engine';
import { normalizePhone } from '@parley/whatsapp';
import { and, asc, desc, eq, ne, sql } from 'drizzle-orm';
import type { Clock } from '../clock.ts';
import { readJson } from '../db/json.ts';
import type { Db } from '../db/open-database.ts';
import { contactKeyFor, resolveContactKey } from '../db/resolve-contact.ts';
import { contacts, messages, sessions } from '../db/schema.ts';
import type { FlowStore } from '../flows/flow-store.ts';
import type { EnginePort } from '../processor/engine-port.ts';
import { enqueueInput } from '../queues/inbox.ts';
import { Conversation, ErrorBody, EventBody, MessageEntry } from './api-schemas.ts';

const json = <T extends z.ZodType>(schema: T, description: string) => ({
  content: { 'application/json': { schema } },
  description,
});
const ContactParam = z.object({ id: z.string().openapi({ param: { name: 'id', in: 'path' } }) });

const routes = {
  event: createRoute({
    method: 'post',
    path: '/events/{name}',
    tags: ['conversations'],
    request: {
      params: z.object({ name: z.string().openapi({ param: { name: 'name', in: 'path' } }) }),
      body: { content: { 'application/json': { schema: EventBody } }, required: true },
    },
    responses: {
      202: json(z.object({ started: z.array(z.object({ flowId: z.string(), sessionId: z.string() })) }), 'Queued'),
      400: json(ErrorBody, 'The contact is not a phone number or id'),
    },
  }),
  conversations: createRoute({
    method: 'get',
    path: '/contacts/{id}/conversations',
    tags: ['conversations'],
    request: { params: ContactParam },
    responses: { 200: json(z.object({ conversations: z.array(Conversation) }), 'Newest first') },
  }),
  messages: createRoute({
    method: 'get',
    path: '/contacts/{id}/messages',
    tags: ['conversations'],
    request: { params: ContactParam },
    responses: { 200: json(z.object({ messages: z.array(MessageEntry) }), 'Oldest first') },
  }),
  release: createRoute({
    method: 'post',
    path: '/contacts/{id}/handoff/release',
    tags: ['conversations'],
    request: { params: ContactParam },
    responses: {
      200: json(z.object({ sessionId: z.string() }), 'The bot has the conversation again'),
      409: json(ErrorBody, 'No conversation of this contact is with a person'),
    },
  }),
};

export type ConversationDeps = { db: Db; clock: Clock; flows: FlowStore; engine: EnginePort; kick: () => void };

/** Business events, a contact's conversations and messages, and handing a conversation back to the bot. */
export function registerConversationRoutes(api: OpenAPIHono, deps: ConversationDeps): void {
  const { db, clock } = deps;

  api.openapi(routes.event, (c) => {
    const { name } = c.req.valid('param');
    const { contact, data } = c.req.valid('json');
    const phone = contact.phone === undefined ? undefined : normalizePhone(contact.phone);
    if (contact.phone !== undefined && phone === undefined) {
      return c.json(
        {
          error: {
            code: 'event.bad_phone',
            message: 'contact.phone must be a phone number of 8 to 15 digits, with an optional leading +',
            issues: [{ path: 'contact.phone', message: 'not a phone number' }],
          },
        },
        400,
      );
    }
    const now = clock.now();
    const matches = deps.engine.matchEvent(deps.flows.livePublished(), name);
    const started = db.transaction((tx) => {
      const key = contact.id ?? resolveContactKey(tx, { phone }) ?? '';
      tx.insert(contacts)
        .values({ key, phone: phone ?? null, name: contact.name ?? null, createdAt: now })
        .onConflictDoUpdate({
          target: contacts.key,
          set: {
            phone: sql`coalesce(${contacts.phone}, excluded.phone)`,
            name: sql`coalesce(excluded.name, ${contacts.name})`,
          },
        })
        .run();
      return matches.map(({ flow }) => {
        const sessionId = `session_${randomUUID()}`;
        enqueueInput(tx, {
          contactKey: key,
          input: {
            kind: 'start',
            payload: { flowId: flow.flow.id, version: flow.version, sessionId, event: { name, data } },
          },
          occurredAt: now,
          receivedAt: now,
        });
        return { flowId: flow.flow.id, sessionId };
      });
    });
    deps.kick();
    return c.json({ started }, 202);
  });

  const keyOf = (id: string) => contactKeyFor(db, id);

  api.openapi(routes.conversations, (c) => {
    const id = keyOf(c.req.valid('param').id);
    const rows = db.select().from(sessions).where(eq(sessions.contactKey, id)).orderBy(desc(sessions.startedAt)).all();
    return c.json(
      {
        conversations: rows.map((row) => ({
          sessionId: row.id,
          flowId: row.flowId,
          flowVersion: row.flowVersion,
          status: row.status,
          startedAt: row.startedAt,
          endedReason: row.endedReason,
        })),
      },
      200,
    );
  });

  api.openapi(routes.messages, (c) => {
    const id = keyOf(c.req.valid('param').id);
    const rows = db
      .select()
      .from(messages)
      .where(eq(messages.contactKey, id))
      .orderBy(asc(messages.at), asc(messages.id))
      .all();
    return c.json(
      {
        messages: rows.map((row) => ({
          id: row.wamid ?? String(row.id),
          direction: row.direction === 'in' ? ('in' as const) : ('out' as const),
          payload: readJson(z.unknown(), row.payload, 'message payload'),
          status: row.status,
          pricing: row.pricing === null ? null : readJson(z.unknown(), row.pricing, 'message pricing'),
          at: row.at,
        })),
      },
      200,
    );
  });

  api.openapi(routes.release, (c) => {
    const id = keyOf(c.req.valid('param').id);
    const row = db
      .select({ state: sessions.state })
      .from(sessions)
      .where(and(eq(sessions.contactKey, id), ne(sessions.status, 'ended'), eq(sessions.status, 'handoff')))
      .orderBy(desc(sessions.startedAt))
      .get();
    if (!row) {
      return c.json({ error: { code: 'handoff.none', message: `no conversation of "${id}" is with a person` } }, 409);
    }
    const session = readJson(Session, row.state, 'session state');
    const now = clock.now();
    enqueueInput(db, {
      contactKey: id,
      input: { kind: 'handoff_released', payload: { sessionId: session.id, input: { type: 'handoff_released' } } },
      occurredAt: now,
      receivedAt: now,
    });
    deps.kick();
    return c.json({ sessionId: session.id }, 200);
  });
}
