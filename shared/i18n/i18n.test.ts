import { describe, expect, it } from 'vitest';
import { resources } from './resources';

function leafKeys(obj: unknown, prefix = ''): string[] {
  if (typeof obj === 'string') return [prefix];
  return Object.entries(obj as Record<string, unknown>).flatMap(([k, v]) => leafKeys(v, prefix ? `${prefix}.${k}` : k));
}

describe('translations', () => {
  it('English has exactly the keys of Vietnamese in every namespace', () => {
    expect(Object.keys(resources.en).sort()).toEqual(Object.keys(resources.vi).sort());
    for (const ns of Object.keys(resources.vi) as (keyof typeof resources.vi)[]) {
      expect(leafKeys(resources.en[ns]).sort(), `namespace ${ns}`).toEqual(leafKeys(resources.vi[ns]).sort());
    }
  });

  it('no translation is empty, and Vietnamese text is NFC', () => {
    for (const lang of ['vi', 'en'] as const) {
      for (const [ns, tree] of Object.entries(resources[lang])) {
        for (const key of leafKeys(tree)) {
          const value = key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], tree);
          expect(typeof value === 'string' && value.trim().length > 0, `${lang}:${ns}.${key} is empty`).toBe(true);
          expect((value as string).normalize('NFC'), `${lang}:${ns}.${key} is not NFC`).toBe(value);
        }
      }
    }
  });

  it('every API error code has a message', async () => {
    const { ERROR_CODES } = await import('../api/errors');
    for (const code of ERROR_CODES) {
      expect(resources.vi.errors[code], code).toBeTruthy();
    }
  });
});
