import type { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import { type SimContext, waitIdle } from '../context.ts';
import type { CustomerActions } from '../customer.ts';
import { FaultSpec, WebhookFaultSpec } from '../faults.ts';
import { clearLateFailures } from '../late-failures.ts';
import type { CustomerEvent } from '../state/customers.ts';
import { templateStatusPayload } from '../webhook-payloads.ts';
import {
  ClockChange,
  CustomerMessage,
  TemplateSeedBody,
  TemplateStatusChange,
  WebhookUrlChange,
} from './control-schemas.ts';
import { parseBody } from './parse-body.ts';

function sendAs(customer: CustomerActions, from: string, m: CustomerMessage) {
  const profile = { name: m.name, username: m.username, replyTo: m.replyTo };
  switch (m.type) {
    case 'text':
      return customer.sendText(from, m.text, profile);
    case 'button':
      return customer.tapButton(from, m.id, m.title, profile);
    case 'list':
      return customer.pickListRow(from, m.id, m.title, m.description, profile);
    case 'template_button':
      return customer.tapTemplateButton(from, m.payload, m.text, profile);
    case 'location':
      return customer.shareLocation(
        from,
        { latitude: m.latitude, longitude: m.longitude, name: m.placeName, address: m.address },
        profile,
      );
    case 'media': {
      const data = m.dataBase64 === undefined ? undefined : new Uint8Array(Buffer.from(m.dataBase64, 'base64'));
      return customer.sendMedia(
        from,
        { kind: m.kind, mimeType: m.mimeType, data, caption: m.caption, filename: m.filename, voice: m.voice },
        profile,
      );
    }
    case 'reaction':
      return customer.sendReaction(from, m.messageId, m.emoji, profile);
    case 'unsupported':
      return customer.sendUnsupported(from, m.kind, profile);
  }
}

/**
 * `/_sim/*`: drives an out-of-process simulator (the runtime's sandbox, the
 * editor's chat, scripts). Not part of Meta's API and never authenticated
 * with the Graph token: it only ever listens on 127.0.0.1.
 */
export function registerControlRoutes(app: Hono, ctx: SimContext, customer: CustomerActions): void {
  app.get('/_sim/health', (c) => c.json({ ok: true, now: ctx.clock.now() }));

  app.post('/_sim/customers/:id/messages', async (c) => {
    const body = await parseBody(c, CustomerMessage);
    if (!body.ok) return body.response;
    const from = c.req.param('id');
    if (!ctx.customers.ensure(from)) return c.json({ error: `"${from}" is neither a phone number nor a BSUID` }, 400);
    const pending = sendAs(customer, from, body.value);
    if (c.req.query('wait') === '0') return c.json({ accepted: true }, 202);
    const result = await pending;
    const { outcome, attempts, lastHttpStatus } = result.delivery;
    return c.json({ id: result.id, customer: result.customer, delivery: { outcome, attempts, lastHttpStatus } });
  });

  app.get('/_sim/customers', (c) =>
    c.json(
      ctx.customers.list().map((x) => ({
        key: x.key,
        phone: x.phone,
        userId: x.userId,
        name: x.name,
        received: x.received.length,
        marketingStopped: x.marketingStopped,
        unreachable: x.unreachable,
      })),
    ),
  );
  app.get('/_sim/customers/:id/messages', (c) => c.json(customer.received(c.req.param('id'))));

  app.get('/_sim/customers/:id/stream', (c) =>
    streamSSE(c, async (stream) => {
      const queue: CustomerEvent[] = [];
      let wake: (() => void) | undefined;
      const unsubscribe = customer.subscribe(c.req.param('id'), (event) => {
        queue.push(event);
        wake?.();
      });
      stream.onAbort(unsubscribe);
      while (!stream.aborted && !ctx.closed.value) {
        const event = queue.shift();
        if (event) {
          await stream.writeSSE({
            event: event.type,
            data: JSON.stringify(event.type === 'message' ? event.message : event),
          });
          continue;
        }
        // A keep-alive wake-up; cleared when an event wakes the loop first, so timers do not pile up.
        let timer: ReturnType<typeof setTimeout> | undefined;
        await new Promise<void>((resolve) => {
          wake = resolve;
          timer = setTimeout(resolve, 15_000);
        });
        clearTimeout(timer);
        wake = undefined;
      }
      unsubscribe();
    }),
  );

  app.get('/_sim/requests', (c) => {
    const since = c.req.query('since');
    return c.json(
      ctx.requests.list({
        recipient: c.req.query('recipient'),
        path: c.req.query('path'),
        method: c.req.query('method'),
        since: since === undefined ? undefined : Number(since),
      }),
    );
  });
  app.delete('/_sim/requests', (c) => {
    ctx.requests.clear();
    return c.body(null, 204);
  });

  app.get('/_sim/clock', (c) => c.json({ now: ctx.clock.now() }));
  app.post('/_sim/clock', async (c) => {
    const body = await parseBody(c, ClockChange);
    if (!body.ok) return body.response;
    const now = 'advanceMs' in body.value ? ctx.clock.advance(body.value.advanceMs) : ctx.clock.set(body.value.now);
    return c.json({ now });
  });

  app.get('/_sim/faults', (c) => c.json(ctx.faults.pending()));
  app.post('/_sim/faults', async (c) => {
    const body = await parseBody(c, FaultSpec);
    if (!body.ok) return body.response;
    ctx.faults.inject(body.value);
    return c.json(ctx.faults.pending(), 201);
  });
  // Late failures are faults too: clearing them all is what a test resetting the simulator means.
  app.delete('/_sim/faults', (c) => {
    ctx.faults.clear();
    clearLateFailures(ctx);
    return c.body(null, 204);
  });
  app.post('/_sim/webhooks/faults', async (c) => {
    const body = await parseBody(c, WebhookFaultSpec);
    if (!body.ok) return body.response;
    ctx.webhooks.injectFaults(body.value);
    return c.body(null, 204);
  });
  app.get('/_sim/webhooks', (c) =>
    c.json(
      ctx.webhooks.log.map(({ seq, key, outcome, attempts, lastHttpStatus, duplicate, payload }) => ({
        seq,
        key,
        outcome,
        attempts,
        lastHttpStatus,
        duplicate,
        payload,
      })),
    ),
  );
  app.put('/_sim/webhook-url', async (c) => {
    const body = await parseBody(c, WebhookUrlChange);
    if (!body.ok) return body.response;
    ctx.webhookUrl.current = body.value.url ?? undefined;
    return c.json({ url: ctx.webhookUrl.current ?? null });
  });

  app.post('/_sim/templates', async (c) => {
    const body = await parseBody(c, TemplateSeedBody);
    if (!body.ok) return body.response;
    const existing = ctx.templates.find(body.value.name, body.value.language);
    if (existing) ctx.templates.remove(existing.name, existing.id);
    const entry = ctx.templates.add(body.value);
    return c.json({ id: entry.id, status: entry.status }, 201);
  });
  app.post('/_sim/templates/:id/status', async (c) => {
    const body = await parseBody(c, TemplateStatusChange);
    if (!body.ok) return body.response;
    const entry = ctx.templates.setStatus(c.req.param('id'), body.value.status);
    if (!entry) return c.json({ error: 'no such template' }, 404);
    void ctx.webhooks.enqueue(
      `template:${entry.id}`,
      templateStatusPayload(ctx.business, entry, entry.status, ctx.clock.now()),
    );
    return c.json({ id: entry.id, status: entry.status });
  });

  app.post('/_sim/idle', async (c) => {
    await waitIdle(ctx);
    return c.json({ idle: true });
  });
}
