import type { ErrorCode, ErrorDetails } from '../../shared/api/errors';

/** A failure the core reports to callers with a stable code. Anything else becomes INTERNAL. */
export class CoreError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: ErrorDetails,
  ) {
    super(message);
    this.name = 'CoreError';
  }
}

export const notFound = (what: string, id: unknown): CoreError =>
  new CoreError('NOT_FOUND', `${what} ${JSON.stringify(id)} does not exist`, { what, id });

/** A VALIDATION error about one input field: `field` names it, `issues` holds it as zod's issues do. */
export const fieldError = (field: string, message: string, extra: Record<string, unknown> = {}): CoreError =>
  new CoreError('VALIDATION', `${field}: ${message}`, {
    field,
    issues: [{ path: field.split('.'), message, code: 'custom', ...extra }],
  });

export function assertNever(x: never, where: string): never {
  throw new Error(`${where}: unexpected value ${JSON.stringify(x)}`);
}
