import type { ComponentProps } from 'react';
import { TextField } from './fields.tsx';
import { optional } from './form-types.ts';

type Props = Omit<ComponentProps<typeof TextField>, 'value' | 'onChange'> & {
  value: string | undefined;
  onChange: (value: string | undefined) => void;
};

/** A text field for an optional value: absent shows as empty, and emptied text is stored as absent. */
export function OptionalTextField({ value, onChange, ...rest }: Props) {
  return <TextField {...rest} value={value ?? ''} onChange={(text) => onChange(optional(text))} />;
}
