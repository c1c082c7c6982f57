import { describe, expect, it } from 'vitest';
import {
  checkNumberPattern,
  defaultNumberPattern,
  DOC_SYMBOL_RE,
  formatDocNumber,
  parseDocNumber,
  symbolOf,
} from './document-number';

describe('document-number patterns', () => {
  it('accepts "{n}/" followed by a symbol in capitals, optionally with {year}', () => {
    for (const p of ['{n}/BB-HĐ', '{n}/QĐ-UBND', '{n}/{year}/QĐ-HĐ', '{n}/BB'])
      expect(checkNumberPattern(p)).toEqual({ ok: true });
  });

  it('refuses patterns that would print a malformed number, saying what to fix', () => {
    expect(checkNumberPattern('BB-HĐ/{n}')).toMatchObject({
      ok: false,
      message: expect.stringContaining('must start with "{n}/"'),
    });
    expect(checkNumberPattern('{n}/{n}/BB')).toMatchObject({
      ok: false,
      message: expect.stringContaining('only the placeholder {year}'),
    });
    expect(checkNumberPattern('{n}/{month}/BB')).toMatchObject({
      ok: false,
      message: expect.stringContaining('only the placeholder {year}'),
    });
    expect(checkNumberPattern('{n}/bb-hđ')).toMatchObject({
      ok: false,
      message: expect.stringContaining('capitals joined by "-"'),
    });
    expect(checkNumberPattern('{n}/BB - HĐ')).toMatchObject({ ok: false });
    expect(checkNumberPattern('{n}/')).toMatchObject({ ok: false });
  });

  it('formats numbers as NĐ 30 prints them: a leading zero below 10, a blank for a draft', () => {
    expect(formatDocNumber(5, 'BB-HĐ')).toBe('05/BB-HĐ');
    expect(formatDocNumber(10, 'BB-HĐ')).toBe('10/BB-HĐ');
    expect(formatDocNumber(1048, 'QĐ-UBND')).toBe('1048/QĐ-UBND');
    expect(formatDocNumber(null, 'QĐ-UBND')).toBe('…/QĐ-UBND');
    expect(symbolOf('{n}/{year}/QĐ-HĐ', 2027)).toBe('2027/QĐ-HĐ');
    expect(DOC_SYMBOL_RE.test('2027/QĐ-HĐ')).toBe(true);
    expect(DOC_SYMBOL_RE.test('27/QĐ-HĐ')).toBe(false);
  });

  it('defaults to the council abbreviation for minutes and QĐ-UBND for the decision', () => {
    expect(defaultNumberPattern('minutes', 'HĐĐG')).toBe('{n}/BB-HĐĐG');
    expect(defaultNumberPattern('minutes', '')).toBe('{n}/BB');
    expect(defaultNumberPattern('minutes', 'hđ')).toBe('{n}/BB');
    expect(defaultNumberPattern('decision', 'HĐ')).toBe('{n}/QĐ-UBND');
  });

  it('reads a written number back into number and symbol, or null when it is not of that form', () => {
    expect(parseDocNumber('125/QĐ-UBND')).toEqual({ number: 125, symbol: 'QĐ-UBND' });
    expect(parseDocNumber(' 05/2026/QĐ-UBND ')).toEqual({ number: 5, symbol: '2026/QĐ-UBND' });
    for (const bad of ['125', 'QĐ-UBND', '125/', '0/QĐ-UBND', '125/qđ-ubnd', '125/QĐ UBND', '1234567/QĐ'])
      expect(parseDocNumber(bad)).toBeNull();
  });
});
