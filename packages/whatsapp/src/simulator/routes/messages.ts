import type { Hono } from 'hono';
import { validateMarkRead, validateOutboundMessage } from '../../errors/validate-outbound.ts';
import type { SimContext } from '../context.ts';
import { acceptSend } from '../send-message.ts';
import { type Answer, graphError, graphRoute } from './graph-route.ts';

const VERSION = '/:version{v\\d+\\.0}';

function wrongNumber(ctx: SimContext, pnid: string): Answer | undefined {
  if (pnid === ctx.options.phoneNumberId) return undefined;
  return graphError(
    100,
    `Unsupported post request. Object with ID '${pnid}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.`,
  );
}

/**
 * `POST /{version}/{phone-number-id}/messages` (send, mark as read, typing) and
 * `/marketing_messages` (MARKETING templates), reference §1, §2.7–§2.8.
 */
export function registerMessageRoutes(app: Hono, ctx: SimContext): void {
  for (const endpoint of ['messages', 'marketing_messages'] as const) {
    app.post(
      `${VERSION}/:pnid/${endpoint}`,
      graphRoute(ctx, 'send', (c, body) => {
        const wrong = wrongNumber(ctx, c.req.param('pnid') ?? '');
        if (wrong) return wrong;
        if (body === undefined)
          return graphError(100, 'The request body must be JSON (Content-Type: application/json).');
        if (
          endpoint === 'messages' &&
          typeof body === 'object' &&
          body !== null &&
          Reflect.get(body, 'status') === 'read'
        ) {
          return markRead(ctx, body);
        }
        const checked = validateOutboundMessage(body);
        if (!checked.ok)
          return { error: checked.error.code, details: checked.error.error_data?.details ?? checked.error.message };
        const outcome = acceptSend(ctx, checked.value, endpoint);
        if (!outcome.ok) return graphError(outcome.code, outcome.details);
        return { status: 200, body: outcome.body, messageId: outcome.messageId };
      }),
    );
  }
}

function markRead(ctx: SimContext, body: unknown): Answer {
  const checked = validateMarkRead(body);
  if (!checked.ok)
    return { error: checked.error.code, details: checked.error.error_data?.details ?? checked.error.message };
  const found = ctx.customers
    .list()
    .find((customer) => customer.inbound.some((m) => m.id === checked.value.message_id));
  if (!found)
    return graphError(
      100,
      `Invalid parameter: message_id ${checked.value.message_id} is not a message this number received`,
    );
  const message = found.inbound.find((m) => m.id === checked.value.message_id);
  if (message) {
    message.readAt = ctx.clock.now();
    if (checked.value.typing_indicator) message.typingAt = ctx.clock.now();
  }
  return { status: 200, body: { success: true }, recipient: found.key };
}
