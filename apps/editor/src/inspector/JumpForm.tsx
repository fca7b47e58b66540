import { FlowId } from '@parley/flow-schema';
import { useState } from 'react';
import { TextField } from './fields.tsx';
import type { Form } from './form-types.ts';

// A flow id is branded by the schema, so text that is not an id yet stays in
// the field (with the rule shown) until it becomes one.
export const JumpForm: Form<'jump'> = ({ node, set }) => {
  const [text, setText] = useState<string>(node.flowId);
  const parsed = FlowId.safeParse(text);
  return (
    <>
      <TextField
        label="Flow to continue in"
        field="flowId"
        value={text}
        onChange={(value) => {
          setText(value);
          const next = FlowId.safeParse(value);
          if (next.success) set({ ...node, flowId: next.data });
        }}
        help="The id of another published flow, e.g. returns."
      />
      {parsed.success ? null : <div className="field-issue">{parsed.error.issues[0]?.message}</div>}
    </>
  );
};
