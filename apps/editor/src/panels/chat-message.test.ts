import { describe, expect, it } from 'vitest';
import { parseBlock } from '../api/read-events.ts';
import { readBotMessage } from './chat-message.ts';

describe('readBotMessage', () => {
  it('reads reply buttons', () => {
    const bubble = readBotMessage({
      type: 'interactive',
      interactive: {
        type: 'button',
        body: { text: 'Pick one' },
        footer: { text: 'Acme' },
        action: { buttons: [{ type: 'reply', reply: { id: 'a', title: 'A' } }] },
      },
    });
    expect(bubble).toMatchObject({ text: 'Pick one', footer: 'Acme', buttons: [{ id: 'a', title: 'A' }] });
  });

  it('reads list rows and link buttons', () => {
    const list = readBotMessage({
      type: 'interactive',
      interactive: {
        type: 'list',
        body: { text: 'Menu' },
        action: { button: 'Open', sections: [{ rows: [{ id: 'r', title: 'R' }] }] },
      },
    });
    expect(list.list).toEqual({ button: 'Open', rows: [{ id: 'r', title: 'R' }] });
    const cta = readBotMessage({
      type: 'interactive',
      interactive: {
        type: 'cta_url',
        body: { text: 'See' },
        action: { name: 'cta_url', parameters: { display_text: 'Go', url: 'https://x.test' } },
      },
    });
    expect(cta.link).toEqual({ text: 'Go', url: 'https://x.test' });
  });

  it('reads text, templates and unknown shapes', () => {
    expect(readBotMessage({ type: 'text', text: { body: 'Hi' } }).text).toBe('Hi');
    expect(
      readBotMessage({
        type: 'template',
        template: {
          name: 'order_update',
          components: [{ type: 'body', parameters: [{ type: 'text', text: 'Maria' }] }],
        },
      }),
    ).toMatchObject({ template: 'order_update', text: 'Maria' });
    expect(readBotMessage(42).text).toContain('cannot show');
  });
});

describe('parseBlock', () => {
  it('reads the event name and joins data lines', () => {
    expect(parseBlock('event: visit\ndata: {"nodeId":\ndata: "a"}')).toEqual({
      event: 'visit',
      data: '{"nodeId":\n"a"}',
    });
    expect(parseBlock(': keep-alive')).toBeNull();
  });
});
