/**
 * Counts failed attempts per key (a remote address, a member, a room) in a sliding window and
 * locks the key for a while once too many fail. In memory on purpose: the limits protect a
 * meeting that lasts hours, and a restart of the host also ends every pairing in progress.
 * The number of keys is capped so a flood of made-up addresses cannot grow it without bound.
 */
export interface LimitRule {
  /** Failures allowed within `windowMs` before the key is locked. */
  max: number;
  windowMs: number;
  lockMs: number;
}

export type LimitCheck = { allowed: true } | { allowed: false; retryAfterMs: number };

interface Entry {
  failures: number[];
  lockedUntil: number;
}

export class FailureLimiter {
  private entries = new Map<string, Entry>();
  private readonly rule: LimitRule;
  private readonly now: () => number;
  private readonly maxKeys: number;

  constructor(rule: LimitRule, now: () => number = Date.now, maxKeys = 10_000) {
    this.rule = rule;
    this.now = now;
    this.maxKeys = maxKeys;
  }

  check(key: string): LimitCheck {
    const e = this.entries.get(key);
    const t = this.now();
    if (e && e.lockedUntil > t) return { allowed: false, retryAfterMs: e.lockedUntil - t };
    return { allowed: true };
  }

  /** Records one failure; true when the key is now locked. */
  fail(key: string): boolean {
    const t = this.now();
    let e = this.entries.get(key);
    if (!e) {
      if (this.entries.size >= this.maxKeys) {
        // Forget the oldest key (Map keeps insertion order).
        const oldest = this.entries.keys().next().value;
        if (oldest !== undefined) this.entries.delete(oldest);
      }
      e = { failures: [], lockedUntil: 0 };
      this.entries.set(key, e);
    }
    e.failures = e.failures.filter((f) => t - f < this.rule.windowMs);
    e.failures.push(t);
    if (e.failures.length >= this.rule.max) {
      e.lockedUntil = t + this.rule.lockMs;
      e.failures = [];
      return true;
    }
    return false;
  }

  /** A success forgets the key's failures (a member who finally typed the right PIN). */
  succeed(key: string): void {
    this.entries.delete(key);
  }

  get size(): number {
    return this.entries.size;
  }
}
