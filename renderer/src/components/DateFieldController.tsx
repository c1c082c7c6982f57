import { Controller, type Control, type FieldValues, type Path } from 'react-hook-form';
import { DateField, type DateFieldProps } from './DateField';

export type DateFieldControllerProps<T extends FieldValues> = Omit<DateFieldProps, 'value' | 'onChange' | 'ref'> & {
  control: Control<T>;
  name: Path<T>;
};

/**
 * DateField bound to a react-hook-form field (in place of `{...register('date')}`): the form
 * holds the ISO string, '' when empty — what `register` gave the native date input before.
 * Pass `error` from the call site, already translated.
 */
export function DateFieldController<T extends FieldValues>({ control, name, onBlur, ...rest }: DateFieldControllerProps<T>) {
  return (
    <Controller
      control={control}
      name={name}
      render={({ field }) => (
        <DateField
          {...rest}
          ref={field.ref}
          name={field.name}
          value={field.value as string | null | undefined}
          onChange={field.onChange}
          onBlur={(e) => {
            field.onBlur();
            onBlur?.(e);
          }}
        />
      )}
    />
  );
}
