import type { CouncilRules } from '../../../shared/ocop/council-rules';
import type { CriteriaSet } from '../../../shared/ocop/criteria-set';
import { allCriteria } from '../../../shared/ocop/criteria-set-walk';
import { isLegalBasisId, type LegalBasisId } from '../../../shared/ocop/legal-basis';
import type { CouncilRole, PanelMember } from '../../../shared/ocop/quorum';
import type { CouncilLevel, ProductRanking, RankProductInput, SubmittedSheet } from '../../../shared/ocop/ranking';
import { RulesInputError } from '../../../shared/ocop/rules-error';
import { rankWithSensitivity, type SensitivityResult } from '../../../shared/ocop/sensitivity';
import { evaluateSheet, sheetContent, type SheetEvaluation } from '../../../shared/ocop/sheet-rules';
import { compileSet } from '../../../shared/ocop/set-input';
import { CoreError } from '../errors';
import { storedLevels } from './answer-reader';
import type { SessionFacts } from '../sessions/session-repo';
import type { AgendaFacts, CountingSheet, LoadedVersion, SessionData } from './session-data';

/**
 * Turns a session's stored facts into the rules' inputs and ranks every product with the pure
 * rules of shared/ocop (ranking + sensitivity in one pass). No database access here.
 */

export interface ComputedProduct {
  agenda: AgendaFacts;
  version: LoadedVersion;
  rescoringRound: number;
  recusedMemberIds: number[];
  /** Counting sheets, by member id. */
  sheets: CountingSheet[];
  /** member id → the sheet as the scoring rules read it, for sheets that needed the rules (see sheetIsPlain). */
  evaluations: Map<number, SheetEvaluation>;
  input: RankProductInput;
  ranking: ProductRanking;
  sensitivity: SensitivityResult;
}

export function councilRulesOf(s: SessionFacts): CouncilRules {
  return {
    aggregation: 'mean',
    minima: s.rules.minimaRule,
    spread: { limit: s.rules.spreadLimit, limitAllowed: s.rules.spreadLimitAllowed },
    quorum: { numerator: s.rules.quorumNumerator, denominator: s.rules.quorumDenominator, chairRequired: s.rules.chairRequired },
    displayDecimals: s.rules.displayDecimals,
  };
}

/** Who ranks decides who is proposed upward; an advisory group works for its provincial council. */
export function rankingLevelOf(councilLevel: string): CouncilLevel {
  switch (councilLevel) {
    case 'central':
      return 'central';
    case 'district':
      return 'district';
    default:
      return 'province';
  }
}

export function legalBasisOf(s: SessionFacts): LegalBasisId {
  const basis = s.round.legalBasis;
  if (!isLegalBasisId(basis)) {
    throw new CoreError(
      'INTERNAL',
      `Round ${s.roundId} of session ${s.id} names an unknown legal basis ${JSON.stringify(basis)}`,
    );
  }
  return basis;
}

/** Stop rules triggered by a chosen level (set 16: "0 điểm tại một trong các chỉ tiêu trên"), per set. */
const levelStopsCache = new WeakMap<CriteriaSet, { criterionCode: string; levelIndex: number }[]>();
function levelStopTriggers(set: CriteriaSet): { criterionCode: string; levelIndex: number }[] {
  let t = levelStopsCache.get(set);
  if (!t) {
    t = set.rules.flatMap((r) => (r.kind === 'stop' && r.trigger.type === 'levels' ? r.trigger.levels : []));
    levelStopsCache.set(set, t);
  }
  return t;
}

/**
 * Whether the scoring rules can leave this sheet's levels exactly as stored: every criterion
 * answered, no declaration (disqualify, stop condition and conditional rules act only through
 * one: sheet-rules.ts) and no chosen level that triggers a stop. Then evaluateSheet would mark
 * every criterion 'answered', so it is skipped — 2 700 sheets per session make that count.
 */
export function sheetIsPlain(version: LoadedVersion, sheet: CountingSheet): boolean {
  if (sheet.declarations.length > 0) return false;
  if (sheet.answeredCount !== criterionCount(version.set)) return false;
  const levels = storedLevels(sheet);
  const index = levels ? compileSet(version.set).index : null;
  return !levelStopTriggers(version.set).some(
    (l) => (levels ? levels[index!.get(l.criterionCode) ?? -1] : sheet.choices[l.criterionCode]) === l.levelIndex,
  );
}

const countCache = new WeakMap<CriteriaSet, number>();
function criterionCount(set: CriteriaSet): number {
  let n = countCache.get(set);
  if (n === undefined) countCache.set(set, (n = allCriteria(set).length));
  return n;
}

/** The sheet as the scoring rules read it (statuses of skipped and stopped criteria, totals). */
export function evaluateStoredSheet(version: LoadedVersion, sheet: CountingSheet): SheetEvaluation {
  return evaluateSheet(
    version.set,
    sheetContent(
      Object.entries(sheet.choices).map(([criterionCode, levelIndex]) => ({ criterionCode, levelIndex })),
      sheet.declarations,
    ),
  );
}

