import { WHATSAPP_LIMITS } from '@parley/flow-schema';
import { OptionalTextField } from './OptionalTextField.tsx';

/** The optional small grey line under an interactive message. */
export function FooterField({
  value,
  onChange,
  help,
}: {
  value: string | undefined;
  onChange: (value: string | undefined) => void;
  help?: string;
}) {
  return (
    <OptionalTextField
      label="Footer"
      field="footer"
      limit={WHATSAPP_LIMITS.interactiveFooter}
      value={value}
      onChange={onChange}
      help={help}
    />
  );
}
