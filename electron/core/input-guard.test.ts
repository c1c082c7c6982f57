import { describe, expect, it } from 'vitest';
import { nfcDeep } from '../../shared/text/normalize';
import { invoke } from './api';
import { prepareInput } from './input-guard';
import { memoryCore } from './test/fixtures';

const deep = (depth: number): unknown => {
  let v: unknown = 1;
  for (let i = 0; i < depth; i++) v = { a: v };
  return v;
};

describe('prepareInput (what invoke does before validation, for every host)', () => {
  it('NFC-normalises strings and keys and keeps key order', () => {
    const r = prepareInput({ 'Nguye\u0302\u0303n': ['Tie\u0302\u0301ng'], b: 2 });
    expect(r).toEqual({ ok: true, value: { Nguyễn: ['Tiếng'], b: 2 } });
    expect(Object.keys((r as { value: object }).value)).toEqual(['Nguyễn', 'b']);
  });

  it('refuses nesting deeper than the limit without touching the call stack (100,000 levels)', () => {
    const r = prepareInput(deep(100_000));
    expect(r).toMatchObject({ ok: false, problem: { message: expect.stringContaining('nested more than 64') } });
    expect(prepareInput(deep(64)).ok).toBe(true);
    expect(prepareInput(deep(65)).ok).toBe(false);
  });

  it('refuses NUL and lone surrogates in values and keys, naming where', () => {
    expect(prepareInput({ a: { b: 'x\u0000y' } })).toMatchObject({
      ok: false,
      problem: { path: ['a', 'b'], message: expect.stringContaining('NUL') },
    });
    expect(prepareInput({ list: ['ok', 'x\ud800'] })).toMatchObject({
      ok: false,
      problem: { path: ['list', '1'], message: expect.stringContaining('surrogate') },
    });
    expect(prepareInput({ ['k\u0000']: 1 })).toMatchObject({ ok: false, problem: { path: ['k\\u0000'] } });
    // A proper pair (an emoji) is fine.
    expect(prepareInput({ a: '😀' }).ok).toBe(true);
  });

  it('keeps __proto__ an ordinary key (then refused by .strict()), never a prototype change', () => {
    const r = prepareInput(JSON.parse('{"__proto__":{"polluted":1},"a":1}'));
    expect(r.ok).toBe(true);
    const v = (r as { value: Record<string, unknown> }).value;
    expect(Object.getPrototypeOf(v)).toBe(Object.prototype);
    expect(Object.keys(v)).toEqual(['__proto__', 'a']);
    expect((v as { polluted?: unknown }).polluted).toBeUndefined();
  });

  it('refuses more values than the limit', () => {
    expect(prepareInput({ a: [1, 2, 3, 4] }, { maxDepth: 8, maxNodes: 4 }).ok).toBe(false);
  });
});

describe('invoke answers hostile inputs with VALIDATION on any host', () => {
  it('deep, NUL, surrogate and prototype inputs', async () => {
    const core = await memoryCore();
    try {
      const cases: unknown[] = [
        deep(100_000),
        { search: 'a\u0000' },
        { search: '\udc00' },
        JSON.parse('{"__proto__":{"search":"x"}}'),
      ];
      for (const input of cases) {
        const env = await invoke(core.ctx, 'registrations:list', input, {}, () => {});
        expect(env).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
      }
    } finally {
      core.close();
    }
  });
});

describe('nfcDeep (imports of files)', () => {
  it('is iterative: a file nested 200,000 levels deep does not overflow the stack', () => {
    const text = '['.repeat(200_000) + '"e\u0301"' + ']'.repeat(200_000);
    let v: unknown = nfcDeep(JSON.parse(text));
    for (let i = 0; i < 200_000; i++) v = (v as unknown[])[0];
    expect(v).toBe('é');
  });

  it('keeps a __proto__ key as data', () => {
    const v = nfcDeep(JSON.parse('{"__proto__":{"x":1}}') as Record<string, unknown>);
    expect(Object.getPrototypeOf(v)).toBe(Object.prototype);
    expect(Object.keys(v)).toEqual(['__proto__']);
  });
});
