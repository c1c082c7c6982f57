import { describe, expect, it } from 'vitest';
import {
  canChangeEntryState,
  certificateInForce,
  dueStateOn,
  ENTRY_STATES,
  entryStateChangeProblem,
  entryStatusOn,
  starChange,
  validityFromDecision,
  type EntryFacts,
} from './registry-status';

const recognised = (decision: string): EntryFacts => {
  const v = validityFromDecision(decision, '26/2026/QĐ-TTg');
  return { state: 'recognised', validFrom: v.validFrom, validTo: v.validTo, successorKind: null, endedOn: null };
};

describe('validity from the decision (Đ4.3: 36 months from the decision)', () => {
  it('runs to the same day number 36 months later, inclusive', () => {
    expect(validityFromDecision('2026-06-15', '26/2026/QĐ-TTg')).toEqual({
      validFrom: '2026-06-15',
      validTo: '2029-06-15',
      windowOpensOn: '2028-12-17',
      windowClosesOn: '2029-02-15',
    });
  });

  it('a decision of 29 February ends on 28 February (no 29th in the last month)', () => {
    expect(validityFromDecision('2028-02-29', '26/2026/QĐ-TTg').validTo).toBe('2031-02-28');
    // …and a 28 February decision three years before a leap year also ends on the 28th.
    expect(validityFromDecision('2025-02-28', '148/QĐ-TTg').validTo).toBe('2028-02-28');
    // A validity that ends in a leap February keeps the day number: 29/02/2024 is reachable only from a 29th.
    expect(validityFromDecision('2021-02-28', '1048/QĐ-TTg').validTo).toBe('2024-02-28');
    expect(validityFromDecision('2020-02-29', '1048/QĐ-TTg').validTo).toBe('2023-02-28');
  });

  it('31st of a month ends on the last day of a shorter month', () => {
    expect(validityFromDecision('2023-08-31', '148/QĐ-TTg').validTo).toBe('2026-08-31');
    expect(validityFromDecision('2023-05-31', '148/QĐ-TTg').validTo).toBe('2026-05-31');
    expect(validityFromDecision('2022-12-31', '1048/QĐ-TTg').validTo).toBe('2025-12-31');
    expect(validityFromDecision('2023-03-31', '148/QĐ-TTg').validTo).toBe('2026-03-31');
    expect(validityFromDecision('2024-11-30', '148/QĐ-TTg').validTo).toBe('2027-11-30');
  });
});

describe('status on a date', () => {
  const e = recognised('2026-06-15'); // valid to 2029-06-15; window 2028-12-17 … 2029-02-15

  it('valid until the day before the window opens (180 days before expiry)', () => {
    expect(entryStatusOn(e, '2026-06-15')).toBe('valid');
    expect(entryStatusOn(e, '2028-12-16')).toBe('valid');
  });

  it('the window opens exactly 180 days before expiry and closes exactly 120 days before, both inside', () => {
    expect(entryStatusOn(e, '2028-12-17')).toBe('window_open');
    expect(entryStatusOn(e, '2029-02-15')).toBe('window_open');
    expect(entryStatusOn(e, '2029-02-16')).toBe('window_passed');
  });

  it('expires the day after the last valid day', () => {
    expect(entryStatusOn(e, '2029-06-15')).toBe('window_passed');
    expect(entryStatusOn(e, '2029-06-16')).toBe('expired');
  });

  it('a window that spans 29 February counts the leap day', () => {
    // Valid to 2028-06-15: 180 days before is 2027-12-18; 120 days before is 2028-02-16.
    const leap = recognised('2025-06-15');
    expect(validityFromDecision('2025-06-15', '148/QĐ-TTg').windowOpensOn).toBe('2027-12-18');
    expect(validityFromDecision('2025-06-15', '148/QĐ-TTg').windowClosesOn).toBe('2028-02-16');
    expect(entryStatusOn(leap, '2028-02-16')).toBe('window_open');
    expect(entryStatusOn(leap, '2028-02-17')).toBe('window_passed');
  });

  it('superseded and revoked read as such from the day they ended, by the calendar before', () => {
    const up: EntryFacts = { ...e, state: 'superseded', successorKind: 'upgrade', endedOn: '2027-03-01' };
    expect(entryStatusOn(up, '2027-02-28')).toBe('valid');
    expect(entryStatusOn(up, '2027-03-01')).toBe('upgraded');
    const re: EntryFacts = { ...e, state: 'superseded', successorKind: 'reevaluation', endedOn: '2029-04-01' };
    expect(entryStatusOn(re, '2029-04-01')).toBe('reevaluated');
    const rev: EntryFacts = { ...e, state: 'revoked', endedOn: '2027-01-10' };
    expect(entryStatusOn(rev, '2027-01-09')).toBe('valid');
    expect(entryStatusOn(rev, '2027-01-10')).toBe('revoked');
  });

  it('proposed, not recognised and withdrawn entries have no calendar', () => {
    for (const state of ['proposed', 'not_recognised', 'withdrawn'] as const) {
      expect(entryStatusOn({ state, validFrom: null, validTo: null, successorKind: null, endedOn: null }, '2030-01-01')).toBe(
        state,
      );
    }
  });
});

