import { ConsentCategory, WHATSAPP_LIMITS } from '@parley/flow-schema';
import { ListField, options, SelectField, TextField } from './fields.tsx';
import type { Form } from './form-types.ts';
import { OptionalTextField } from './OptionalTextField.tsx';

// Forms of the steps that close a conversation or change who handles it.
const L = WHATSAPP_LIMITS;

export const HandoffForm: Form<'handoff'> = ({ node, set }) => (
  <>
    <OptionalTextField
      label="Message to the customer"
      field="message"
      multiline
      placeholders
      limit={L.textBody}
      value={node.message}
      onChange={(message) => set({ ...node, message })}
    />
    <TextField
      label="Team"
      field="queue"
      value={node.queue}
      onChange={(queue) => set({ ...node, queue })}
      help="Which team receives the conversation, e.g. billing."
    />
  </>
);

export const AiAnswerForm: Form<'ai_answer'> = ({ node, set }) => (
  <>
    <TextField
      label="Instructions"
      field="instructions"
      multiline
      value={node.instructions}
      onChange={(instructions) => set({ ...node, instructions })}
      help="What the answers are based on and how to speak."
    />
    <ListField
      label="Topics it may answer"
      field="topics"
      value={node.topics}
      onChange={(topics) => set({ ...node, topics })}
      help="Questions outside these topics take the “Outside the topics” path."
    />
  </>
);

export const OptInForm: Form<'opt_in'> = ({ node, set }) => (
  <>
    <SelectField
      label="Kind of messages"
      field="category"
      value={node.category}
      options={options(ConsentCategory.options)}
      onChange={(category) => set({ ...node, category })}
    />
    <TextField
      label="What the customer agreed to"
      field="wording"
      multiline
      value={node.wording}
      onChange={(wording) => set({ ...node, wording })}
    />
  </>
);

export const OptOutForm: Form<'opt_out'> = ({ node, set }) => (
  <>
    <SelectField
      label="Kind of messages"
      field="category"
      value={node.category}
      options={options(['marketing', 'utility', 'all'] as const)}
      onChange={(category) => set({ ...node, category })}
    />
    <OptionalTextField
      label="Confirmation"
      field="confirmation"
      multiline
      limit={L.textBody}
      value={node.confirmation}
      onChange={(confirmation) => set({ ...node, confirmation })}
    />
  </>
);

export const EndForm: Form<'end'> = ({ node, set }) => (
  <OptionalTextField
    label="Closing message"
    field="message"
    multiline
    placeholders
    limit={L.textBody}
    value={node.message}
    onChange={(message) => set({ ...node, message })}
  />
);
