/**
 * Ranks one product from its members' submitted sheets (issue 7 §1).
 *
 *   member totals → exact mean → band star (legal basis)
 *   star minima (council rule) → cap
 *   final star = min(band, cap)           — DOMAIN §10.1
 *   status: quorum → sheets → disqualification → spread → complete
 *
 * Stars are computed as soon as one sheet exists so the screen can show a provisional result;
 * `recognition` and `proposedToCentral` are only set once the status is 'complete'.
 * Members are sorted by id, so the order sheets arrive in never changes anything.
 * Interpretations (status order, disqualification, who is proposed upward): ADR 0009.
 */
import { bandEdgesCenti, recognitionFor, type LegalBasisId, type RecognitionLevel, type Star } from './legal-basis';
import { capOf, shortfallsFrom, type MinimaShortfall } from './minima';
import { buildProductState, type ProductState, type RankProductInput } from './product-state';
import type { QuorumResult } from './quorum';
import { formatMean, medianOf, trimmedMeanOf, type Mean } from './score';
import { evaluateSpread, type SpreadResult } from './spread';
import { bandStarFromSum } from './stars';

export type { CouncilLevel, RankProductInput, SubmittedSheet } from './product-state';

export const RANKING_STATUSES = [
  'complete',
  'waiting_for_sheets',
  'spread_unresolved',
  'quorum_not_met',
  'disqualified',
] as const;
export type RankingStatus = (typeof RANKING_STATUSES)[number];

export interface MemberResult {
  readonly memberId: number;
  readonly totalCenti: number;
  /** Part code → centi-points. */
  readonly partCenti: Readonly<Record<string, number>>;
  readonly stopped: boolean;
  readonly disqualified: boolean;
  readonly disqualificationReason: string | null;
}

export interface PartMean {
  readonly part: string;
  readonly mean: Mean;
  readonly display: string;
}

export interface Disqualification {
  readonly memberIds: readonly number[];
  /** Distinct reasons as written on the sheets. */
  readonly reasons: readonly string[];
}

export interface ProductRanking {
  readonly status: RankingStatus;
  /** True until the status is 'complete': the stars shown are not yet the council's result. */
  readonly provisional: boolean;
  readonly legalBasis: LegalBasisId;
  readonly quorum: QuorumResult;
  /** Members expected to score (present, not recused), and those whose sheet is missing. */
  readonly expectedMemberIds: readonly number[];
  readonly missingSheetMemberIds: readonly number[];
  readonly members: readonly MemberResult[];
  readonly mean: Mean | null;
  readonly meanDisplay: string | null;
  readonly partMeans: readonly PartMean[];
  /** For information only; never used to rank. */
  readonly median: Mean | null;
  readonly trimmedMean: Mean | null;
  readonly spread: SpreadResult | null;
  readonly spreadResolved: boolean;
  readonly bandStar: Star | null;
  readonly cap: Star | null;
  /** Criteria that lowered the star below the band (required star ≤ band star). */
  readonly cappingCriteria: readonly MinimaShortfall[];
  /** Every minimum missed, including ones above the band that did not matter. */
  readonly minimaShortfalls: readonly MinimaShortfall[];
  /** null when nobody has scored yet or the dossier is disqualified. */
  readonly finalStar: Star | null;
  readonly recognition: { readonly recognised: boolean; readonly level: RecognitionLevel | null };
  readonly proposedToCentral: boolean;
  readonly disqualification: Disqualification | null;
  readonly displayDecimals: number;
}

function partRecord(parts: readonly string[], values: Int32Array): Record<string, number> {
  const out: Record<string, number> = {};
  for (let p = 0; p < parts.length; p++) out[parts[p]!] = values[p]!;
  return out;
}

export function rankProduct(input: RankProductInput): ProductRanking {
  return rankFromState(input, buildProductState(input));
}

export function rankFromState(input: RankProductInput, state: ProductState): ProductRanking {
  const { set, sheets, memberIds, totals, partTotals, quorum } = state;
  const decimals = input.rules.displayDecimals;
  const n = memberIds.length;
  const basis = input.legalBasis;

  const members: MemberResult[] = sheets.map((s, m) => ({
    memberId: s.memberId,
    totalCenti: totals[m]!,
    partCenti: partRecord(set.partCodes, partTotals[m]!),
    stopped: s.stopped ?? false,
    disqualified: s.disqualified ?? false,
    disqualificationReason: s.disqualified ? (s.disqualificationReason ?? null) : null,
  }));

  const submitted = new Set(memberIds);
  const missingSheetMemberIds = quorum.scorerIds.filter((id) => !submitted.has(id));

  const dq = members.filter((m) => m.disqualified);
  const disqualification: Disqualification | null =
    dq.length === 0
      ? null
      : {
          memberIds: dq.map((m) => m.memberId),
          reasons: [...new Set(dq.map((m) => m.disqualificationReason?.trim()).filter((r): r is string => !!r))],
        };

  const mean: Mean | null = n > 0 ? { sumCenti: state.sum, count: n } : null;
  const spread =
    n > 0
      ? evaluateSpread(
          members.map((m) => ({ memberId: m.memberId, totalCenti: m.totalCenti })),
          input.rules.spread,
        )
      : null;
  if (mean && (mean.sumCenti < 0 || mean.sumCenti > 10000 * n)) {
    throw new RangeError(`Mean total ${mean.sumCenti / n / 100} is outside 0–100; check the criteria set's points`);
  }
  const bandStar = mean ? bandStarFromSum(mean.sumCenti, n, basis) : null;
  const cap = n > 0 ? capOf(state.caps) : null;
  const minimaShortfalls = n > 0 ? shortfallsFrom(set, state.points, memberIds, state.caps) : [];
  const cappingCriteria = bandStar === null ? [] : minimaShortfalls.filter((s) => s.requiredStars <= bandStar);
  const finalStar = bandStar !== null && cap !== null && !disqualification ? (Math.min(bandStar, cap) as Star) : null;

  const status: RankingStatus = !quorum.met
    ? 'quorum_not_met'
    : missingSheetMemberIds.length > 0 || n === 0
      ? 'waiting_for_sheets'
      : disqualification
        ? 'disqualified'
        : spread && !spread.withinLimit
          ? 'spread_unresolved'
          : 'complete';
  const complete = status === 'complete' && finalStar !== null;
  const recognition = complete ? recognitionFor(basis, finalStar, input.onDate) : { recognised: false, level: null };

  const edges = bandEdgesCenti(basis);
  const totalsCenti = members.map((m) => m.totalCenti);
  return {
    status,
    provisional: status !== 'complete',
    legalBasis: basis,
    quorum,
    expectedMemberIds: quorum.scorerIds,
    missingSheetMemberIds,
    members,
    mean,
    meanDisplay: mean ? formatMean(mean, { decimals, bandEdgesCenti: edges }) : null,
    partMeans:
      n > 0
        ? set.partCodes.map((part, pi) => {
            const pm: Mean = { sumCenti: partTotals.reduce((acc, row) => acc + row[pi]!, 0), count: n };
            return { part, mean: pm, display: formatMean(pm, { decimals }) };
          })
        : [],
    median: n > 0 ? medianOf(totalsCenti) : null,
    trimmedMean: n > 0 ? trimmedMeanOf(totalsCenti, 1) : null,
    spread,
    spreadResolved: spread?.withinLimit ?? false,
    bandStar,
    cap,
    cappingCriteria,
    minimaShortfalls,
    finalStar,
    recognition,
    proposedToCentral: complete && finalStar === 5 && (input.councilLevel ?? 'province') !== 'central',
    disqualification,
    displayDecimals: decimals,
  };
}
