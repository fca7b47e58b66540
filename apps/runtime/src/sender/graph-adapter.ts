import { classifyGraphError, type GraphClient, validateOutboundMessage } from '@parley/whatsapp';
import type { ClassifyError, GraphPort } from './graph-port.ts';

/**
 * The sender's port over @parley/whatsapp's Graph client. Payloads are
 * validated against Meta's limits before they leave; an invalid one is
 * rejected here exactly as Meta would (code 100 or 131008/131009).
 */
export function graphPortFrom(client: Pick<GraphClient, 'sendMessage'>): GraphPort {
  return {
    async sendMessage(body) {
      const valid = validateOutboundMessage(body);
      if (!valid.ok) {
        return {
          kind: 'rejected',
          code: valid.error.code,
          details: valid.error.error_data?.details ?? valid.error.message,
          httpStatus: valid.status,
        };
      }
      const result = await client.sendMessage(valid.value);
      if (result.ok) {
        const id = result.body.messages[0]?.id;
        return id ? { kind: 'accepted', wamid: id } : { kind: 'unknown', reason: 'the answer carried no message id' };
      }
      const error = result.error;
      if (typeof error.code === 'number') {
        return {
          kind: 'rejected',
          code: error.code,
          details: error.error_data?.details ?? error.message,
          httpStatus: result.status,
        };
      }
      // A 5xx without Meta's error envelope came from a proxy in front of Meta: nothing was accepted.
      if (error.code === 'invalid_response' && result.status >= 500) {
        return { kind: 'rejected', code: 2, details: `HTTP ${result.status}`, httpStatus: result.status };
      }
      return { kind: 'unknown', reason: `${error.code}: ${error.message}` };
    },
  };
}

export const classifyError: ClassifyError = classifyGraphError;
