import { DateInput, type DateInputProps } from '@mantine/dates';

type Props = Omit<DateInputProps, 'value' | 'onChange'> & {
  /** YYYY-MM-DD, or '' for none. */
  value: string;
  onChange: (value: string) => void;
};

/**
 * A date as the app keeps it (YYYY-MM-DD), typed or picked from a calendar in the app's language, never
 * the browser's own date control with its system-locale format (mm/dd/yyyy).
 */
export function DateField({ value, onChange, ...props }: Props) {
  return (
    <DateInput
      valueFormat="YYYY-MM-DD"
      placeholder="YYYY-MM-DD"
      clearable
      {...props}
      value={value || null}
      onChange={(picked) => onChange(picked ?? '')}
    />
  );
}
