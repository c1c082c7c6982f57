import { describe, expect, it } from 'vitest';
import { count, nounFor } from './plural';

describe('count', () => {
  it('says "1 sheet" and "N sheets", zero included', () => {
    expect(count(1, 'sheet')).toBe('1 sheet');
    expect(count(0, 'sheet')).toBe('0 sheets');
    expect(count(2, 'sheet')).toBe('2 sheets');
    expect(count(21, 'sheet')).toBe('21 sheets');
  });
  it('takes the plural of an irregular noun', () => {
    expect(count(1, 'entry', 'entries')).toBe('1 entry');
    expect(count(3, 'entry', 'entries')).toBe('3 entries');
    expect(nounFor(2, 'product has', 'products have')).toBe('products have');
  });
});
