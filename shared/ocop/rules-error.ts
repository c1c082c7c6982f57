/**
 * Invalid input to the pure rules (a sheet naming an unknown criterion, a bad council rule…).
 * The core catches it and maps it to a CoreError ('VALIDATION'); `code` is stable, `message`
 * names the field and says what to fix.
 */
export type RulesErrorCode =
  | 'INVALID_SET'
  | 'INVALID_RULE'
  | 'UNKNOWN_CRITERION'
  | 'UNKNOWN_LEVEL'
  | 'INVALID_LEVELS'
  | 'NO_SHEETS'
  | 'PART_TOTAL_MISMATCH'
  | 'DUPLICATE_SHEET'
  | 'DUPLICATE_MEMBER'
  | 'SHEET_FROM_NON_SCORER';

export class RulesInputError extends Error {
  override readonly name = 'RulesInputError';
  constructor(
    readonly code: RulesErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}
