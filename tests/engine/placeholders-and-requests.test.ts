import { describe, expect, it } from 'vitest';
import { at, buildFlow, Conversation, ending, ofType, said, say, sends } from './harness.ts';

describe('placeholders', () => {
  it('renders a missing variable as empty text and tells the author', () => {
    const flow = buildFlow([{ id: 'hi', kind: 'text', text: 'Hello {{first_name}}, order {{order.id}} is ready.' }]);
    const effects = new Conversation(flow).start();
    expect(said(effects)).toEqual(['Hello , order  is ready.']);
    expect(JSON.stringify(effects)).not.toContain('undefined');
    expect(ofType(effects, 'notice').map((n) => [n.code, n.nodeId])).toEqual([
      ['missing_variable', 'hi'],
      ['missing_variable', 'hi'],
    ]);
    expect(ofType(effects, 'notice')[0]?.message).toContain('{{first_name}}');
  });

  it('reads event data, built-in contact fields and declared defaults', () => {
    const flow = buildFlow(
      [
        {
          id: 'note',
          kind: 'template',
          template: {
            name: 'order_shipped',
            language: 'en_US',
            category: 'utility',
            bodyParameters: [{ value: '{{contact_name}}' }, { value: '{{event.order.id}}' }, { value: '{{carrier}}' }],
          },
        },
      ],
      [],
      {
        triggers: [{ id: 'shipped', kind: 'event', event: 'order_shipped', start: 'note' }],
        variables: [{ name: 'carrier', defaultValue: 'DHL' }],
      },
    );
    const effects = new Conversation(flow).start({
      type: 'event',
      name: 'order_shipped',
      data: { order: { id: 'A-1001' } },
    });
    const parameters = at(sends(effects)[0]?.payload, 'template', 'components', 0, 'parameters');
    expect(parameters).toEqual([
      { type: 'text', text: 'Maria' },
      { type: 'text', text: 'A-1001' },
      { type: 'text', text: 'DHL' },
    ]);
    expect(ofType(effects, 'notice')).toEqual([]);
  });
});

describe('template parameters', () => {
  const flow = buildFlow(
    [
      {
        id: 'confirm',
        kind: 'template',
        template: {
          name: 'order_confirmed',
          language: 'en_US',
          category: 'utility',
          bodyParameters: [{ value: '{{contact_name}}', fallback: 'there' }, { value: '{{event.order_id}}' }],
        },
      },
    ],
    [],
    { triggers: [{ id: 'confirmed', kind: 'event', event: 'order_confirmed', start: 'confirm' }] },
  );
  const confirmed = { type: 'event' as const, name: 'order_confirmed', data: { order_id: 'A-7' } };
  const parameters = (effects: ReturnType<Conversation['start']>) =>
    at(sends(effects)[0]?.payload, 'template', 'components', 0, 'parameters');

  it('sends the fallback when the value comes out empty, since WhatsApp refuses empty parameters', () => {
    const effects = new Conversation(flow).start(confirmed, { contact: { id: '4915550002222' } });
    expect(parameters(effects)).toEqual([
      { type: 'text', text: 'there' },
      { type: 'text', text: 'A-7' },
    ]);
  });

  it('sends the value itself when there is one', () => {
    const effects = new Conversation(flow).start(confirmed, { contact: { id: '4915550002222', name: 'Ana' } });
    expect(parameters(effects)).toEqual([
      { type: 'text', text: 'Ana' },
      { type: 'text', text: 'A-7' },
    ]);
  });
});

