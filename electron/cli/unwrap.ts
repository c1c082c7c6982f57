import type { Envelope } from '../../shared/api/envelope';
import { CoreError } from '../core/errors';

/** Turns an error envelope back into a CoreError so the CLI reports it with its code. */
export function unwrap<T>(env: Envelope<T>): T {
  if (env.ok) return env.value;
  throw new CoreError(env.error.code, env.error.message, env.error.details);
}