/**
 * A stored sheet as the ranking reads it. Criteria the scoring rules skip (condition absent) or
 * stop (knock-out note) count 0 even when a level is stored, exactly as the sheet's own total;
 * the ranking is told the sheet is "stopped" so it accepts those criteria without a level.
 */
export function toSubmittedSheet(
  version: LoadedVersion,
  sheet: CountingSheet,
): { submitted: SubmittedSheet; evaluation: SheetEvaluation | null } {
  if (sheetIsPlain(version, sheet)) {
    const levels = storedLevels(sheet);
    // With the compiled levels the ranking never reads `choices`; a getter keeps them lazy.
    const submitted: SubmittedSheet = levels
      ? {
          memberId: sheet.memberId,
          levels,
          get choices() {
            return sheet.choices;
          },
        }
      : { memberId: sheet.memberId, choices: sheet.choices };
    return { submitted, evaluation: null };
  }
  const evaluation = evaluateStoredSheet(version, sheet);
  const choices: Record<string, number | null> = {};
  let notAnswered = false;
  for (const c of evaluation.criteria) {
    if (c.status === 'answered') choices[c.code] = c.levelIndex;
    else {
      choices[c.code] = null;
      notAnswered = true;
    }
  }
  const reasons = evaluation.disqualifiedBy.map((d) => (d.reason ?? '').trim()).filter((r) => r.length > 0);
  return {
    submitted: {
      memberId: sheet.memberId,
      choices,
      stopped: notAnswered,
      disqualified: evaluation.disqualified,
      disqualificationReason: reasons.length > 0 ? reasons.join('; ') : null,
    },
    evaluation,
  };
}

/** Members who took part: recorded present, or not recorded but with a counting sheet (the sheet proves it). */
function panelFor(data: SessionData, registrationId: number, scoredAnything: Set<number>): PanelMember[] {
  const recused = data.recusals.get(registrationId);
  return data.members.map((m) => ({
    id: m.memberId,
    role: m.role as CouncilRole,
    present: m.present === true || (m.present === null && scoredAnything.has(m.memberId)),
    recused: recused?.has(m.memberId) ?? false,
  }));
}

export function computeProducts(data: SessionData, marginPoints: number): ComputedProduct[] {
  const rules = councilRulesOf(data.session);
  const legalBasis = legalBasisOf(data.session);
  const councilLevel = rankingLevelOf(data.session.council.level);
  const scoredAnything = new Set(data.sheets.map((s) => s.memberId));
  const sheetsByReg = new Map<number, CountingSheet[]>();
  for (const s of data.sheets) {
    let list = sheetsByReg.get(s.registrationId);
    if (!list) sheetsByReg.set(s.registrationId, (list = []));
    list.push(s);
  }
  const chairId =
    data.session.chairMemberId !== null &&
    data.members.some((m) => m.memberId === data.session.chairMemberId && m.role !== 'secretary')
      ? data.session.chairMemberId
      : null;

  return data.agenda.map((agenda) => {
    const version = data.versions.get(agenda.criteriaSetVersionId)!;
    const sheets = (sheetsByReg.get(agenda.registrationId) ?? []).sort((a, b) => a.memberId - b.memberId);
    const evaluations = new Map<number, SheetEvaluation>();
    const submitted = sheets.map((s) => {
      const { submitted: sub, evaluation } = toSubmittedSheet(version, s);
      if (evaluation) evaluations.set(s.memberId, evaluation);
      return sub;
    });
    const input: RankProductInput = {
      set: version.set,
      rules,
      legalBasis,
      panel: panelFor(data, agenda.registrationId, scoredAnything),
      chairId,
      sheets: submitted,
      councilLevel,
      onDate: data.session.date,
    };
    let ranked: ReturnType<typeof rankWithSensitivity>;
    try {
      ranked = rankWithSensitivity(input, { marginPoints });
    } catch (e) {
      if (e instanceof RulesInputError) {
        throw new CoreError(
          'CONFLICT',
          `Product ${agenda.productCode} "${agenda.productName}" (registration ${agenda.registrationNo}) cannot be ranked: ${e.message}`,
          {
            registrationId: agenda.registrationId,
            rulesCode: e.code,
            ...e.details,
          },
        );
      }
      throw e;
    }
    return {
      agenda,
      version,
      rescoringRound: data.currentRounds.get(agenda.registrationId) ?? 0,
      recusedMemberIds: [...(data.recusals.get(agenda.registrationId) ?? [])].sort((a, b) => a - b),
      sheets,
      evaluations,
      input,
      ranking: ranked.ranking,
      sensitivity: ranked.sensitivity,
    };
  });
}
