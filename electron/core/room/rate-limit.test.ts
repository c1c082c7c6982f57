import { describe, expect, it } from 'vitest';
import { FailureLimiter } from './rate-limit';

describe('FailureLimiter', () => {
  it('locks a key on the max-th failure within the window, for lockMs, then allows again', () => {
    let t = 0;
    const l = new FailureLimiter({ max: 3, windowMs: 1000, lockMs: 5000 }, () => t);
    expect(l.fail('a')).toBe(false);
    t = 100;
    expect(l.fail('a')).toBe(false);
    expect(l.check('a')).toEqual({ allowed: true });
    t = 200;
    expect(l.fail('a')).toBe(true);
    expect(l.check('a')).toEqual({ allowed: false, retryAfterMs: 5000 });
    expect(l.check('b')).toEqual({ allowed: true });
    t = 5199;
    expect(l.check('a')).toEqual({ allowed: false, retryAfterMs: 1 });
    t = 5200;
    expect(l.check('a')).toEqual({ allowed: true });
  });

  it('forgets failures older than the window', () => {
    let t = 0;
    const l = new FailureLimiter({ max: 2, windowMs: 1000, lockMs: 5000 }, () => t);
    l.fail('a');
    t = 1000;
    expect(l.fail('a')).toBe(false);
    t = 1500;
    expect(l.fail('a')).toBe(true);
  });

  it('a success clears the failures; the number of keys stays bounded', () => {
    const l = new FailureLimiter({ max: 2, windowMs: 1000, lockMs: 5000 }, () => 0, 100);
    l.fail('a');
    l.succeed('a');
    expect(l.fail('a')).toBe(false);
    for (let i = 0; i < 1000; i++) l.fail(`k${i}`);
    expect(l.size).toBeLessThanOrEqual(100);
  });
});
