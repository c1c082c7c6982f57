/**
 * The numbers of one product, computed once from the sheets and shared by ranking and
 * sensitivity: members (sorted by id), their chosen levels and points per criterion, totals,
 * per-part totals, the column sums per criterion and the per-criterion minima caps.
 * Internal to shared/ocop (not re-exported).
 */
import { checkCouncilRules, type CouncilRules } from './council-rules';
import { getLegalBasis, type LegalBasisId } from './legal-basis';
import { criterionCaps, capOf, pointsMatrix } from './minima';
import { evaluateQuorum, type PanelMember, type QuorumResult } from './quorum';
import { RulesInputError } from './rules-error';
import { toCenti } from './score';
import { checkLevels, compileChoices, compileSet, type Choices, type CompiledSet, type RankableSet } from './set-input';
import type { IsoDate } from './iso-date';

export interface SubmittedSheet {
  readonly memberId: number;
  /** Criterion code → chosen level index (printed order, from 0); null/absent = not evaluated. */
  readonly choices: Choices;
  /**
   * The same choices already compiled: level index per criterion in the set's order (−1 = not
   * evaluated), as compileChoices returns them. When given, `choices` is not read (it may be a
   * lazy getter): the results of a 300-product session read 2 700 complete sheets from SQLite as
   * integers, and building then re-reading one keyed object per sheet cost more than the ranking.
   * Checked like `choices` (one entry per criterion, every level in range).
   */
  readonly levels?: Int32Array;
  /** Part totals as recorded on the sheet (points); when given they must match the levels. */
  readonly partTotals?: Readonly<Record<string, number>> | null;
  /** The member found the dossier disqualified ("Hồ sơ bị loại khi…"). */
  readonly disqualified?: boolean;
  readonly disqualificationReason?: string | null;
  /** Scoring stopped at a knock-out note; criteria left unanswered count 0 points. */
  readonly stopped?: boolean;
}

/** The level of the council that ranks: decides who is proposed upward. */
export type CouncilLevel = 'district' | 'province' | 'central';

export interface RankProductInput {
  readonly set: RankableSet;
  readonly rules: CouncilRules;
  readonly legalBasis: LegalBasisId;
  /** Council members on the session day, with attendance and recusal for this product. */
  readonly panel: readonly PanelMember[];
  /** Presiding member when the chair delegated (default: the member with role 'chair'). */
  readonly chairId?: number | null;
  /** Submitted (current, not superseded) sheets of this product. */
  readonly sheets: readonly SubmittedSheet[];
  readonly councilLevel?: CouncilLevel;
  /** Session date: picks the recognition rule in force (148 before/after 1489). */
  readonly onDate?: IsoDate;
}

export interface ProductState {
  readonly set: CompiledSet;
  readonly sheets: readonly SubmittedSheet[]; // sorted by memberId
  readonly memberIds: readonly number[];
  readonly levels: readonly Int32Array[];
  readonly points: readonly Int32Array[];
  readonly totals: readonly number[];
  readonly partTotals: readonly Int32Array[]; // member → part → centi
  readonly columnSums: Int32Array; // criterion → Σ members' centi
  readonly sum: number;
  readonly caps: Int8Array;
  readonly quorum: QuorumResult;
}

export function buildProductState(input: RankProductInput): ProductState {
  checkCouncilRules(input.rules);
  getLegalBasis(input.legalBasis);
  const set = compileSet(input.set);
  const quorum = evaluateQuorum(input.panel, input.rules.quorum, { chairId: input.chairId ?? null });
  const scorers = new Set(quorum.scorerIds);

  const sheets = [...input.sheets].sort((a, b) => a.memberId - b.memberId);
  for (let i = 0; i < sheets.length; i++) {
    const s = sheets[i]!;
    if (i > 0 && sheets[i - 1]!.memberId === s.memberId) {
      throw new RulesInputError(
        'DUPLICATE_SHEET',
        `Member ${s.memberId} has more than one submitted sheet; keep only the latest`,
        { memberId: s.memberId },
      );
    }
    if (!scorers.has(s.memberId)) {
      throw new RulesInputError(
        'SHEET_FROM_NON_SCORER',
        `Member ${s.memberId} submitted a sheet but is absent, recused or not a scoring member for this product`,
        { memberId: s.memberId },
      );
    }
  }

  const levels = sheets.map((s) =>
    s.levels
      ? checkLevels(set, s.levels, `Sheet of member ${s.memberId}`)
      : compileChoices(set, s.choices, `Sheet of member ${s.memberId}`),
  );
  const points = pointsMatrix(set, levels);
  const partCount = set.partCodes.length;
  const columnSums = new Int32Array(set.codes.length);
  const totals: number[] = [];
  const partTotals: Int32Array[] = [];
  let sum = 0;
  for (let m = 0; m < points.length; m++) {
    const row = points[m]!;
    const parts = new Int32Array(partCount);
    let total = 0;
    for (let ci = 0; ci < row.length; ci++) {
      parts[set.partOf[ci]!]! += row[ci]!;
      columnSums[ci]! += row[ci]!;
      total += row[ci]!;
    }
    checkRecordedParts(set, sheets[m]!, parts);
    totals.push(total);
    partTotals.push(parts);
    sum += total;
  }
  const caps = points.length > 0 ? criterionCaps(set, points, input.rules.minima) : new Int8Array(set.codes.length).fill(5);
  return {
    set,
    sheets,
    memberIds: sheets.map((s) => s.memberId),
    levels,
    points,
    totals,
    partTotals,
    columnSums,
    sum,
    caps,
    quorum,
  };
}

function checkRecordedParts(set: CompiledSet, sheet: SubmittedSheet, computed: Int32Array): void {
  if (!sheet.partTotals) return;
  for (const [part, value] of Object.entries(sheet.partTotals)) {
    const p = set.partCodes.indexOf(part);
    if (p < 0)
      throw new RulesInputError(
        'PART_TOTAL_MISMATCH',
        `Sheet of member ${sheet.memberId}: part "${part}" is not in the criteria set`,
        { memberId: sheet.memberId, part },
      );
    const recorded = toCenti(value, `Part ${part} total of member ${sheet.memberId}`);
    if (recorded !== computed[p]) {
      throw new RulesInputError(
        'PART_TOTAL_MISMATCH',
        `Sheet of member ${sheet.memberId}: part ${part} total is recorded as ${value} but the chosen levels add up to ${computed[p]! / 100}`,
        { memberId: sheet.memberId, part, recorded: value, computed: computed[p]! / 100 },
      );
    }
  }
}

export const stateCap = (state: ProductState) => capOf(state.caps);
