import type { ApiErrorBody } from './errors';

/** Every call across a process boundary answers with this envelope, never a thrown error. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ApiErrorBody };

export const ok = <T>(value: T): Envelope<T> => ({ ok: true, value });
export const fail = (error: ApiErrorBody): Envelope<never> => ({ ok: false, error });
