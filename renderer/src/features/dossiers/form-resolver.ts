import type { FieldValues, Resolver } from 'react-hook-form';
import type { z } from 'zod';
import { ApiError } from '../../api/client';
import type { useT } from '../../i18n/useT';

type TFunction = ReturnType<typeof useT>['t'];

const FIELD_MESSAGE: Record<string, string> = {
  taxCode: 'taxCode',
  phone: 'phone',
  email: 'email',
  communeCode: 'communeCode',
  provinceCode: 'provinceCode',
  productCode: 'productCode',
  registrationNo: 'registrationNo',
};

/** The Vietnamese "what to fix" for a field, from the dossiers namespace. */
export function fieldMessage(t: TFunction, field: string, code: string): string {
  if (code === 'too_small' || code === 'invalid_type') return t('dossiers:fieldErrors.required');
  if (FIELD_MESSAGE[field]) return t(`dossiers:fieldErrors.${FIELD_MESSAGE[field]}` as 'dossiers:fieldErrors.taxCode');
  if (/On$|Date$/.test(field)) return t('dossiers:fieldErrors.date');
  return t('dossiers:fieldErrors.invalid');
}

/**
 * react-hook-form resolver over the contract's own zod schema (the core validates with the same
 * schema again), with messages in the user's language instead of zod's English.
 */
export function contractResolver<T extends FieldValues>(
  schema: z.ZodType,
  t: TFunction,
  toInput: (v: T) => unknown,
): Resolver<T> {
  return async (values) => {
    const r = schema.safeParse(toInput(values));
    if (r.success) return { values, errors: {} };
    const errors: Record<string, { type: string; message: string }> = {};
    for (const i of r.error.issues) {
      const f = String(i.path[0] ?? 'root');
      errors[f] ??= { type: i.code, message: fieldMessage(t, f, i.code) };
    }
    return { values: {}, errors } as never;
  };
}

/** The field a core error names (VALIDATION issues, or CONFLICT/NOT_FOUND details.field), if any. */
export function errorField(e: unknown): string | null {
  if (!(e instanceof ApiError)) return null;
  // The top-level input field: 'data.taxCode' names the form's taxCode.
  const path = e.details?.issues?.[0]?.path ?? e.details?.field?.split('.');
  return path?.find((p) => p !== 'data') ?? null;
}
