import { describe, expect, it } from 'vitest';
import { parseTimeText } from './time-text';

describe('parseTimeText (24-hour, as Vietnamese offices write times)', () => {
  it.each([
    ['08:00', '08:00'],
    ['8:00', '08:00'],
    ['8', '08:00'],
    ['8h', '08:00'],
    ['8h30', '08:30'],
    ['8 giờ 30', '08:30'],
    ['14.30', '14:30'],
    ['1430', '14:30'],
    ['830', '08:30'],
    ['0:00', '00:00'],
    ['23:59', '23:59'],
    ['  11:30 ', '11:30'],
    ['', ''],
  ])('%s → %s', (text, value) => {
    expect(parseTimeText(text)).toBe(value);
  });

  it.each(['24:00', '23:60', '8:5', '8:00 AM', 'tám giờ', '12345', '-1:00', '8:00:00'])('refuses %s', (text) => {
    expect(parseTimeText(text)).toBeNull();
  });
});
