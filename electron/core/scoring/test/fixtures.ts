import { sql, type Kysely } from 'kysely';
import { CriteriaSet } from '../../../../shared/ocop/criteria-set';
import { foldForSearch } from '../../../../shared/text/normalize';
import { miniCriteriaSetInput } from '../../../../shared/ocop/test/mini-criteria-set';
import { criteriaContentHash } from '../../criteria/content-hash';
import { insertVersions } from '../../criteria/version-insert';
import type { Core } from '../../context';
import type { DB } from '../../db/schema';
import { memoryCore } from '../../test/fixtures';

/**
 * A session ready for scoring, on the real migrations: a council with a chair, four members and
 * a secretary, rules (spread ≤ 10), one round, products on the agenda scored on the small test
 * set (shared/ocop/testing/mini-criteria-set.ts, 25 points) and one on the built-in set 07.
 * Rows are inserted directly: the scoring tests must not depend on other areas' services.
 */
export interface ScoringFixture {
  core: Core;
  db: Kysely<DB>;
  sessionId: number;
  councilId: number;
  rulesId: number;
  /** chair, vice chair, two members — all scorers. */
  members: { chair: number; vice: number; m1: number; m2: number; secretary: number };
  /** Registrations on the agenda: two on the mini set, one on built-in set 07. */
  regs: { a: number; b: number; real: number };
  miniVersionId: number;
  realVersionId: number;
}

export interface FixtureOptions {
  spreadLimit?: number;
  spreadLimitAllowed?: boolean;
  membersSeeOthersBeforeSubmit?: boolean;
  /** Leave the session in preparation. */
  notOpened?: boolean;
}

