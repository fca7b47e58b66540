import type { GraphError } from '../schemas/graph/error.ts';
import { classifyGraphError } from './catalogue.ts';

/**
 * Builds a Graph error body the way Meta words it: `(#code) title` as the
 * message, the cause in `error_data.details`, and a trace id.
 */
export function buildGraphError(code: number, details: string, fbtraceId = 'ParleySimulator'): GraphError {
  const message =
    code === 190
      ? 'Error validating access token: Session has expired.'
      : `(#${code}) ${classifyGraphError(code).title}`;
  return {
    message,
    type: 'OAuthException',
    code,
    error_data: { messaging_product: 'whatsapp', details },
    fbtrace_id: fbtraceId,
  };
}
