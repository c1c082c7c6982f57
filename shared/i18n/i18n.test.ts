import { describe, expect, it } from 'vitest';
import { hasVietnamese } from './language-check';
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

/** English words that would only be there by mistake in a Vietnamese text (whole words, not names). */
const ENGLISH_ONLY = /\b(the|and|of|with|please|error|failed|save|cancel|products?|members?|session|results?)\b/iu;
const VI_ALLOWED = [/“[^”]*”/gu, /English/gu, /\b(OCOP|PDF|Excel|JSON|CSV|PIN|QR|Wi-?Fi|USB|ID|PKCS#?\d*|HSM|URL|API)\b/gu];

function leaves(tree: unknown, prefix = ''): [string, string][] {
  if (typeof tree === 'string') return [[prefix, tree]];
  return Object.entries(tree as Record<string, unknown>).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k));
}

describe('each language speaks only itself', () => {
  it('no English text has Vietnamese letters (outside legal symbols and quotations)', () => {
    const found: string[] = [];
    for (const [ns, tree] of Object.entries(resources.en)) {
      for (const [key, value] of leaves(tree)) {
        // Language switches name each language in itself (marked lang="vi" on screen).
        if (value === 'Tiếng Việt') continue;
        if (hasVietnamese(value)) found.push(`en:${ns}.${key} = ${value}`);
      }
    }
    expect(found).toEqual([]);
  });

  it('no Vietnamese text has an English-only word', () => {
    const found: string[] = [];
    for (const [ns, tree] of Object.entries(resources.vi)) {
      for (const [key, value] of leaves(tree)) {
        const rest = VI_ALLOWED.reduce(
          (s, re) => s.replace(re, ' '),
          value.replace(/\{\{[^}]*\}\}|<\/?\d+>|\$t\([^)]*\)/gu, ' '),
        );
        if (ENGLISH_ONLY.test(rest)) found.push(`vi:${ns}.${key} = ${value}`);
      }
    }
    expect(found).toEqual([]);
  });

  it('English counts things through plural keys ("1 product", "2 products"), never "product(s)"', () => {
    // Texts of printed documents: PDFs are printed in Vietnamese only (Decree 30/2020), their counts are written out.
    const printedOnly = /^(documents\.(minutes|decision)\.|registry\.due\.pdfIntro$)/u;
    const found: string[] = [];
    for (const [ns, tree] of Object.entries(resources.en)) {
      for (const [key, value] of leaves(tree)) {
        if (printedOnly.test(`${ns}.${key}`)) continue;
        const plural = /_(zero|one|two|few|many|other)$/u.test(key);
        if (/\(s\)/u.test(value) || (!plural && /\{\{count\}\} [a-z]/u.test(value))) found.push(`en:${ns}.${key} = ${value}`);
      }
    }
    expect(found).toEqual([]);
  });

  it('the checks catch what they are for', () => {
    const vi = hasVietnamese;
    expect(vi('Đã lưu cài đặt')).toBe(true);
    expect(vi('Round 1 năm 2026')).toBe(true);
    expect(vi('Decision 26/2026/QĐ-TTg of 22 May 2026')).toBe(false);
    expect(vi('choose the level “Xã”')).toBe(false);
    expect(ENGLISH_ONLY.test('Lưu sản phẩm')).toBe(false);
    expect(ENGLISH_ONLY.test('Lưu the product')).toBe(true);
  });
});

describe('names from Annex I of Decision 26/2026', () => {
  it('the Vietnamese names are exactly those of the classification the core reads', async () => {
    const tree = (await import('../../resources/criteria/classification.json')).default as {
      nganh: {
        no: string;
        name: string;
        nhom: { name: string; leaves: { setNo: number; setName: string; ministries: string[] }[] }[];
      }[];
    };
    const c = resources.vi.classification;
    expect(Object.fromEntries(tree.nganh.map((n) => [n.no, n.name]))).toEqual(c.sectors);
    const groups = tree.nganh.flatMap((n) => n.nhom);
    expect(Object.fromEntries(groups.map((m, i) => [`g${i + 1}`, m.name]))).toEqual(c.groups);
    const leaves = groups.flatMap((m) => m.leaves);
    expect(Object.fromEntries(leaves.map((l) => [`s${String(l.setNo).padStart(2, '0')}`, l.setName]))).toEqual(c.sets);
    expect(new Set(leaves.flatMap((l) => l.ministries))).toEqual(new Set(Object.values(c.ministries)));
  });
});
