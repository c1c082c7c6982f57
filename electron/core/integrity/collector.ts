import type { CheckResult, Difference } from '../../../shared/api/channels/integrity';

/** The checks of a state verification, in the order they run (and report). */
export const CHECKS = [
  'chain',
  'answers-replay',
  'sheet-totals',
  'answer-audit',
  'submissions',
  'sheets-audit',
  'dossiers',
  'attendance',
  'recusals',
  'session-status',
  'finalizations',
  'anchors',
] as const;
export type CheckId = (typeof CHECKS)[number];

/** Keeps every difference (the report shows the first ones) and a count per check. */
export class Collector {
  readonly differences: Difference[] = [];
  private readonly counts = new Map<CheckId, { checked: number; differences: number }>();

  checked(check: CheckId, n = 1): void {
    this.entry(check).checked += n;
  }

  add(check: CheckId, table: string, key: string, expected: unknown, found: unknown): void {
    this.entry(check).differences += 1;
    this.differences.push({ check, table, key, expected: show(expected), found: show(found) });
  }

  results(): CheckResult[] {
    return CHECKS.filter((c) => this.counts.has(c)).map((id) => {
      const e = this.counts.get(id)!;
      return { id, ok: e.differences === 0, checked: e.checked, differences: e.differences };
    });
  }

  private entry(check: CheckId) {
    let e = this.counts.get(check);
    if (!e) this.counts.set(check, (e = { checked: 0, differences: 0 }));
    return e;
  }
}

/** A value as the report prints it: text as is, anything else as compact JSON, bounded. */
export function show(v: unknown): string {
  const s = typeof v === 'string' ? v : v === undefined ? '(nothing)' : JSON.stringify(v);
  return s.length > 300 ? `${s.slice(0, 297)}…` : s;
}
