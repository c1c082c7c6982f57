import type { ErrorCode } from '../../shared/api/errors';

/** A failure the core reports to callers with a stable code. Anything else becomes INTERNAL. */
export class CoreError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'CoreError';
  }
}

export const notFound = (what: string, id: unknown): CoreError =>
  new CoreError('NOT_FOUND', `${what} ${JSON.stringify(id)} does not exist`, { what, id });

export function assertNever(x: never, where: string): never {
  throw new Error(`${where}: unexpected value ${JSON.stringify(x)}`);
}
