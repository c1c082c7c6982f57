import type { CriteriaSet } from '../../../../shared/ocop/criteria-set';
import { allCriteria } from '../../../../shared/ocop/criteria-set-walk';

/**
 * Level choices that add up to an exact total on a real criteria set, for tests that need
 * "a member who gave 70 points". Starts from the highest level everywhere and lowers criteria
 * from the end of the form until the total is reached. With `keepMarks` no criterion goes
 * below its 5★ mark, so the star minima never cap the result.
 */
export function choicesForTotal(
  set: CriteriaSet,
  total: number,
  opts: { keepMarks?: boolean; overrides?: Record<string, number> } = {},
): Record<string, number> {
  const placed = allCriteria(set);
  const choices: Record<string, number> = {};
  let sum = 0;
  for (const { criterion } of placed) {
    const fixed = opts.overrides?.[criterion.code];
    const li = fixed ?? highestLevel(criterion.levels);
    choices[criterion.code] = li;
    sum += criterion.levels[li]!.points;
  }
  let deficit = sum - total;
  for (let k = placed.length - 1; k >= 0 && deficit > 0; k--) {
    const c = placed[k]!.criterion;
    if (opts.overrides?.[c.code] !== undefined) continue;
    const current = c.levels[choices[c.code]!]!.points;
    const floor = opts.keepMarks ? Math.max(0, ...c.levels.filter((l) => l.minForStars !== undefined).map((l) => l.points)) : 0;
    // The level closest to (current − deficit) without going under it or under the floor.
    let best = choices[c.code]!;
    c.levels.forEach((l, li) => {
      if (l.points >= Math.max(floor, current - deficit) && l.points < c.levels[best]!.points) best = li;
    });
    deficit -= current - c.levels[best]!.points;
    choices[c.code] = best;
  }
  if (deficit !== 0) throw new Error(`choicesForTotal: cannot reach ${total} points on ${set.setKey} (${deficit} left)`);
  return choices;
}

function highestLevel(levels: readonly { points: number }[]): number {
  let best = 0;
  levels.forEach((l, i) => {
    if (l.points > levels[best]!.points) best = i;
  });
  return best;
}

export function totalOf(set: CriteriaSet, choices: Record<string, number>): number {
  return allCriteria(set).reduce((s, { criterion }) => s + criterion.levels[choices[criterion.code]!]!.points, 0);
}
