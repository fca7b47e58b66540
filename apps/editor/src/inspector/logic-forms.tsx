import { AnswerType, ConditionOperator, DurationUnit, TemplateCategory, WHATSAPP_LIMITS } from '@parley/flow-schema';
import { addRule, removeRule } from '../commands/node-items.ts';
import { AddButton } from './AddButton.tsx';
import { ListField, NumberField, options, ReplyTimeoutField, SelectField, TextField } from './fields.tsx';
import type { Form } from './form-types.ts';
import { ItemRow } from './ItemRow.tsx';
import { OptionalTextField } from './OptionalTextField.tsx';

// Short name: the limits appear in almost every field below.
const L = WHATSAPP_LIMITS;

export const TemplateForm: Form<'template'> = ({ node, set }) => {
  const t = node.template;
  const setT = (template: typeof t) => set({ ...node, template });
  return (
    <>
      <TextField
        label="Template name"
        field="template.name"
        value={t.name}
        onChange={(name) => setT({ ...t, name })}
        help="The name of the approved template in WhatsApp Manager."
      />
      <TextField
        label="Template language"
        field="template.language"
        value={t.language}
        onChange={(language) => setT({ ...t, language })}
      />
      <SelectField
        label="Category"
        field="template.category"
        value={t.category}
        options={options(TemplateCategory.options)}
        onChange={(category) => setT({ ...t, category })}
        help="Marketing templates may only go to customers who opted in."
      />
      <OptionalTextField
        label="Preview text"
        field="template.previewText"
        multiline
        value={t.previewText}
        onChange={(previewText) => setT({ ...t, previewText })}
        help="The approved text, with {{1}}, {{2}}… where the values go. Used for the preview only."
      />
      <fieldset>
        <legend>Values for the template</legend>
        {t.bodyParameters.map((p, i) => (
          <ItemRow
            // biome-ignore lint/suspicious/noArrayIndexKey: these items have no id; their position is their identity
            key={`p-${i}`}
            removeLabel={`Remove value ${i + 1}`}
            onRemove={() => setT({ ...t, bodyParameters: t.bodyParameters.filter((_, j) => j !== i) })}
          >
            <TextField
              label={`Value {{${i + 1}}}`}
              field={`template.bodyParameters.${i}.value`}
              placeholders
              limit={L.templateBodyParameter}
              value={p.value}
              onChange={(value) => setT({ ...t, bodyParameters: t.bodyParameters.with(i, { ...p, value }) })}
            />
            <OptionalTextField
              label={`If {{${i + 1}}} is empty, send`}
              field={`template.bodyParameters.${i}.fallback`}
              value={p.fallback}
              onChange={(fallback) => setT({ ...t, bodyParameters: t.bodyParameters.with(i, { ...p, fallback }) })}
              help="WhatsApp refuses an empty value and drops the message, e.g. send “there” when a customer has no name."
            />
          </ItemRow>
        ))}
        <AddButton onClick={() => setT({ ...t, bodyParameters: [...t.bodyParameters, { value: '' }] })}>
          Add value
        </AddButton>
      </fieldset>
      <ReplyTimeoutField value={node.timeoutMinutes} onChange={(timeoutMinutes) => set({ ...node, timeoutMinutes })} />
    </>
  );
};

export const QuestionForm: Form<'question'> = ({ node, set }) => (
  <>
    <TextField
      label="Question"
      field="prompt"
      multiline
      placeholders
      limit={L.textBody}
      value={node.prompt}
      onChange={(prompt) => set({ ...node, prompt })}
    />
    <SelectField
      label="Expected answer"
      field="answerType"
      value={node.answerType}
      options={options(AnswerType.options)}
      onChange={(answerType) => set({ ...node, answerType })}
    />
    {node.answerType === 'choice' ? (
      <ListField
        label="Accepted answers"
        field="choices"
        value={node.choices}
        onChange={(choices) => set({ ...node, choices })}
      />
    ) : null}
    {node.answerType === 'regex' ? (
      <OptionalTextField
        label="Pattern"
        field="pattern"
        value={node.pattern}
        onChange={(pattern) => set({ ...node, pattern })}
      />
    ) : null}
    <TextField
      label="Keep the answer as"
      field="saveAs"
      value={node.saveAs}
      onChange={(saveAs) => set({ ...node, saveAs })}
      help="A variable name such as first_name; use it later as {{first_name}}."
    />
    <NumberField
      label="Ask again how many times"
      field="retries"
      min={0}
      value={node.retries}
      onChange={(retries) => set({ ...node, retries: retries ?? 0 })}
    />
    <OptionalTextField
      label="When the answer is not valid"
      field="retryPrompt"
      placeholders
      value={node.retryPrompt}
      onChange={(retryPrompt) => set({ ...node, retryPrompt })}
    />
    <ReplyTimeoutField value={node.timeoutMinutes} onChange={(timeoutMinutes) => set({ ...node, timeoutMinutes })} />
  </>
);

