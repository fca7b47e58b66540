import { isBsuid } from '../schemas/identity.ts';
import { listWebhookEvents, type WebhookEvent } from '../schemas/inbound/events.ts';
import { parseWebhook } from '../schemas/inbound/webhook.ts';
import type { SimulatorOptions } from '../simulator/options.ts';
import { startSimulator } from '../simulator/start-simulator.ts';
import { editableFixture } from './fixtures.ts';
import { FIXTURE_TEMPLATES } from './seed-templates.ts';
import { startWebhookReceiver } from './webhook-receiver.ts';

export const HARNESS_SECRET = 'harness-app-secret';
export const HARNESS_PNID = '106540352242922';

/**
 * A simulator served over HTTP on 127.0.0.1, posting its webhooks to a real
 * receiver, with helpers to send over HTTP and read what arrived. Call
 * `close()` after each test.
 */
export async function startSimulatorHarness(options: SimulatorOptions = {}) {
  const receiver = await startWebhookReceiver(HARNESS_SECRET);
  const running = await startSimulator({
    port: 0,
    appSecret: HARNESS_SECRET,
    webhookUrl: receiver.url,
    templates: FIXTURE_TEMPLATES,
    statusDelayMs: 1,
    ...options,
  });
  const sim = running.simulator;

  /** Any request to the simulator, with the Graph bearer token and a JSON body. */
  const call = (method: string, path: string, body?: unknown) =>
    fetch(`${running.url}${path}`, {
      method,
      headers: { 'content-type': 'application/json', authorization: 'Bearer sim-access-token' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  /** POSTs a send to `/messages` (or `endpoint`); `code` is the Graph error code when refused. */
  async function send(body: unknown, endpoint: 'messages' | 'marketing_messages' = 'messages') {
    const response = await call('POST', `/v25.0/${HARNESS_PNID}/${endpoint}`, body);
    const json: { messages?: { id: string }[]; error?: { code: number } } = await response.json();
    return { status: response.status, wamid: json.messages?.[0]?.id, code: json.error?.code };
  }

  const events = (): WebhookEvent[] =>
    receiver.received.flatMap((w) => {
      const parsed = parseWebhook(w.json);
      if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
      return listWebhookEvents(parsed.value);
    });
  const statuses = () => events().flatMap((e) => (e.kind === 'status' ? [e.status] : []));
  /** The statuses of one message, in arrival order. */
  const statusesOf = (wamid: string | undefined) => statuses().filter((s) => s.id === wamid);

  return {
    receiver,
    url: running.url,
    sim,
    call,
    send,
    events,
    statuses,
    statusesOf,
    close: async () => {
      await running.close();
      await receiver.close();
    },
  };
}

export type SimulatorHarness = Awaited<ReturnType<typeof startSimulatorHarness>>;

/** A send body built from a fixture, addressed to `to` (a phone) or, with `byUserId`, to a BSUID. */
export function sendBody(fixture: string, to: string, edit?: (body: ReturnType<typeof editableFixture>) => void) {
  const body = editableFixture(fixture);
  if (isBsuid(to)) {
    delete body.to;
    body.recipient = to;
  } else {
    body.to = to;
  }
  edit?.(body);
  return body;
}
