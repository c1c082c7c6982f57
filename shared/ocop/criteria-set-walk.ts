import type {
  CriteriaGroup,
  CriteriaPart,
  CriteriaRule,
  CriteriaSet,
  Criterion,
  CriterionLevel,
  PartMaxima,
  StarMark,
} from './criteria-set';

/** A scored criterion with where it sits in the form. */
export interface PlacedCriterion {
  part: CriteriaPart;
  group: CriteriaGroup;
  criterion: Criterion;
  /** 0-based position among all criteria of the set, in form order. */
  index: number;
}

/** Every scored criterion in form order (A → B → C, groups, criteria). */
export function allCriteria(set: CriteriaSet): PlacedCriterion[] {
  const out: PlacedCriterion[] = [];
  for (const part of set.parts)
    for (const group of part.groups)
      for (const criterion of group.criteria) out.push({ part, group, criterion, index: out.length });
  return out;
}

export function findCriterion(set: CriteriaSet, code: string): PlacedCriterion | undefined {
  return allCriteria(set).find((c) => c.criterion.code === code);
}

/** Highest points a criterion can give: of all levels, or of each case (both cases share the maximum). */
export const highestPoints = (levels: readonly CriterionLevel[]): number => levels.reduce((m, l) => Math.max(m, l.points), 0);

/** Levels grouped by case, in the criterion's case order; one group (key null) without cases. */
export function levelsByCase(c: Criterion): { case: string | null; levels: { level: CriterionLevel; index: number }[] }[] {
  const indexed = c.levels.map((level, index) => ({ level, index }));
  if (!c.cases) return [{ case: null, levels: indexed }];
  return c.cases.map((k) => ({ case: k, levels: indexed.filter((x) => x.level.case === k) }));
}

/** Star marks of a criterion: star count → points of the marked level (the source's `starMarks`). */
export function starMarks(c: Criterion): Partial<Record<StarMark, number>> {
  const out: Partial<Record<StarMark, number>> = {};
  for (const l of c.levels) if (l.minForStars !== undefined) out[l.minForStars] = l.points;
  return out;
}

/** A criterion is "mandatory" for star ranking when at least one level carries a star mark. */
export const isMandatory = (c: Criterion): boolean => c.levels.some((l) => l.minForStars !== undefined);

export const starMarkedLevelCount = (set: CriteriaSet): number =>
  allCriteria(set).reduce((n, { criterion }) => n + criterion.levels.filter((l) => l.minForStars !== undefined).length, 0);

export const partMaxima = (set: CriteriaSet): PartMaxima => {
  const m = { A: 0, B: 0, C: 0 };
  for (const p of set.parts) m[p.code] = p.max;
  return m;
};

/** A Part C group that is itself one criterion (same code): the form shows it as one row. */
export const isSingleCriterionGroup = (g: CriteriaGroup): boolean => g.criteria.length === 1 && g.criteria[0]!.code === g.code;

/** Rules that concern one criterion (set-level disqualifiers have criterionCode null). */
export const rulesFor = (set: CriteriaSet, code: string): CriteriaRule[] => set.rules.filter((r) => r.criterionCode === code);

/** Anomaly texts about one criterion, plus the review flags stored on it and its levels. */
export function criterionNeedsReview(c: Criterion, set: CriteriaSet): boolean {
  return (
    c.possibleTypo === true ||
    c.levelsImplied === true ||
    c.levels.some((l) => l.pointsBlankInSource === true || l.sourcePoints !== undefined) ||
    set.anomalies.some((a) => a.target.kind === 'criterion' && a.target.code === c.code)
  );
}
