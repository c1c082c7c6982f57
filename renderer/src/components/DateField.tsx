import { DateInput, type DateInputProps, type DateStringValue } from '@mantine/dates';
import dayjs from 'dayjs';
import { useState, type FocusEvent, type Ref } from 'react';
import { useT } from '../i18n/useT';
import { checkRange, formatDateText, parseDateText } from './date-text';

export interface DateFieldProps extends Omit<
  DateInputProps,
  'value' | 'defaultValue' | 'onChange' | 'valueFormat' | 'dateParser' | 'minDate' | 'maxDate' | 'clearable'
> {
  /** ISO 'YYYY-MM-DD'; '' / null / undefined when empty. */
  value: string | null | undefined;
  /** Receives ISO 'YYYY-MM-DD', or '' when the user clears an optional field. */
  onChange: (iso: string) => void;
  /** Earliest / latest allowed day, ISO. */
  min?: string;
  max?: string;
  /** Shows a clear button and lets the text be emptied. Defaults to "not required". */
  clearable?: boolean;
  ref?: Ref<HTMLInputElement>;
}

/**
 * The one date field of the app. A native `<input type="date">` shows the operating system's
 * format — month first on an English Windows, which Vietnamese users read day first, so 06/12
 * became the wrong day in council documents. This field always shows and accepts day/month/year
 * (18/06/2026, 18/6/2026, 18-06-2026, or pasted ISO), keeps ISO strings as its value, and names
 * months and weekdays in the UI language (DatesProvider in app/DatesLocale.tsx).
 */
export function DateField({ value, onChange, min, max, clearable, required, error, onBlur, ...rest }: DateFieldProps) {
  const { t, i18n } = useT();
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  // Mantine silently puts back the last good date when the text cannot be read; say why instead.
  const [typedProblem, setTypedProblem] = useState<string | null>(null);
  const canClear = clearable ?? !required;
  // Esc first closes the calendar; inside a Modal, the same Esc must not also close the dialog
  // (and lose what was typed). Mantine's Modal skips Esc from an element marked like this.
  const [pickerOpen, setPickerOpen] = useState(false);

  const handleBlur = (e: FocusEvent<HTMLInputElement>) => {
    const text = e.currentTarget.value.trim();
    const iso = parseDateText(text);
    if (text === '' || text === formatDateText(value)) setTypedProblem(null);
    else if (!iso) setTypedProblem(t('dates:invalid', { text }));
    else {
      const range = checkRange(iso, min, max);
      setTypedProblem(
        range === 'beforeMin'
          ? t('dates:beforeMin', { min: formatDateText(min) })
          : range === 'afterMax'
            ? t('dates:afterMax', { max: formatDateText(max) })
            : null,
      );
    }
    onBlur?.(e);
  };

  return (
    <DateInput
      {...rest}
      value={value || null}
      onChange={(next: DateStringValue | null) => {
        setTypedProblem(null);
        onChange(next ?? '');
      }}
      onBlur={handleBlur}
      required={required}
      error={error ?? typedProblem}
      valueFormat={formatDateText}
      dateParser={parseDateText}
      minDate={min}
      maxDate={max}
      clearable={canClear}
      allowDeselect={canClear}
      clearButtonProps={{ 'aria-label': t('dates:clear') }}
      popoverProps={{ ...rest.popoverProps, onOpen: () => setPickerOpen(true), onClose: () => setPickerOpen(false) }}
      data-mantine-stop-propagation={pickerOpen ? 'true' : undefined}
      placeholder={rest.placeholder ?? t('dates:placeholder')}
      // Mantine capitalises every word of the heading ("Tháng 6 Năm 2026"); the wording is already right.
      styles={{ calendarHeaderLevel: { textTransform: 'none' } }}
      monthLabelFormat={(d) =>
        t('dates:monthLabel', {
          month: dayjs(d).month() + 1,
          monthName: dayjs(d).locale(lang).format('MMMM'),
          year: dayjs(d).year(),
        })
      }
      monthsListFormat={(d) =>
        t('dates:monthShort', { month: dayjs(d).month() + 1, monthShortName: dayjs(d).locale(lang).format('MMM') })
      }
      ariaLabels={{
        nextMonth: t('dates:nextMonth'),
        previousMonth: t('dates:previousMonth'),
        nextYear: t('dates:nextYear'),
        previousYear: t('dates:previousYear'),
        nextDecade: t('dates:nextDecade'),
        previousDecade: t('dates:previousDecade'),
        monthLevelControl: t('dates:monthLevelControl'),
        yearLevelControl: t('dates:yearLevelControl'),
      }}
    />
  );
}
