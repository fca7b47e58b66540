/**
 * What the sandbox chat panel streams: sends, node visits, statuses and ends,
 * per contact. In memory only: the database is the record, this is a live view.
 */
export type ConversationEvent =
  | { type: 'message'; id: string; payload: unknown; at: number }
  | { type: 'visit'; nodeId: string }
  | { type: 'status'; id: string; status: string }
  | { type: 'ended'; outcome: string };

type Listener = (event: ConversationEvent) => void;

export type ConversationEvents = {
  emit: (contactKey: string, event: ConversationEvent) => void;
  subscribe: (contactKey: string, listener: Listener) => () => void;
  /** Whether anyone is listening at all (lets a caller skip the work of an event nobody sees). */
  listening?: () => boolean;
};

export function createConversationEvents(): ConversationEvents {
  const listeners = new Map<string, Set<Listener>>();
  return {
    listening: () => listeners.size > 0,
    emit: (contactKey, event) => {
      for (const listener of listeners.get(contactKey) ?? []) listener(event);
    },
    subscribe: (contactKey, listener) => {
      const set = listeners.get(contactKey) ?? new Set<Listener>();
      set.add(listener);
      listeners.set(contactKey, set);
      return () => {
        set.delete(listener);
        if (set.size === 0) listeners.delete(contactKey);
      };
    },
  };
}
