import type { ConsentCategory, TemplateCategory } from '@parley/flow-schema';

/**
 * The body of a Cloud API send, exactly as Meta takes it minus the addressing
 * (`messaging_product`, `to`/`recipient`), e.g. `{type: "text", text: {body}}`.
 * The runtime validates it with @parley/whatsapp before it goes out.
 */
export type OutboundPayload = { type: string } & Record<string, unknown>;

/** Meta's per-message pricing categories (service = free-form reply inside the window). */
export type PricingCategory = 'service' | TemplateCategory;

export type SendEffect = {
  type: 'send';
  /** Stable per send: the runtime's idempotency key derives from it. */
  sendId: string;
  /** The node that sent it; `GLOBAL_NODE` ("(global)") for the bot's disclosure and replies to global words. */
  nodeId: string;
  payload: OutboundPayload;
  /** `session`: free-form, only inside the 24-hour window. `template`: allowed any time. */
  window: 'session' | 'template';
  pricing: PricingCategory;
  /** For session sends: the template to send instead if the window has closed by send time. */
  fallback?: { payload: OutboundPayload; pricing: PricingCategory };
};

export type Effect =
  | SendEffect
  | {
      type: 'schedule_timer';
      timerId: string;
      nodeId: string | null;
      at: number;
      purpose: 'delay' | 'reply_timeout' | 'idle';
    }
  | { type: 'cancel_timer'; timerId: string }
  | {
      type: 'http_request';
      requestId: string;
      nodeId: string;
      method: string;
      url: string;
      headers: ({ name: string; value: string } | { name: string; secret: string })[];
      body?: string;
      timeoutMs: number;
    }
  | { type: 'ai_request'; requestId: string; nodeId: string; question: string; instructions: string; topics: string[] }
  | { type: 'handoff'; nodeId: string | null; queue: string; reason: 'node' | 'keyword' }
  | {
      type: 'consent';
      category: ConsentCategory | 'all';
      action: 'opt_in' | 'opt_out';
      wording: string;
      nodeId: string | null;
    }
  | { type: 'visit'; nodeId: string; at: number }
  | { type: 'start_flow'; flowId: string; variables: Record<string, unknown> }
  /** Something the author should know about, e.g. a placeholder with no value. Not fatal. */
  | { type: 'notice'; code: string; nodeId: string | null; message: string }
  | { type: 'end'; outcome: EndOutcome; nodeId: string | null; message: string };

export type EndOutcome =
  | 'completed'
  | 'idle_timeout'
  | 'window_closed'
  | 'loop_budget_exceeded'
  | 'opted_out'
  | 'jumped'
  | 'broken_flow'
  /** WhatsApp could not deliver a message (reported by the runtime with `send_failed`). */
  | 'undeliverable';

/** What the engine needs from the outside world: the time and fresh ids. Nothing else. */
export type StepContext = {
  now: number;
  newId: (prefix: string) => string;
  /** Node transitions allowed in one step before it stops with `loop_budget_exceeded`. Default 200. */
  maxTransitions?: number;
};

export type StepResult<S> = { session: S; effects: Effect[] };
