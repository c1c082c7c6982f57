import { TextInput, type TextInputProps } from '@mantine/core';
import { useState, type Ref } from 'react';
import { useT } from '../i18n/useT';
import { parseTimeText } from './time-text';

export interface TimeFieldProps extends Omit<TextInputProps, 'value' | 'onChange' | 'type'> {
  /** "HH:mm", or '' when empty. */
  value: string | null | undefined;
  onChange: (value: string) => void;
  ref?: Ref<HTMLInputElement>;
}

/**
 * The one time-of-day field of the app. A native `<input type="time">` follows the operating
 * system and shows "08:00 AM" on an English Windows; meeting minutes say 08:00 and 14:30. This
 * field shows and keeps 24-hour "HH:mm" and reads 8h30, 830 or 14.30 as the user types.
 */
export function TimeField({ value, onChange, onBlur, error, ...rest }: TimeFieldProps) {
  const { t } = useT();
  const [text, setText] = useState<string | null>(null);
  const shown = text ?? value ?? '';
  const parsed = text === null ? (value ?? '') : parseTimeText(text);
  return (
    <TextInput
      {...rest}
      inputMode="numeric"
      autoComplete="off"
      placeholder={rest.placeholder ?? t('dates:timePlaceholder')}
      value={shown}
      onChange={(e) => {
        const typed = e.currentTarget.value;
        setText(typed);
        // Keep the form's value current while typing (Enter may submit without leaving the field).
        const next = parseTimeText(typed);
        if (next !== null) onChange(next);
      }}
      onBlur={(e) => {
        // Leaving the field shows the time as it is kept (8h30 → 08:30); a problem stays visible.
        if (parsed !== null) setText(null);
        onBlur?.(e);
      }}
      error={error ?? (parsed === null && text !== null ? t('dates:timeInvalid', { text }) : undefined)}
    />
  );
}
