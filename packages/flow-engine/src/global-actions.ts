import type { GlobalWord } from './global-words.ts';
import { textPayload } from './payloads/text.ts';
import { GLOBAL_NODE, sendSession } from './send.ts';
import { endSession, replaceWaiting, type StepState } from './step-state.ts';

const OPTED_OUT = "You're unsubscribed and won't get more messages from us. Write to us any time if you need help.";
const HANDING_OFF = 'OK, a person from our team will reply here shortly.';

/** Acts on an opt-out or a request for a person, whatever the flow was doing. */
export function applyGlobalWord(st: StepState, word: GlobalWord, text: string): void {
  const nodeId = st.session.nodeId;
  if (word.kind === 'opt_out') {
    st.effects.push({
      type: 'consent',
      category: word.category,
      action: 'opt_out',
      wording: `The customer wrote "${text.trim()}".`,
      nodeId,
    });
    sendSession(st, GLOBAL_NODE, textPayload(OPTED_OUT), undefined);
    endSession(st, 'opted_out', `The customer opted out (${word.category}) by writing "${text.trim()}".`);
    return;
  }
  replaceWaiting(st, { on: 'handoff' });
  // The team the author hands off to in the flow is the one a customer asking for a person expects.
  const team = st.flow.nodes.find((node) => node.kind === 'handoff');
  const queue = team?.kind === 'handoff' ? team.queue : 'default';
  st.effects.push({ type: 'handoff', nodeId, queue, reason: 'keyword' });
  sendSession(st, GLOBAL_NODE, textPayload(HANDING_OFF), undefined);
}
