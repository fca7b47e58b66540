import { TextField } from './fields.tsx';

/** The main text of an interactive message, labelled "Message" like a plain text step. */
export function BodyField({
  limit,
  value,
  onChange,
}: {
  limit: number;
  value: string;
  onChange: (value: string) => void;
}) {
  return (
    <TextField label="Message" field="body" multiline placeholders limit={limit} value={value} onChange={onChange} />
  );
}
