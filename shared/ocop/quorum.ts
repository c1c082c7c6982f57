/**
 * Quorum per product (DOMAIN §6: "≥ 3/4 of members present, including the Chủ tịch Hội đồng").
 *
 * Counted per product after recusals: a member who declared a conflict of interest on a product
 * does not score it and does not count for it. Exact integer arithmetic: met ⇔
 * participating · denominator ≥ numerator · council size (exactly 3/4 passes).
 *
 * Who counts: every council member except a plain 'secretary' (Thư ký who is not an Ủy viên);
 * the 'member_secretary' (Ủy viên kiêm Thư ký) counts and scores. See ADR 0009 (docs/decisions/0009-minima-quorum-spread.md).
 */
import { RulesInputError } from './rules-error';

export type CouncilRole = 'chair' | 'vice_chair' | 'member' | 'member_secretary' | 'secretary';

export interface QuorumRule {
  readonly numerator: number;
  readonly denominator: number;
  /** The chair (or the member presiding in the chair's stead) must take part. */
  readonly chairRequired: boolean;
}

export const DEFAULT_QUORUM_RULE: QuorumRule = { numerator: 3, denominator: 4, chairRequired: true };

export interface PanelMember {
  readonly id: number;
  readonly role: CouncilRole;
  readonly present: boolean;
  /** Declared a conflict of interest for this product. */
  readonly recused?: boolean;
}

export interface QuorumOptions {
  /** The member presiding (a delegated vice-chair, DOMAIN §3.10); default: the member with role 'chair'. */
  readonly chairId?: number | null;
}

export type QuorumShortfall = 'members' | 'chair';

export interface QuorumResult {
  readonly met: boolean;
  readonly rule: QuorumRule;
  /** Members who count toward the quorum (all but plain secretaries). */
  readonly councilSize: number;
  /** Present and not recused: the members who score this product. */
  readonly participating: number;
  /** Smallest number of participating members that meets the fraction (at least 1). */
  readonly needed: number;
  readonly chairId: number | null;
  readonly chairPresent: boolean;
  readonly chairRecused: boolean;
  readonly missing: readonly QuorumShortfall[];
  readonly scorerIds: readonly number[];
  readonly absentIds: readonly number[];
  readonly recusedIds: readonly number[];
}

export function checkQuorumRule(rule: QuorumRule): void {
  const { numerator: n, denominator: d } = rule;
  if (!Number.isSafeInteger(d) || d < 1)
    throw new RulesInputError('INVALID_RULE', `Quorum denominator must be a whole number ≥ 1, got ${d}`, {
      field: 'quorum.denominator',
    });
  if (!Number.isSafeInteger(n) || n < 0 || n > d) {
    throw new RulesInputError('INVALID_RULE', `Quorum numerator must be a whole number from 0 to ${d}, got ${n}`, {
      field: 'quorum.numerator',
    });
  }
  if (typeof rule.chairRequired !== 'boolean')
    throw new RulesInputError('INVALID_RULE', 'Quorum rule needs chairRequired: true or false', {
      field: 'quorum.chairRequired',
    });
}

/** Members of a panel who count toward the quorum and may score. */
export const countsTowardQuorum = (m: PanelMember): boolean => m.role !== 'secretary';

export function evaluateQuorum(
  panel: readonly PanelMember[],
  rule: QuorumRule = DEFAULT_QUORUM_RULE,
  options: QuorumOptions = {},
): QuorumResult {
  checkQuorumRule(rule);
  const seen = new Set<number>();
  for (const m of panel) {
    if (seen.has(m.id))
      throw new RulesInputError('DUPLICATE_MEMBER', `Member ${m.id} is listed twice in the panel`, { memberId: m.id });
    seen.add(m.id);
  }
  const counted = panel.filter(countsTowardQuorum);
  const byId = (a: number, b: number) => a - b;
  const scorerIds = counted
    .filter((m) => m.present && !m.recused)
    .map((m) => m.id)
    .sort(byId);
  const absentIds = counted
    .filter((m) => !m.present)
    .map((m) => m.id)
    .sort(byId);
  const recusedIds = counted
    .filter((m) => m.present && m.recused)
    .map((m) => m.id)
    .sort(byId);

  let chairId: number | null;
  if (options.chairId !== undefined && options.chairId !== null) {
    if (!counted.some((m) => m.id === options.chairId)) {
      throw new RulesInputError('INVALID_RULE', `Presiding member ${options.chairId} is not a counted member of the panel`, {
        field: 'chairId',
      });
    }
    chairId = options.chairId;
  } else {
    const chairs = counted.filter((m) => m.role === 'chair');
    if (chairs.length > 1)
      throw new RulesInputError(
        'DUPLICATE_MEMBER',
        `The panel has ${chairs.length} members with role 'chair'; name the presiding one`,
        { chairIds: chairs.map((c) => c.id) },
      );
    chairId = chairs[0]?.id ?? null;
  }
  const chair = counted.find((m) => m.id === chairId);
  const chairPresent = chair?.present ?? false;
  const chairRecused = chairPresent && (chair?.recused ?? false);

  const councilSize = counted.length;
  const participating = scorerIds.length;
  // ceil(numerator · size / denominator), and nobody scoring is never a quorum.
  const needed = Math.max(1, Math.floor((rule.numerator * councilSize + rule.denominator - 1) / rule.denominator));
  const missing: QuorumShortfall[] = [];
  if (participating < needed) missing.push('members');
  if (rule.chairRequired && !(chairPresent && !chairRecused)) missing.push('chair');
  return {
    met: missing.length === 0,
    rule,
    councilSize,
    participating,
    needed,
    chairId,
    chairPresent,
    chairRecused,
    missing,
    scorerIds,
    absentIds,
    recusedIds,
  };
}