describe('HTTP requests', () => {
  const flow = buildFlow(
    [
      { id: 'ask', kind: 'question', prompt: 'Order number?', answerType: 'text', saveAs: 'order_id' },
      {
        id: 'lookup',
        kind: 'http_request',
        method: 'POST',
        url: 'https://shop.example.com/orders/{{order_id}}',
        headers: [
          { name: 'Authorization', secret: 'SHOP_TOKEN' },
          { name: 'X-Who', value: '{{contact_name}}' },
        ],
        body: '{"order": "{{order_id}}"}',
        saveAs: 'order',
      },
      { id: 'found', kind: 'end', message: 'Your order is {{order.status}}.' },
      { id: 'failed', kind: 'end', message: 'I could not find it.' },
    ],
    [
      ['ask', 'answered', 'lookup'],
      ['lookup', 'success', 'found'],
      ['lookup', 'error', 'failed'],
    ],
  );

  function askedFor(chat: Conversation, answer: string) {
    chat.start();
    const request = ofType(chat.send(say(answer)), 'http_request')[0];
    if (!request) throw new Error('no request');
    return request;
  }

  it('emits the request with placeholders filled safely, secrets by name, and pauses', () => {
    const chat = new Conversation(flow);
    const request = askedFor(chat, 'A/1 "x"');
    expect(request).toMatchObject({
      method: 'POST',
      url: 'https://shop.example.com/orders/A%2F1%20%22x%22',
      headers: [
        { name: 'Authorization', secret: 'SHOP_TOKEN' },
        { name: 'X-Who', value: 'Maria' },
      ],
      body: '{"order": "A/1 \\"x\\""}',
      timeoutMs: 10_000,
    });
    expect(JSON.parse(request.body ?? '')).toEqual({ order: 'A/1 "x"' });
    expect(chat.session.waiting).toEqual({ on: 'http', nodeId: 'lookup', requestId: request.requestId });
  });

  it('saves the body and follows success', () => {
    const chat = new Conversation(flow);
    const { requestId } = askedFor(chat, 'A-1');
    const effects = chat.send({ type: 'http_result', requestId, ok: true, status: 200, body: { status: 'shipped' } });
    expect(said(effects)).toEqual(['Your order is shipped.']);
  });

  it('follows error on a failed request', () => {
    const chat = new Conversation(flow);
    const { requestId } = askedFor(chat, 'A-1');
    expect(said(chat.send({ type: 'http_result', requestId, ok: false, status: 503, body: null }))).toEqual([
      'I could not find it.',
    ]);
  });
});

describe('AI answers', () => {
  const flow = buildFlow(
    [
      { id: 'faq', kind: 'ai_answer', instructions: 'Answer from the FAQ.', topics: ['delivery'] },
      { id: 'more', kind: 'end', message: 'Anything else? Write again.' },
      { id: 'off', kind: 'handoff', message: 'Let me find a person for that.' },
    ],
    [
      ['faq', 'answered', 'more'],
      ['faq', 'out_of_scope', 'off'],
    ],
  );

  it('asks with the customer message and sends the answer as a session message', () => {
    const chat = new Conversation(flow);
    const request = ofType(chat.start(say('When will my parcel arrive?')), 'ai_request')[0];
    expect(request).toMatchObject({ question: 'When will my parcel arrive?', topics: ['delivery'] });
    const effects = chat.send({
      type: 'ai_result',
      requestId: request?.requestId ?? '',
      ok: true,
      inScope: true,
      answer: 'In 2 days.',
    });
    expect(said(effects)).toEqual(['In 2 days.', 'Anything else? Write again.']);
    expect(sends(effects)[0]).toMatchObject({ window: 'session', pricing: 'service', nodeId: 'faq' });
  });

  it('takes out_of_scope for questions outside the topics', () => {
    const chat = new Conversation(flow);
    const request = ofType(chat.start(say('Write me a poem')), 'ai_request')[0];
    const effects = chat.send({ type: 'ai_result', requestId: request?.requestId ?? '', ok: true, inScope: false });
    expect(said(effects)).toEqual(['Let me find a person for that.']);
  });

  it('ends quietly on an error with nothing connected', () => {
    const chat = new Conversation(flow);
    const request = ofType(chat.start(say('hi')), 'ai_request')[0];
    const effects = chat.send({ type: 'ai_result', requestId: request?.requestId ?? '', ok: false, inScope: true });
    expect(said(effects)).toEqual([]);
    expect(ending(effects)?.outcome).toBe('completed');
  });
});

describe('jump', () => {
  it('starts the other flow with the variables and ends with jumped', () => {
    const flow = buildFlow(
      [
        { id: 'set', kind: 'set_variables', assignments: [{ variable: 'topic', value: 'returns' }] },
        { id: 'go', kind: 'jump', flowId: 'returns-flow' },
      ],
      [['set', 'next', 'go']],
    );
    const effects = new Conversation(flow).start();
    expect(ofType(effects, 'start_flow')[0]).toMatchObject({ flowId: 'returns-flow', variables: { topic: 'returns' } });
    expect(ending(effects)?.outcome).toBe('jumped');
  });
});