export async function scoringFixture(opts: FixtureOptions = {}, core?: Core): Promise<ScoringFixture> {
  core ??= await memoryCore();
  const db = core.ctx.db;
  const at = '2026-06-01T07:00:00.000Z';
  const mini = CriteriaSet.parse(miniCriteriaSetInput);
  const [miniVersionId] = await insertVersions(
    db,
    [{ set: mini, contentHash: criteriaContentHash(mini), version: 1, builtIn: false }],
    at,
  );
  const real = await db
    .selectFrom('criteria_set_version')
    .select('id')
    .where('set_key', '=', 'qd26-2026/07')
    .orderBy('version', 'desc')
    .executeTakeFirstOrThrow();

  const { id: roundId } = await db
    .insertInto('evaluation_round')
    .values({ year: 2026, number: 1, legal_basis: '26/2026/QĐ-TTg', name: 'Đợt 1 năm 2026', created_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  const { id: producerId } = await db
    .insertInto('producer')
    .values({
      kind: 'cooperative',
      name: 'HTX Nông sản Sa Đéc',
      name_folded: foldForSearch('HTX Nông sản Sa Đéc'),
      search_folded: foldForSearch('HTX Nông sản Sa Đéc'),
      address: 'Ấp 1',
      note: '',
      representative_name: 'Nguyễn Thị Sen',
      representative_position: 'Giám đốc',
      representative_ethnicity: 'Kinh',
      representative_ethnic_minority: 0,
      representative_disability: 0,
      commune_code: '29905',
      commune_name: 'Xã Tân Khánh Đông',
      province_code: '82',
      province_name: 'Đồng Tháp',
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();

  const registration = async (name: string, seq: number, versionId: number, setKey: string) => {
    const { id: productId } = await db
      .insertInto('product')
      .values({
        producer_id: producerId,
        name,
        name_folded: foldForSearch(name),
        set_key: setKey,
        product_code: `82-29905-${seq}-2026`,
        code_province: '82',
        code_commune: '29905',
        code_seq: seq,
        code_year: 2026,
        note: '',
        specification: '',
        packaging: '',
        created_at: at,
        updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const { id } = await db
      .insertInto('registration')
      .values({
        product_id: productId,
        round_id: roundId,
        kind: 'first',
        registration_no: `${seq}/PĐK-29905`,
        reg_province: '82',
        reg_commune: '29905',
        reg_year: 2026,
        reg_seq: seq,
        criteria_set_version_id: versionId,
        status: 'on_agenda',
        note: '',
        receiver_name: '',
        status_at: at,
        created_at: at,
        updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return id;
  };
  const a = await registration('Mứt sen Sa Đéc', 1, miniVersionId!, 'test/mini');
  const b = await registration('Bánh phồng tôm', 2, miniVersionId!, 'test/mini');
  const realReg = await registration('Hạt sen sấy', 3, real.id, 'qd26-2026/07');

  const { id: councilId } = await db
    .insertInto('council')
    .values({
      name: 'Hội đồng OCOP tỉnh Đồng Tháp',
      name_folded: foldForSearch('Hội đồng OCOP tỉnh Đồng Tháp'),
      level: 'provincial',
      note: '',
      issuer_parent: 'UBND TỈNH ĐỒNG THÁP',
      issuer_name_lines_json: '["HỘI ĐỒNG ĐÁNH GIÁ,","PHÂN HẠNG SẢN PHẨM OCOP"]',
      doc_symbol: 'HĐ',
      doc_next_no: 1,
      place_name: 'Đồng Tháp',
      decision_no: '',
      decision_signer: '',
      decision_signer_title: '',
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const member = async (full_name: string, role: string, sort_order: number) =>
    (
      await db
        .insertInto('council_member')
        .values({
          council_id: councilId,
          full_name,
          full_name_folded: foldForSearch(full_name),
          role,
          sort_order,
          office: '',
          position: '',
          active_from: '2026-01-01',
          created_at: at,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const members = {
    chair: await member('Nguyễn Văn An', 'chair', 1),
    vice: await member('Trần Thị Bình', 'vice_chair', 2),
    m1: await member('Lê Văn Cường', 'member', 3),
    m2: await member('Phạm Thị Dung', 'member', 4),
    secretary: await member('Võ Thị Em', 'secretary', 5),
  };
  const { id: rulesId } = await db
    .insertInto('council_rules')
    .values({
      council_id: councilId,
      version: 1,
      quorum_numerator: 3,
      quorum_denominator: 4,
      chair_required: 1,
      spread_limit: opts.spreadLimit ?? 10,
      spread_limit_allowed: (opts.spreadLimitAllowed ?? true) ? 1 : 0,
      aggregation: 'mean',
      show_info_aggregates: 1,
      minima_rule: 'mean',
      display_decimals: 2,
      members_see_others_before_submit: opts.membersSeeOthersBeforeSubmit ? 1 : 0,
      created_at: at,
      created_by: 'test',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const { id: sessionId } = await db
    .insertInto('session')
    .values({
      council_id: councilId,
      round_id: roundId,
      kind: 'meeting',
      number: 1,
      title: 'Phiên họp đánh giá đợt 1',
      date: '2026-06-10',
      rules_id: rulesId,
      chair_member_id: members.chair,
      secretary_member_id: members.secretary,
      status: 'preparing',
      place: 'Hội trường UBND tỉnh',
      note: '',
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  let pos = 1;
  for (const r of [a, b, realReg])
    await db
      .insertInto('session_agenda_item')
      .values({ session_id: sessionId, registration_id: r, position: pos++, added_at: at })
      .execute();
  pos = 1;
  for (const m of Object.values(members))
    await db
      .insertInto('session_attendance')
      .values({ session_id: sessionId, member_id: m, position: pos++, present: 1, updated_at: at })
      .execute();
  if (!opts.notOpened)
    await sql`UPDATE session SET status = 'in_progress', opened_at = ${at} WHERE id = ${sessionId}`.execute(db);
  return {
    core,
    db,
    sessionId,
    councilId,
    rulesId,
    members,
    regs: { a, b, real: realReg },
    miniVersionId: miniVersionId!,
    realVersionId: real.id,
  };
}

/** Every top level of the mini set: 25 points. Level index per criterion code. */
export const MINI_TOP: Record<string, number> = { '1.1': 2, '1.2': 2, '5.1': 4, '5.2': 2, '6.1': 2, '6.2': 2, '7': 3, '8': 2 };
