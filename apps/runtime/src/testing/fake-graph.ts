import type { GraphPort, GraphSendOutcome } from '../sender/graph-port.ts';

export type FakeGraph = GraphPort & {
  sent: Record<string, unknown>[];
  /** Outcomes to return before accepting again, in order. */
  queue: GraphSendOutcome[];
};

/** A Graph API stand-in for unit tests of the runtime; end-to-end tests use the simulator instead. */
export function createFakeGraph(): FakeGraph {
  let counter = 0;
  const fake: FakeGraph = {
    sent: [],
    queue: [],
    async sendMessage(body) {
      const next = fake.queue.shift();
      if (next) return next;
      fake.sent.push(body);
      counter += 1;
      return { kind: 'accepted', wamid: `wamid.fake${counter}` };
    },
  };
  return fake;
}
