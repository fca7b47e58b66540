import { createContext, useContext, useId } from 'react';

/** Problems with the fields of the node being edited, keyed by field path such as `buttons.0.title`. */
export const IssuesContext = createContext<ReadonlyMap<string, string>>(new Map());
/** Variable names the `{{placeholder}}` picker offers. */
export const VariablesContext = createContext<readonly string[]>([]);

type Common = { label: string; field: string; help?: string };

function Help({ id, help, issue }: { id: string; help?: string | undefined; issue?: string | undefined }) {
  return (
    <>
      {issue ? (
        <div className="field-issue" id={`${id}-issue`} role="alert">
          {issue}
        </div>
      ) : null}
      {help ? (
        <div className="field-help" id={`${id}-help`}>
          {help}
        </div>
      ) : null}
    </>
  );
}

/**
 * A text field with WhatsApp's length limit shown as it is typed ("18 / 20"),
 * the schema's or validator's verdict under it, and an optional variable picker.
 */
export function TextField({
  label,
  field,
  help,
  value,
  onChange,
  limit,
  multiline,
  placeholders,
}: Common & {
  value: string;
  onChange: (value: string) => void;
  limit?: number;
  multiline?: boolean;
  placeholders?: boolean;
}) {
  const id = useId();
  const issue = useContext(IssuesContext).get(field);
  const variables = useContext(VariablesContext);
  const over = limit !== undefined && value.length > limit;
  const describedBy = [issue ? `${id}-issue` : '', help ? `${id}-help` : '', limit ? `${id}-count` : '']
    .join(' ')
    .trim();
  const props = {
    id,
    value,
    'aria-label': label,
    'aria-invalid': over || issue !== undefined,
    'aria-describedby': describedBy || undefined,
    'data-field': field,
    onChange: (e: { target: { value: string } }) => onChange(e.target.value),
  };
  return (
    <div className={`field ${over || issue ? 'field-bad' : ''}`}>
      <div className="field-top">
        <label htmlFor={id}>{label}</label>
        {limit !== undefined ? (
          <span className={`counter ${over ? 'counter-over' : ''}`} id={`${id}-count`} aria-live="polite">
            {value.length} / {limit}
          </span>
        ) : null}
      </div>
      {multiline ? <textarea rows={3} {...props} /> : <input type="text" {...props} />}
      {placeholders && variables.length > 0 ? (
        <select
          className="variable-picker"
          aria-label={`Insert a variable into ${label}`}
          value=""
          onChange={(e) => {
            if (e.target.value) onChange(`${value}{{${e.target.value}}}`);
          }}
        >
          <option value="">Insert variable…</option>
          {variables.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
      ) : null}
      <Help
        id={id}
        help={help}
        issue={issue ?? (over ? `${value.length} characters; WhatsApp allows ${limit}.` : undefined)}
      />
    </div>
  );
}

export function NumberField({
  label,
  field,
  help,
  value,
  onChange,
  min,
}: Common & { value: number | undefined; onChange: (value: number | undefined) => void; min?: number }) {
  const id = useId();
  const issue = useContext(IssuesContext).get(field);
  return (
    <div className={`field ${issue ? 'field-bad' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="number"
        min={min}
        aria-label={label}
        data-field={field}
        value={value ?? ''}
        onChange={(e) => onChange(e.target.value === '' ? undefined : Number(e.target.value))}
      />
      <Help id={id} help={help} issue={issue} />
    </div>
  );
}

export function SelectField<T extends string>({
  label,
  field,
  help,
  value,
  options,
  onChange,
}: Common & { value: T; options: readonly { value: T; label: string }[]; onChange: (value: T) => void }) {
  const id = useId();
  const issue = useContext(IssuesContext).get(field);
  return (
    <div className={`field ${issue ? 'field-bad' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        aria-label={label}
        data-field={field}
        value={value}
        onChange={(e) => {
          const chosen = options.find((o) => o.value === e.target.value);
          if (chosen) onChange(chosen.value);
        }}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <Help id={id} help={help} issue={issue} />
    </div>
  );
}

export function CheckField({
  label,
  field,
  help,
  value,
  onChange,
}: Common & { value: boolean; onChange: (value: boolean) => void }) {
  const id = useId();
  return (
    <div className="field field-check">
      <input
        id={id}
        type="checkbox"
        aria-label={label}
        data-field={field}
        checked={value}
        onChange={(e) => onChange(e.target.checked)}
      />
      <label htmlFor={id}>{label}</label>
      <Help id={id} help={help} />
    </div>
  );
}

/** Comma-separated list of words, e.g. topics or keywords. */
export function ListField({
  label,
  field,
  help,
  value,
  onChange,
}: Common & { value: readonly string[]; onChange: (value: string[]) => void }) {
  return (
    <TextField
      label={label}
      field={field}
      help={help ?? 'Separate with commas.'}
      value={value.join(', ')}
      onChange={(text) =>
        onChange(
          text
            .split(',')
            .map((s) => s.trimStart())
            .filter((s, i, all) => s !== '' || i === all.length - 1),
        )
      }
    />
  );
}

export const options = <T extends string>(values: readonly T[], labels?: Partial<Record<T, string>>) =>
  values.map((value) => ({ value, label: labels?.[value] ?? value.replaceAll('_', ' ') }));

/** "Wait for a reply" of nodes that wait for the customer; empty means until the conversation times out. */
export function ReplyTimeoutField({
  value,
  onChange,
}: {
  value: number | undefined;
  onChange: (value: number | undefined) => void;
}) {
  return (
    <NumberField
      label="Wait for a reply (minutes)"
      field="timeoutMinutes"
      min={1}
      value={value}
      onChange={onChange}
      help="After this the “No reply in time” path is taken. Leave empty to wait until the conversation times out."
    />
  );
}