export const ConditionForm: Form<'condition'> = ({ node, set, run }) => (
  <fieldset>
    <legend>Rules, checked in order</legend>
    {node.rules.map((rule, i) => {
      const setRule = (next: typeof rule) => set({ ...node, rules: node.rules.with(i, next) });
      return (
        <ItemRow
          key={rule.id}
          removeLabel={`Remove rule ${i + 1}`}
          onRemove={() => run((f) => removeRule(f, { nodeId: node.id, ruleId: rule.id }))}
        >
          <div>
            <TextField
              label={`Rule ${i + 1} variable`}
              field={`rules.${i}.variable`}
              value={rule.variable}
              onChange={(variable) => setRule({ ...rule, variable })}
            />
            <SelectField
              label={`Rule ${i + 1} test`}
              field={`rules.${i}.operator`}
              value={rule.operator}
              options={options(ConditionOperator.options)}
              onChange={(operator) => setRule({ ...rule, operator })}
            />
            <TextField
              label={`Rule ${i + 1} value`}
              field={`rules.${i}.value`}
              placeholders
              value={rule.value}
              onChange={(value) => setRule({ ...rule, value })}
            />
          </div>
        </ItemRow>
      );
    })}
    <AddButton onClick={() => run((f) => addRule(f, { nodeId: node.id }))}>Add rule</AddButton>
  </fieldset>
);

export const SetVariablesForm: Form<'set_variables'> = ({ node, set }) => (
  <fieldset>
    <legend>Values to remember</legend>
    {node.assignments.map((a, i) => (
      // biome-ignore lint/suspicious/noArrayIndexKey: these items have no id; their position is their identity
      <ItemRow key={`a-${i}`}>
        <TextField
          label={`Variable ${i + 1}`}
          field={`assignments.${i}.variable`}
          value={a.variable}
          onChange={(variable) => set({ ...node, assignments: node.assignments.with(i, { ...a, variable }) })}
        />
        <TextField
          label={`Value ${i + 1}`}
          field={`assignments.${i}.value`}
          placeholders
          value={a.value}
          onChange={(value) => set({ ...node, assignments: node.assignments.with(i, { ...a, value }) })}
        />
      </ItemRow>
    ))}
    <AddButton onClick={() => set({ ...node, assignments: [...node.assignments, { variable: 'value', value: '' }] })}>
      Add variable
    </AddButton>
  </fieldset>
);

export const HttpRequestForm: Form<'http_request'> = ({ node, set }) => (
  <>
    <SelectField
      label="Method"
      field="method"
      value={node.method}
      options={options(['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const)}
      onChange={(method) => set({ ...node, method })}
    />
    <TextField
      label="Web address"
      field="url"
      placeholders
      value={node.url}
      onChange={(url) => set({ ...node, url })}
    />
    <OptionalTextField
      label="Request body"
      field="body"
      multiline
      placeholders
      value={node.body}
      onChange={(body) => set({ ...node, body })}
      help="JSON text; may hold {{variables}}. Secrets are never written here."
    />
    <OptionalTextField
      label="Keep the answer as"
      field="saveAs"
      value={node.saveAs}
      onChange={(saveAs) => set({ ...node, saveAs })}
    />
  </>
);

export const DelayForm: Form<'delay'> = ({ node, set }) => (
  <>
    <NumberField
      label="Wait for"
      field="amount"
      min={1}
      value={node.amount}
      onChange={(amount) => set({ ...node, amount: amount ?? 0 })}
    />
    <SelectField
      label="Unit"
      field="unit"
      value={node.unit}
      options={options(DurationUnit.options)}
      onChange={(unit) => set({ ...node, unit })}
      help="Waiting may close the 24-hour window; sends after it may need a template."
    />
  </>
);
