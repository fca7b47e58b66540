import { useEffect, useRef, useState } from 'react';
import type { Api, CustomerMessage } from '../api/client.ts';
import { readEvents } from '../api/read-events.ts';
import type { ChatBubble } from './chat-message.ts';
import { readBotMessage } from './chat-message.ts';

type LineBody = { from: 'bot'; bubble: ChatBubble } | { from: 'me'; text: string } | { from: 'note'; text: string };
type Line = LineBody & { key: string };

type Props = {
  /** Template preview texts by name (see `templatePreviews`). */
  previews: ReadonlyMap<string, string>;
  api: Api;
  flowId: string;
  published: boolean;
  onVisit: (nodeId: string) => void;
  onRestart: () => void;
};

const DAY_AND_AN_HOUR = 25 * 3_600_000;

/**
 * Plays the published flow against the runtime's simulator, as a WhatsApp chat
 * would show it: the user is the customer, the bot's replies stream in.
 */
export function ChatPanel({ api, flowId, published, previews, onVisit, onRestart }: Props) {
  const [phone, setPhone] = useState<string | null>(null);
  const [lines, setLines] = useState<Line[]>([]);
  const [draft, setDraft] = useState('');
  const [status, setStatus] = useState<'idle' | 'connecting' | 'live' | 'ended'>('idle');
  const waiting = status === 'idle' || status === 'connecting';
  const [problem, setProblem] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<string | null>(null);
  const stream = useRef<AbortController | null>(null);
  const counter = useRef(0);
  const end = useRef<HTMLLIElement | null>(null);

  const add = (line: LineBody) => {
    counter.current += 1;
    const key = `l${counter.current}`;
    setLines((all) => [...all, { ...line, key }]);
  };

  useEffect(() => () => stream.current?.abort(), []);
  // Keep the newest message in view whenever one arrives.
  const count = lines.length + (outcome ? 1 : 0);
  useEffect(() => {
    if (count > 0) end.current?.scrollIntoView?.({ block: 'end' });
  }, [count]);

  async function start() {
    stream.current?.abort();
    setLines([]);
    setProblem(null);
    setOutcome(null);
    onRestart();
    const started = await api.startConversation(flowId);
    if (!started.ok) {
      setProblem(started.error.message);
      return;
    }
    const controller = new AbortController();
    stream.current = controller;
    setPhone(started.value.phone);
    setStatus('connecting');
    // The customer may only write once the live view is connected, or the first replies would be missed.
    readEvents(
      api.streamUrl(started.value.phone),
      api.token,
      controller.signal,
      (event) => {
        let data: unknown = null;
        try {
          data = JSON.parse(event.data);
        } catch {
          return;
        }
        const fields = typeof data === 'object' && data !== null ? Object.fromEntries(Object.entries(data)) : {};
        if (event.event === 'message') add({ from: 'bot', bubble: readBotMessage(fields.payload, previews) });
        else if (event.event === 'visit' && typeof fields.nodeId === 'string') onVisit(fields.nodeId);
        else if (event.event === 'ended') {
          setStatus('ended');
          setOutcome(String(fields.outcome ?? 'completed').replaceAll('_', ' '));
        }
      },
      () => setStatus('live'),
    ).catch(() => {
      if (!controller.signal.aborted) setProblem('The live connection to the simulator was lost.');
    });
  }

  async function send(message: CustomerMessage, shown: string) {
    if (!phone) return;
    add({ from: 'me', text: shown });
    const sent = await api.sendAsCustomer(phone, message);
    if (!sent.ok) setProblem(sent.error.message);
  }

  async function jumpADay() {
    const moved = await api.advanceClock(DAY_AND_AN_HOUR);
    if (moved.ok) add({ from: 'note', text: 'Clock moved 25 hours ahead: the 24-hour window has closed.' });
    else setProblem(moved.error.message);
  }

  return (
    <aside className="chat" aria-label="Chat preview">
      <header className="chat-head">
        <strong>Try it</strong>
        <button type="button" onClick={start} disabled={!published}>
          {status === 'idle' ? 'Start chat' : 'Restart chat'}
        </button>
        <button type="button" onClick={jumpADay} disabled={waiting} aria-label="Jump 25 hours ahead">
          +25 h
        </button>
      </header>
      {!published ? <p className="note">Publish the flow to chat with it.</p> : null}
      {problem ? (
        <p className="field-issue" role="alert">
          {problem}
        </p>
      ) : null}
      <ol className="chat-lines" aria-label="Messages" aria-live="polite">
        {lines.map((line) => (
          <li key={line.key} className={`chat-line chat-from-${line.from}`}>
            {line.from === 'bot' ? (
              <BotBubble bubble={line.bubble} onReply={send} />
            ) : (
              <div className="chat-text">{line.text}</div>
            )}
          </li>
        ))}
        {/* The end is announced before the last sends leave the outbox; it is shown last, where the customer would see it. */}
        {outcome ? (
          <li className="chat-line chat-from-note">
            <div className="chat-text">Conversation ended ({outcome})</div>
          </li>
        ) : null}
        <li ref={end} aria-hidden="true" />
      </ol>
      <form
        className="chat-input"
        onSubmit={(e) => {
          e.preventDefault();
          if (draft.trim() === '') return;
          send({ type: 'text', text: draft }, draft);
          setDraft('');
        }}
      >
        <input
          aria-label="Message as the customer"
          placeholder="Type a message"
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          disabled={waiting}
        />
        <button type="submit" disabled={waiting}>
          Send
        </button>
      </form>
    </aside>
  );
}

function BotBubble({ bubble, onReply }: { bubble: ChatBubble; onReply: (m: CustomerMessage, shown: string) => void }) {
  return (
    <div className="chat-bot">
      <div className="chat-text">
        {bubble.template ? <div className="template-tag">Template {bubble.template}</div> : null}
        {bubble.header ? <strong>{bubble.header}</strong> : null}
        <div>{bubble.text}</div>
        {bubble.footer ? <div className="bubble-footer">{bubble.footer}</div> : null}
      </div>
      {bubble.buttons.map((b) => (
        <button
          type="button"
          key={b.id}
          className="reply-button"
          onClick={() => onReply({ type: 'button', id: b.id, title: b.title }, b.title)}
        >
          {b.title}
        </button>
      ))}
      {bubble.link ? (
        <a className="reply-button" href={bubble.link.url} target="_blank" rel="noreferrer">
          ↗ {bubble.link.text}
        </a>
      ) : null}
      {bubble.list ? (
        <fieldset className="chat-list">
          <legend>☰ {bubble.list.button}</legend>
          {bubble.list.rows.map((r) => (
            <button
              type="button"
              key={r.id}
              className="reply-button"
              onClick={() => onReply({ type: 'list', id: r.id, title: r.title }, r.title)}
            >
              {r.title}
              {r.description ? <small>{r.description}</small> : null}
            </button>
          ))}
        </fieldset>
      ) : null}
    </div>
  );
}
