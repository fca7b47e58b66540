import type { Purpose } from '../scope.ts';
import { nameOf, type ValidationContext } from './context.ts';
import { countCharacters } from './measure.ts';

/** Words that describe a general-purpose assistant rather than a business's own use. */
const GENERIC =
  /\b(anything|everything|whatever|general questions?|any (question|topic)s?|all (questions|topics)|general knowledge)\b/i;
/** A disclosure that tells the customer they are talking to software. */
const AUTOMATED =
  /\b(automated|automatic|bot|chatbot|virtual (assistant|agent)|ai assistant|not a (real )?(person|human))\b/i;
/** Purposes under which Meta allows AI as an incidental part of the business's service. */
const SUPPORT_LIKE: ReadonlySet<Purpose> = new Set<Purpose>([
  'customer_service',
  'account_support',
  'order_updates',
  'booking',
  'sales',
  'lead_qualification',
]);
const MIN_SUMMARY = 20;
/** Header names that carry credentials. */
const CREDENTIAL_HEADER = /(authorization|api[-_]?key|token|secret|password|credential|signature)/i;

/** Scope, bot label, AI confined to the scope, and credentials kept out of the document. */
export function checkScopeAndLabel(ctx: ValidationContext): void {
  const { flow, report } = ctx;
  const scope = flow.scope;
  if (scope === undefined) {
    report(
      'policy.no_scope',
      "This flow has no scope. Say what it is for (customer service, booking…), in a sentence a customer would understand, and the topics it covers: Meta's terms forbid general-purpose assistants.",
      { path: ['scope'] },
    );
  } else {
    const summary = scope.summary.trim();
    if (countCharacters(summary) < MIN_SUMMARY || summary.split(/\s+/).length < 4) {
      report(
        'policy.vague_scope',
        `The scope summary ${summary === '' ? 'is empty' : `"${summary}" is very short`}; say in a sentence what this bot helps customers with.`,
        { path: ['scope', 'summary'] },
      );
    } else if (GENERIC.test(summary)) {
      report(
        'policy.vague_scope',
        `The scope summary says "${summary.match(GENERIC)?.[0]}"; a WhatsApp bot must serve a specific business purpose, not answer anything.`,
        { path: ['scope', 'summary'] },
      );
    }
    if (scope.topics.filter((topic) => topic.trim() !== '').length === 0) {
      report('policy.vague_scope', 'The scope lists no topics; name the subjects this bot covers.', {
        path: ['scope', 'topics'],
      });
    }
    scope.topics.forEach((topic, index) => {
      if (GENERIC.test(topic)) {
        report('policy.vague_scope', `The topic "${topic}" is too general; name a specific subject.`, {
          path: ['scope', 'topics', index],
        });
      }
    });
  }

  const label = flow.botLabel;
  if (label === undefined || label.name.trim() === '' || label.disclosure.trim() === '') {
    report(
      'policy.no_bot_label',
      'The bot has no name and disclosure. Add a label that tells customers they are talking to an automated assistant and how to reach a person.',
      { path: label === undefined ? ['botLabel'] : ['botLabel', label.name.trim() === '' ? 'name' : 'disclosure'] },
    );
  } else if (!AUTOMATED.test(label.disclosure)) {
    report(
      'policy.disclosure_not_automated',
      `The disclosure "${label.disclosure}" does not say the bot is automated; add words such as "automated assistant".`,
      { path: ['botLabel', 'disclosure'] },
    );
  }

  const topics = new Set((scope?.topics ?? []).map((topic) => topic.trim().toLowerCase()));
  flow.nodes.forEach((node, index) => {
    if (node.kind === 'ai_answer') {
      if (scope !== undefined) {
        node.topics.forEach((topic, t) => {
          if (topics.has(topic.trim().toLowerCase())) return;
          report(
            'policy.ai_topic_out_of_scope',
            `The AI answer ${nameOf(node)} covers "${topic}", which is not among the scope's topics (${[...scope.topics].map((s) => `"${s}"`).join(', ') || 'none'}). Add it to the scope or remove it here.`,
            { nodeId: node.id, path: ['nodes', index, 'topics', t] },
          );
        });
        if (!SUPPORT_LIKE.has(scope.purpose)) {
          report(
            'policy.ai_purpose_not_support',
            `The AI answer ${nameOf(node)} is in a flow for ${scope.purpose.replaceAll('_', ' ')}; Meta allows AI as a part of support, sales or bookings.`,
            { nodeId: node.id, path: ['nodes', index] },
          );
        }
      }
    }
    if (node.kind === 'http_request') {
      node.headers.forEach((header, h) => {
        if (!('value' in header) || !CREDENTIAL_HEADER.test(header.name)) return;
        report(
          'policy.inline_secret',
          `The header "${header.name}" of ${nameOf(node)} has its value written in the flow, where anyone who sees the flow can read it. Refer to a secret instead ({"name": "${header.name}", "secret": "MY_API_KEY"}).`,
          { nodeId: node.id, path: ['nodes', index, 'headers', h, 'value'] },
        );
      });
    }
  });
}
