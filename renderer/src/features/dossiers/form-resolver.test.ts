import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/client';
import { errorField } from './form-resolver';

describe('errorField: the form field a core error names, read from the one details shape', () => {
  it('reads VALIDATION issues (nested under data), the core’s own field checks and CONFLICT’s field', () => {
    const zodIssue = new ApiError({
      code: 'VALIDATION',
      message: 'Invalid input for producers:update: data.taxCode: 10 or 13 digits',
      details: { field: 'data.taxCode', issues: [{ path: ['data', 'taxCode'], message: '10 or 13 digits', code: 'custom' }] },
    });
    expect(errorField(zodIssue)).toBe('taxCode');
    const ownCheck = new ApiError({
      code: 'VALIDATION',
      message: 'endDate: the round ends before it starts',
      details: { field: 'endDate', issues: [{ path: ['endDate'], message: 'the round ends before it starts', code: 'custom' }] },
    });
    expect(errorField(ownCheck)).toBe('endDate');
    expect(errorField(new ApiError({ code: 'CONFLICT', message: 'taken', details: { field: 'number', existingId: 3 } }))).toBe(
      'number',
    );
    expect(errorField(new ApiError({ code: 'INTERNAL', message: 'no details' }))).toBeNull();
    expect(errorField(new Error('not an api error'))).toBeNull();
  });
});
