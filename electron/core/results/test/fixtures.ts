import type Database from 'better-sqlite3';
import { CriteriaSet } from '../../../../shared/ocop/criteria-set';
import { allCriteria } from '../../../../shared/ocop/criteria-set-walk';
import { evaluateSheet, sheetContent } from '../../../../shared/ocop/sheet-rules';

/**
 * Builds a council session with submitted sheets directly in a real, migrated database: round,
 * council with members and rules, producers, products and registrations on a built-in criteria
 * set, agenda, attendance, and one submitted sheet per scoring member and product (answers as
 * the scoring area stores them, totals derived by the scoring rules). For the results tests and
 * the bench (≈ 95 000 answers in well under a second); the scoring services are exercised by
 * their own tests and by the end-to-end test.
 */

export interface ChooseArgs {
  product: number;
  member: number;
  code: string;
  ci: number;
  levels: readonly { points: number; minForStars?: number }[];
}
/** Level index a member picks (null = leave unanswered, e.g. on a disqualified sheet). */
export type Chooser = (a: ChooseArgs) => number | null;

export interface SeedSpec {
  setKey?: string;
  products: number;
  /** Scoring members; the first is the chair. */
  members?: number;
  /** Also list a non-scoring Thư ký. */
  withSecretary?: boolean;
  /** The chair's position and agency as the council typed them (default empty). */
  chairOffice?: { position: string; office: string };
  legalBasis?: '26/2026/QĐ-TTg' | '148/QĐ-TTg' | '1048/QĐ-TTg';
  councilLevel?: 'provincial' | 'central';
  rules?: Partial<{
    spreadLimit: number;
    spreadLimitAllowed: boolean;
    minimaRule: 'mean' | 'every_member';
    displayDecimals: number;
    quorumNumerator: number;
    quorumDenominator: number;
  }>;
  choose: Chooser;
  /** Declarations per sheet (disqualify, conditional, stop). */
  declarations?: (product: number, member: number) => { ruleId: string; holds: boolean; reason: string | null }[];
  /** Members (index) without a sheet for a product. */
  skipSheet?: (product: number, member: number) => boolean;
  /** Members (index) recorded absent. */
  absent?: readonly number[];
  /** [product, member] pairs of recusals. */
  recusals?: readonly (readonly [number, number])[];
  /** Registration kind per product (default 'first'); upgrades get currentStars. */
  kind?: (product: number) => { kind: 'first' | 'upgrade' | 'reevaluation'; currentStars?: number };
  /** Session status when done (default 'in_progress'). */
  status?: 'in_progress' | 'closed';
}

export interface Seeded {
  sessionId: number;
  councilId: number;
  roundId: number;
  versionId: number;
  set: CriteriaSet;
  memberIds: number[];
  chairId: number;
  secretaryId: number | null;
  registrationIds: number[];
  productCodes: string[];
  sheetIds: number[][];
  answers: number;
}

const AT = '2026-06-01T08:00:00.000Z';
const NAMES = [
  'Nguyễn Văn An',
  'Trần Thị Bình',
  'Lê Văn Cường',
  'Phạm Thị Dung',
  'Hoàng Văn Em',
  'Vũ Thị Giang',
  'Đặng Văn Hùng',
  'Bùi Thị Lan',
  'Đỗ Văn Minh',
  'Hồ Thị Ngọc',
  'Ngô Văn Phúc',
];

