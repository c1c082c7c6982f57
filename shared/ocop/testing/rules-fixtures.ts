/**
 * Fixtures for the ranking rules' tests and bench: set 7 of 26/2026 ("Chế biến từ rau, củ, quả,
 * hạt") as a flat list — the real points and star marks of DOMAIN §3.7, 32 criteria, 100 points —
 * and helpers to build sheets and panels.
 */
import type { CouncilRules } from '../council-rules';
import { DEFAULT_COUNCIL_RULES } from '../council-rules';
import type { PanelMember } from '../quorum';
import type { SubmittedSheet } from '../ranking';
import type { FlatSetInput, RankableLevel } from '../set-input';

/** "1(3)" = 1 point marked 3★; "2" = 2 points unmarked. */
type Spec = readonly (number | readonly [number, 3 | 4 | 5])[];
const lv = (spec: Spec): RankableLevel[] =>
  spec.map((s) => (typeof s === 'number' ? { points: s } : { points: s[0], minForStars: s[1] }));

const SET7: readonly [string, 'A' | 'B' | 'C', Spec][] = [
  ['1.1', 'A', [[1, 3], 2, 3]],
  ['1.2', 'A', [0, 1, 2]],
  ['1.3', 'A', [1, 2, 3]],
  ['1.4', 'A', [1, 2, 3]],
  ['1.5', 'A', [0, 1, [2, 4], [3, 5]]],
  ['1.6', 'A', [[1, 4], 2, 3]],
  ['1.7', 'A', [0, 1]],
  ['2.1', 'A', [0, 1, 2, [3, 4]]],
  ['2.2', 'A', [0, 1, [2, 3], 3]],
  ['2.3', 'A', [[1, 3], 2, [3, 4]]],
  ['2.4', 'A', [0, 1]],
  ['3.1', 'A', [1, 1, 3]],
  ['3.2', 'A', [0, 1]],
  ['3.3', 'A', [1, 2, 3]],
  ['3.4', 'A', [1, [2, 4]]],
  ['3.5', 'A', [[1, 3], [2, 4], 3]],
  ['4.1', 'B', [1, [2, 3], [3, 4], [5, 5]]],
  ['4.2', 'B', [0, 1, 2, 3]],
  ['4.3', 'B', [0, 1, 2, 3, 5]],
  ['5.1', 'B', [0, 1, 2, 3, [5, 4]]],
  ['5.2', 'B', [0, 1, 2]],
  ['5.3', 'B', [0, [1, 3], 3, 5]],
  ['6.1', 'C', [0, 1, [2, 4]]],
  ['6.2', 'C', [0, 1, 2]],
  ['6.3', 'C', [0, 1, [2, 4], [3, 5]]],
  ['6.4', 'C', [1, [2, 4], [3, 5]]],
  ['6.5', 'C', [0, 1, [3, 4], [5, 5]]],
  ['7', 'C', [0, 1, [3, 4], [5, 5]]],
  ['8', 'C', [[2, 3], 4, 5]],
  ['9', 'C', [[1, 3], [3, 4], 5]],
  ['10', 'C', [1, 2]],
  ['11', 'C', [1, 2, 3]],
];

export const set7: FlatSetInput = { criteria: SET7.map(([code, part, spec]) => ({ code, part, levels: lv(spec) })) };

export type LevelChoices = Record<string, number>;

/** Every criterion at its highest level (100 points). */
export function topChoices(set: FlatSetInput = set7): LevelChoices {
  return Object.fromEntries(set.criteria.map((c) => [c.code, c.levels.length - 1]));
}

/** Level index that gives exactly `points` on a criterion (first match). */
export function levelWithPoints(set: FlatSetInput, code: string, points: number): number {
  const c = set.criteria.find((x) => x.code === code);
  const i = c ? c.levels.findIndex((l) => l.points === points) : -1;
  if (i < 0) throw new Error(`fixture: criterion ${code} has no level worth ${points}`);
  return i;
}

/** Top choices with some criteria set to given points. */
export function choicesWith(points: Record<string, number>, set: FlatSetInput = set7): LevelChoices {
  const out = topChoices(set);
  for (const [code, p] of Object.entries(points)) out[code] = levelWithPoints(set, code, p);
  return out;
}

export function sheet(memberId: number, choices: LevelChoices, extra: Partial<SubmittedSheet> = {}): SubmittedSheet {
  return { memberId, choices, ...extra };
}

/** A council of `size`: member 1 is the chair, the others plain members; everybody present. */
export function panelOf(size: number, overrides: Record<number, Partial<PanelMember>> = {}): PanelMember[] {
  return Array.from({ length: size }, (_, i) => ({
    id: i + 1,
    role: i === 0 ? 'chair' : 'member',
    present: true,
    ...overrides[i + 1],
  }));
}

export const rules = (over: Partial<CouncilRules> = {}): CouncilRules => ({ ...DEFAULT_COUNCIL_RULES, ...over });

/**
 * Set-7 choices adding up to `total` points (57–100) without missing any star mark (cap 5):
 * starts from the top and lowers criteria, in set order, down to their 5★ requirement.
 * `fixed` pins some criteria to given points first (e.g. { '1.5': 1 } to miss the 4★ mark).
 */
export function choicesForTotal(total: number, fixed: Record<string, number> = {}): LevelChoices {
  const out = choicesWith(fixed);
  let sum = set7.criteria.reduce((acc, c) => acc + c.levels[out[c.code]!]!.points, 0);
  for (const c of set7.criteria) {
    if (c.code in fixed) continue;
    const floor = Math.max(0, ...c.levels.filter((l) => l.minForStars).map((l) => l.points));
    // Step down while the level still meets every mark and the total is above target.
    for (let li = out[c.code]!; li > 0 && sum > total;) {
      const lower = li - 1;
      const drop = c.levels[li]!.points - c.levels[lower]!.points;
      if (c.levels[lower]!.points < floor || sum - drop < total) break;
      sum -= drop;
      li = lower;
      out[c.code] = li;
    }
  }
  if (sum !== total) throw new Error(`fixture: cannot reach ${total} points (got ${sum})`);
  return out;
}