describe('certificate in force on a date', () => {
  const e = recognised('2026-06-15');
  it('from the decision day to the last valid day', () => {
    expect(certificateInForce(e, '2026-06-14')).toBe(false);
    expect(certificateInForce(e, '2026-06-15')).toBe(true);
    expect(certificateInForce(e, '2029-06-15')).toBe(true);
    expect(certificateInForce(e, '2029-06-16')).toBe(false);
  });
  it('not on or after the day it was revoked or replaced', () => {
    const rev: EntryFacts = { ...e, state: 'revoked', endedOn: '2027-01-10' };
    expect(certificateInForce(rev, '2027-01-09')).toBe(true);
    expect(certificateInForce(rev, '2027-01-10')).toBe(false);
  });
  it('never for proposals or results below 3 stars', () => {
    expect(certificateInForce({ ...e, state: 'proposed' }, '2027-01-01')).toBe(false);
    expect(certificateInForce({ ...e, state: 'not_recognised' }, '2027-01-01')).toBe(false);
  });
});

describe('re-evaluation calendar (due states)', () => {
  const e = recognised('2026-06-15'); // window 2028-12-17 … 2029-02-15, expiry 2029-06-15
  it('coming within the horizon, open, passed, grace (Đ12, 180 days), then expired — never dropped', () => {
    expect(dueStateOn(e, '2028-09-17', 90)).toBe(null);
    expect(dueStateOn(e, '2028-09-18', 90)).toBe('coming');
    expect(dueStateOn(e, '2028-12-16', 90)).toBe('coming');
    expect(dueStateOn(e, '2028-12-17', 90)).toBe('open');
    expect(dueStateOn(e, '2029-02-15', 90)).toBe('open');
    expect(dueStateOn(e, '2029-02-16', 90)).toBe('passed');
    expect(dueStateOn(e, '2029-06-15', 90)).toBe('passed');
    expect(dueStateOn(e, '2029-06-16', 90)).toBe('grace');
    expect(dueStateOn(e, '2029-12-12', 90)).toBe('grace');
    expect(dueStateOn(e, '2029-12-13', 90)).toBe('expired');
    expect(dueStateOn(e, '2040-01-01', 90)).toBe('expired');
  });
  it('only running recognitions are due', () => {
    expect(dueStateOn({ ...e, state: 'superseded', endedOn: '2028-01-01' }, '2029-01-01', 90)).toBe(null);
    expect(dueStateOn({ ...e, state: 'revoked', endedOn: '2028-01-01' }, '2029-01-01', 90)).toBe(null);
  });
});

describe('stored state transitions', () => {
  it('follows the documented graph and explains refusals', () => {
    const allowed = ENTRY_STATES.flatMap((a) => ENTRY_STATES.filter((b) => canChangeEntryState(a, b)).map((b) => `${a}→${b}`));
    expect(allowed.sort()).toEqual(
      [
        'proposed→recognised',
        'proposed→withdrawn',
        'withdrawn→proposed',
        'recognised→superseded',
        'recognised→revoked',
        'superseded→recognised',
      ].sort(),
    );
    expect(entryStateChangeProblem('revoked', 'recognised')).toContain('stays revoked');
    expect(entryStateChangeProblem('not_recognised', 'recognised')).toContain('Đ4.1a');
    expect(entryStateChangeProblem('proposed', 'revoked')).toContain('only a recognised certificate');
    expect(entryStateChangeProblem('proposed', 'recognised')).toBe(null);
  });
  it('names the star change of a successor', () => {
    expect(starChange(3, 4)).toBe('up');
    expect(starChange(4, 4)).toBe('same');
    expect(starChange(5, 4)).toBe('down');
  });
});
