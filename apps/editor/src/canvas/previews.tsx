import type { FlowNode, NodeKind, NodeOfKind } from '@parley/flow-schema';
import type { ReactNode } from 'react';

/** Turns flow text into what the customer reads: placeholders filled with the variables' examples. */
export type Fill = (text: string) => string;

type Preview<K extends NodeKind> = (node: NodeOfKind<K>, fill: Fill) => ReactNode;

function Bubble({ children, footer }: { children: ReactNode; footer?: string | undefined }) {
  return (
    <div className="bubble">
      {children}
      {footer ? <div className="bubble-footer">{footer}</div> : null}
    </div>
  );
}

const Note = ({ children }: { children: ReactNode }) => <div className="note">{children}</div>;

function templateText(node: NodeOfKind<'template'>, fill: Fill): string {
  const values = node.template.bodyParameters.map((p) => fill(p.value));
  const preview = node.template.previewText ?? `Template "${node.template.name}"`;
  // Positional {{1}} and named {{name}} parameters, as WhatsApp fills them.
  return preview.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, key: string) => {
    const byIndex = /^\d+$/.test(key) ? values[Number(key) - 1] : undefined;
    const byName = node.template.bodyParameters.find((p) => p.name === key);
    return byIndex ?? (byName ? fill(byName.value) : whole);
  });
}

// What each kind looks like on the canvas: the WhatsApp message it sends, or a
// short plain-words note for steps the customer does not see.
const previews: { [K in NodeKind]: Preview<K> } = {
  text: (n, fill) => <Bubble>{fill(n.text)}</Bubble>,
  media: (n, fill) => (
    <Bubble>
      <div className="media-box">{n.mediaType}</div>
      {n.caption ? fill(n.caption) : null}
    </Bubble>
  ),
  buttons: (n, fill) => (
    <>
      <Bubble footer={n.footer}>
        {n.header?.type === 'text' ? <strong>{fill(n.header.text)}</strong> : null}
        <div>{fill(n.body)}</div>
      </Bubble>
      {n.buttons.map((b) => (
        <div className="reply-button" key={b.id}>
          {b.title}
        </div>
      ))}
    </>
  ),
  list: (n, fill) => (
    <>
      <Bubble footer={n.footer}>
        {n.header ? <strong>{fill(n.header)}</strong> : null}
        <div>{fill(n.body)}</div>
      </Bubble>
      <div className="reply-button">☰ {n.buttonText}</div>
    </>
  ),
  cta_url: (n, fill) => (
    <>
      <Bubble footer={n.footer}>{fill(n.body)}</Bubble>
      <div className="reply-button">↗ {n.displayText}</div>
    </>
  ),
  location_request: (n, fill) => (
    <>
      <Bubble>{fill(n.body)}</Bubble>
      <div className="reply-button">Send location</div>
    </>
  ),
  template: (n, fill) => (
    <>
      <Bubble>
        <div className="template-tag">Template · {n.template.category}</div>
        {templateText(n, fill)}
      </Bubble>
      {n.template.quickReplies.map((q) => (
        <div className="reply-button" key={q.payload}>
          {q.title}
        </div>
      ))}
    </>
  ),
  question: (n, fill) => (
    <>
      <Bubble>{fill(n.prompt)}</Bubble>
      <Note>Keeps the answer as {`{{${n.saveAs}}}`}</Note>
    </>
  ),
  condition: (n) => <Note>{n.rules.length === 1 ? 'Checks one rule' : `Checks ${n.rules.length} rules in order`}</Note>,
  set_variables: (n) => <Note>{n.assignments.map((a) => `${a.variable} = ${a.value}`).join(', ')}</Note>,
  http_request: (n) => (
    <Note>
      {n.method} {n.url}
    </Note>
  ),
  delay: (n) => (
    <Note>
      Waits {n.amount} {n.unit}
    </Note>
  ),
  handoff: (n, fill) => (
    <>
      {n.message ? <Bubble>{fill(n.message)}</Bubble> : null}
      <Note>Team: {n.queue}</Note>
    </>
  ),
  ai_answer: (n) => <Note>Answers about: {n.topics.join(', ')}</Note>,
  opt_in: (n) => (
    <Note>
      Records {n.category} opt-in: “{n.wording}”
    </Note>
  ),
  opt_out: (n, fill) => (n.confirmation ? <Bubble>{fill(n.confirmation)}</Bubble> : <Note>Records opt-out</Note>),
  jump: (n) => <Note>Continues in flow “{n.flowId}”</Note>,
  end: (n, fill) => (n.message ? <Bubble>{fill(n.message)}</Bubble> : <Note>Ends the conversation</Note>),
};

export function renderPreview(node: FlowNode, fill: Fill): ReactNode {
  return previewFor(node.kind, node, fill);
}

function previewFor<K extends NodeKind>(kind: K, node: NodeOfKind<K>, fill: Fill): ReactNode {
  const preview: Preview<K> = previews[kind];
  return preview(node, fill);
}
