import { waitsForCustomer } from '../ports.ts';
import { nameOf, type ValidationContext } from './context.ts';
import { templatesOf } from './text-fields.ts';

/**
 * A way to a person from every waiting node, and marketing templates only
 * behind a marketing opt-in. Both are walks over the graph, linear in its size.
 */
export function checkPaths(ctx: ValidationContext): void {
  checkHumanPath(ctx);
  checkMarketingOptIn(ctx);
}

/**
 * The rule: the handoff keyword works anywhere in a conversation, so a flow
 * whose disclosure tells customers that keyword gives every waiting node a way
 * to a person. Otherwise every waiting node must reach a handoff node along its
 * edges. A jump continues in another flow, which is checked on its own, so it
 * counts as a way out.
 */
function checkHumanPath(ctx: ValidationContext): void {
  const { flow, outgoing } = ctx;
  const keyword = flow.settings.handoffKeyword.trim().toLowerCase();
  const disclosure = flow.botLabel?.disclosure.toLowerCase() ?? '';
  if (keyword !== '' && disclosure.includes(keyword)) return;

  const incoming: number[][] = flow.nodes.map(() => []);
  outgoing.forEach((links, from) => {
    for (const link of links) incoming[link.to]?.push(from);
  });
  const leadsToPerson = new Uint8Array(flow.nodes.length);
  const queue: number[] = [];
  flow.nodes.forEach((node, index) => {
    if (node.kind === 'handoff' || node.kind === 'jump') {
      leadsToPerson[index] = 1;
      queue.push(index);
    }
  });
  for (let head = 0; head < queue.length; head++) {
    for (const from of incoming[queue[head] ?? 0] ?? []) {
      if (leadsToPerson[from] === 0) {
        leadsToPerson[from] = 1;
        queue.push(from);
      }
    }
  }

  const reached = ctx.reached();
  flow.nodes.forEach((node, index) => {
    if (reached[index] === 0 || leadsToPerson[index] === 1 || !waitsForCustomer(node)) return;
    ctx.report(
      'policy.no_human_path',
      `A customer waiting at ${nameOf(node)} has no way to reach a person. Connect a path to a Handoff node, or tell customers the handoff keyword "${flow.settings.handoffKeyword}" in the bot's disclosure.`,
      { nodeId: node.id, path: ['nodes', index] },
    );
  });
}

/**
 * Walks from every trigger that does not imply marketing consent, stopping at
 * marketing opt-in nodes: a marketing template met on the way has a path with
 * no opt-in before it.
 */
function checkMarketingOptIn(ctx: ValidationContext): void {
  const { flow, outgoing } = ctx;
  const seen = new Uint8Array(flow.nodes.length);
  const queue: number[] = [];
  for (const trigger of flow.triggers) {
    if (trigger.kind === 'schedule' && trigger.audience === 'opted_in_marketing') continue;
    const start = ctx.indexOf.get(trigger.start);
    if (start !== undefined && seen[start] === 0) {
      seen[start] = 1;
      queue.push(start);
    }
  }
  for (let head = 0; head < queue.length; head++) {
    const position = queue[head] ?? 0;
    const node = flow.nodes[position];
    if (node === undefined || (node.kind === 'opt_in' && node.category === 'marketing')) continue;
    for (const { template, at } of templatesOf(node)) {
      if (template.category !== 'marketing') continue;
      ctx.report(
        'policy.marketing_without_opt_in',
        `${nameOf(node)} sends the marketing template "${template.name}", but a customer can get here without agreeing to marketing messages. Put a marketing Opt-in node before it, or start the flow from a schedule for contacts opted in to marketing.`,
        { nodeId: node.id, path: ['nodes', position, at, 'category'] },
      );
    }
    for (const link of outgoing[position] ?? []) {
      if (seen[link.to] === 0) {
        seen[link.to] = 1;
        queue.push(link.to);
      }
    }
  }
}