export function seedSession(sqlite: Database.Database, spec: SeedSpec): Seeded {
  const setKey = spec.setKey ?? 'qd26-2026/07';
  const v = sqlite
    .prepare('SELECT id, content_json FROM criteria_set_version WHERE set_key = ? ORDER BY version DESC LIMIT 1')
    .get(setKey) as { id: number; content_json: string } | undefined;
  if (!v) throw new Error(`seedSession: no criteria set ${setKey}`);
  const set = CriteriaSet.parse(JSON.parse(v.content_json));
  const criteria = allCriteria(set);
  const memberCount = spec.members ?? 9;
  const rules = {
    spreadLimit: 10,
    spreadLimitAllowed: true,
    minimaRule: 'mean',
    displayDecimals: 2,
    quorumNumerator: 3,
    quorumDenominator: 4,
    ...spec.rules,
  };

  const run = sqlite.transaction((): Seeded => {
    const ins = (s: string, ...p: unknown[]) => Number(sqlite.prepare(s).run(...p).lastInsertRowid);
    const roundId = ins(
      `INSERT INTO evaluation_round (year, number, legal_basis, name, created_at) VALUES (2026, 1, ?, 'Đợt 1 năm 2026', ?)`,
      spec.legalBasis ?? '26/2026/QĐ-TTg',
      AT,
    );
    const councilId = ins(
      `INSERT INTO council (name, name_folded, level, created_at, updated_at) VALUES ('Hội đồng đánh giá, phân hạng sản phẩm OCOP tỉnh', 'hoi dong', ?, ?, ?)`,
      spec.councilLevel ?? 'provincial',
      AT,
      AT,
    );
    const memberIds: number[] = [];
    for (let m = 0; m < memberCount; m++) {
      const name = NAMES[m % NAMES.length]! + (m >= NAMES.length ? ` ${m}` : '');
      memberIds.push(
        ins(
          `INSERT INTO council_member (council_id, full_name, full_name_folded, role, sort_order, active_from, created_at, position, office) VALUES (?, ?, ?, ?, ?, '2026-01-01', ?, ?, ?)`,
          councilId,
          name,
          name.toLowerCase(),
          m === 0 ? 'chair' : 'member',
          m + 1,
          AT,
          m === 0 ? (spec.chairOffice?.position ?? '') : '',
          m === 0 ? (spec.chairOffice?.office ?? '') : '',
        ),
      );
    }
    const secretaryId = spec.withSecretary
      ? ins(
          `INSERT INTO council_member (council_id, full_name, full_name_folded, role, sort_order, active_from, created_at) VALUES (?, 'Thư Ký', 'thu ky', 'secretary', ?, '2026-01-01', ?)`,
          councilId,
          memberCount + 1,
          AT,
        )
      : null;
    const rulesId = ins(
      `INSERT INTO council_rules (council_id, version, quorum_numerator, quorum_denominator, chair_required, spread_limit, spread_limit_allowed, aggregation, show_info_aggregates, minima_rule, display_decimals, members_see_others_before_submit, created_at, created_by)
       VALUES (?, 1, ?, ?, 1, ?, ?, 'mean', 1, ?, ?, 0, ?, 'seed')`,
      councilId,
      rules.quorumNumerator,
      rules.quorumDenominator,
      rules.spreadLimit,
      rules.spreadLimitAllowed ? 1 : 0,
      rules.minimaRule,
      rules.displayDecimals,
      AT,
    );
    const sessionId = ins(
      `INSERT INTO session (council_id, round_id, kind, number, title, date, rules_id, chair_member_id, secretary_member_id, created_at, updated_at) VALUES (?, ?, 'meeting', 1, 'Phiên họp thứ nhất', '2026-06-10', ?, ?, ?, ?, ?)`,
      councilId,
      roundId,
      rulesId,
      memberIds[0],
      secretaryId,
      AT,
      AT,
    );
    const everyone = secretaryId === null ? memberIds : [...memberIds, secretaryId];
    everyone.forEach((id, i) => {
      const absent = spec.absent?.includes(i) ?? false;
      ins(
        `INSERT INTO session_attendance (session_id, member_id, position, present, absence_reason, updated_at) VALUES (?, ?, ?, ?, ?, ?)`,
        sessionId,
        id,
        i + 1,
        absent ? 0 : 1,
        absent ? 'Đi công tác' : null,
        AT,
      );
    });

    const registrationIds: number[] = [];
    const productCodes: string[] = [];
    for (let p = 0; p < spec.products; p++) {
      const seq = p + 1;
      const producerId = ins(
        `INSERT INTO producer (kind, name, name_folded, search_folded, commune_code, commune_name, province_code, province_name, created_at, updated_at) VALUES ('cooperative', ?, ?, ?, '00001', 'Xã Một', '01', 'Tỉnh Một', ?, ?)`,
        `HTX Nông sản ${seq}`,
        `htx nong san ${seq}`,
        `htx nong san ${seq}`,
        AT,
        AT,
      );
      const code = `01-00001-${seq}-2026`;
      const productId = ins(
        `INSERT INTO product (producer_id, name, name_folded, set_key, product_code, code_province, code_commune, code_seq, code_year, created_at, updated_at) VALUES (?, ?, ?, ?, ?, '01', '00001', ?, 2026, ?, ?)`,
        producerId,
        `Sản phẩm số ${seq}`,
        `san pham so ${seq}`,
        setKey,
        code,
        seq,
        AT,
        AT,
      );
      const k = spec.kind?.(p) ?? { kind: 'first' as const };
      const regId = ins(
        `INSERT INTO registration (product_id, round_id, kind, current_stars, certificate_expires_on, registration_no, reg_province, reg_commune, reg_year, reg_seq, criteria_set_version_id, status, status_at, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, '01', '00001', 2026, ?, ?, 'on_agenda', ?, ?, ?)`,
        productId,
        roundId,
        k.kind,
        k.currentStars ?? null,
        k.kind === 'reevaluation' ? '2026-12-31' : null,
        `${seq}/PĐK-01-00001-2026`,
        seq,
        v.id,
        AT,
        AT,
        AT,
      );
      ins(
        `INSERT INTO session_agenda_item (session_id, registration_id, position, added_at) VALUES (?, ?, ?, ?)`,
        sessionId,
        regId,
        seq,
        AT,
      );
      registrationIds.push(regId);
      productCodes.push(code);
    }
    for (const [p, m] of spec.recusals ?? []) {
      ins(
        `INSERT INTO session_conflict (session_id, member_id, registration_id, reason, declared_at) VALUES (?, ?, ?, 'Có quan hệ họ hàng với chủ thể', ?)`,
        sessionId,
        memberIds[m],
        registrationIds[p],
        AT,
      );
    }
    sqlite.prepare(`UPDATE session SET status = 'in_progress', opened_at = ? WHERE id = ?`).run(AT, sessionId);

    const insSheet = sqlite.prepare(
      `INSERT INTO score_sheet (session_id, registration_id, member_id, criteria_set_version_id, source, status, created_at, updated_at) VALUES (?, ?, ?, ?, 'member', 'draft', ?, ?)`,
    );
    const insAnswer = sqlite.prepare(
      `INSERT INTO score_answer (sheet_id, criterion_code, level_index, points, last_seq) VALUES (?, ?, ?, ?, 0)`,
    );
    const insDecl = sqlite.prepare(
      `INSERT INTO score_declaration (sheet_id, rule_id, holds, reason, last_seq) VALUES (?, ?, ?, ?, 0)`,
    );
    const submit = sqlite.prepare(
      `UPDATE score_sheet SET status = 'submitted', submitted_at = ?, submitted_by = 'seed', total_points = ?, answered_count = ?, applicable_count = ?, complete = 1, disqualified = ?, disqualify_reason = ?, stopped = ? WHERE id = ?`,
    );
    const recused = new Set((spec.recusals ?? []).map(([p, m]) => `${p}:${m}`));
    const sheetIds: number[][] = [];
    let answers = 0;
    for (let p = 0; p < spec.products; p++) {
      const row: number[] = [];
      for (let m = 0; m < memberCount; m++) {
        if (spec.absent?.includes(m) || recused.has(`${p}:${m}`) || spec.skipSheet?.(p, m)) continue;
        const sheetId = Number(insSheet.run(sessionId, registrationIds[p], memberIds[m], v.id, AT, AT).lastInsertRowid);
        const chosen: { criterionCode: string; levelIndex: number | null }[] = [];
        criteria.forEach(({ criterion }, ci) => {
          const li = spec.choose({ product: p, member: m, code: criterion.code, ci, levels: criterion.levels });
          if (li === null) return;
          insAnswer.run(sheetId, criterion.code, li, criterion.levels[li]!.points);
          chosen.push({ criterionCode: criterion.code, levelIndex: li });
          answers++;
        });
        const decls = spec.declarations?.(p, m) ?? [];
        for (const d of decls) insDecl.run(sheetId, d.ruleId, d.holds ? 1 : 0, d.reason);
        const e = evaluateSheet(set, sheetContent(chosen, decls));
        const reasons = e.disqualifiedBy.map((d) => d.reason ?? '').filter((r) => r.trim() !== '');
        const dq = e.disqualified && reasons.length > 0;
        submit.run(
          AT,
          e.total,
          e.answeredCount,
          e.applicableCount,
          dq ? 1 : 0,
          dq ? reasons.join('; ') : null,
          e.stopped ? 1 : 0,
          sheetId,
        );
        row.push(sheetId);
      }
      sheetIds.push(row);
    }
    if (spec.status === 'closed')
      sqlite.prepare(`UPDATE session SET status = 'closed', closed_at = ? WHERE id = ?`).run(AT, sessionId);
    return {
      sessionId,
      councilId,
      roundId,
      versionId: v.id,
      set,
      memberIds,
      chairId: memberIds[0]!,
      secretaryId,
      registrationIds,
      productCodes,
      sheetIds,
      answers,
    };
  });
  return run();
}

/** Chooser: every member picks the level at `fraction(product, member)` of each criterion's range. */
export const byFraction =
  (fraction: (product: number, member: number) => number): Chooser =>
  ({ product, member, levels }) =>
    Math.round(Math.min(1, Math.max(0, fraction(product, member))) * (levels.length - 1));
