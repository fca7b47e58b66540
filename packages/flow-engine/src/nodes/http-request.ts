import type { HttpRequestNode } from '@parley/flow-schema';
import { renderText, toJsonValue } from '../variables.ts';
import type { Handler } from './handler.ts';

// Inside a JSON body a value must not break the quoting around it.
const jsonEscape = (value: string) => JSON.stringify(value).slice(1, -1);

export const httpRequestHandler: Handler<HttpRequestNode> = {
  enter(node, st) {
    const requestId = st.ctx.newId('request');
    st.effects.push({
      type: 'http_request',
      requestId,
      nodeId: node.id,
      method: node.method,
      url: renderText(st, node.url, node.id, encodeURIComponent),
      // Secrets stay references; the runtime resolves them when it makes the call.
      headers: node.headers.map((h) => ('secret' in h ? h : { name: h.name, value: renderText(st, h.value, node.id) })),
      ...(node.body === undefined ? {} : { body: renderText(st, node.body, node.id, jsonEscape) }),
      timeoutMs: node.timeoutMs,
    });
    return { kind: 'wait', waiting: { on: 'http', nodeId: node.id, requestId } };
  },
  resume(node, st, input) {
    if (input.type !== 'http_result' || !input.ok) return { kind: 'next', port: 'error' };
    if (node.saveAs !== undefined) st.session.variables[node.saveAs] = toJsonValue(input.body);
    return { kind: 'next', port: 'success' };
  },
};
