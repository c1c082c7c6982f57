/**
 * Test data for council and session tests: a round with registrations (rows written straight
 * into the dossiers tables, whose own triggers still run) and a council of nine through the
 * real councils channels. Only imported by *.test.ts files.
 */
import { sql } from 'kysely';
import type { ChannelInput } from '../../../../shared/api/contract';
import type { CouncilDetail, CouncilRulesInput } from '../../../../shared/api/channels/councils';
import type { SessionDetail } from '../../../../shared/api/channels/sessions';
import type { Core } from '../../context';
import { call } from '../../test/call';

export async function seedRound(
  core: Core,
  opts: { year?: number; number?: number; registrations?: number } = {},
): Promise<{ roundId: number; registrationIds: number[] }> {
  const db = core.ctx.db;
  const year = opts.year ?? 2026;
  const number = opts.number ?? 1;
  const at = '2026-06-01T00:00:00.000Z';
  const round = await db
    .insertInto('evaluation_round')
    .values({
      year,
      number,
      legal_basis: '26/2026/QĐ-TTg',
      name: `Đợt ${number} năm ${year}`,
      start_date: null,
      end_date: `${year}-06-30`,
      deadline_date: `${year}-04-30`,
      created_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const set = await sql<{
    id: number;
    set_key: string;
  }>`SELECT id, set_key FROM criteria_set_version ORDER BY id LIMIT 1`.execute(db);
  const setRow = set.rows[0];
  if (!setRow) throw new Error('no criteria set version: migration 0002 should seed the built-in sets');
  const ids: number[] = [];
  for (let i = 1; i <= (opts.registrations ?? 3); i++) {
    // Raw SQL naming only the columns these tests need: the dossiers tables keep gaining columns with defaults.
    const producer = await sql<{
      id: number;
    }>`INSERT INTO producer (kind, name, name_folded, search_folded, commune_code, commune_name, province_code, province_name, created_at, updated_at)
      VALUES ('cooperative', ${`Hợp tác xã Thử ${number}-${i}`}, ${`hop tac xa thu ${number}-${i}`}, ${`hop tac xa thu ${number}-${i}`}, '29500', 'Xã Mỹ Hiệp', '82', 'Đồng Tháp', ${at}, ${at}) RETURNING id`.execute(
      db,
    );
    const seq = number * 100 + i;
    const product = await sql<{
      id: number;
    }>`INSERT INTO product (producer_id, name, name_folded, set_key, product_code, code_province, code_commune, code_seq, code_year, created_at, updated_at)
      VALUES (${producer.rows[0]!.id}, ${`Sản phẩm thử ${number}-${i}`}, ${`san pham thu ${number}-${i}`}, ${setRow.set_key}, ${`82-29500-${seq}-${year}`}, '82', '29500', ${seq}, ${year}, ${at}, ${at}) RETURNING id`.execute(
      db,
    );
    const reg = await sql<{
      id: number;
    }>`INSERT INTO registration (product_id, round_id, kind, registration_no, reg_province, reg_commune, reg_year, reg_seq, criteria_set_version_id, status, status_at, created_at, updated_at)
      VALUES (${product.rows[0]!.id}, ${round.id}, 'first', ${`${seq}/PĐK-82-29500-${year}`}, '82', '29500', ${year}, ${seq}, ${setRow.id}, 'advisory_review', ${at}, ${at}, ${at}) RETURNING id`.execute(
      db,
    );
    ids.push(reg.rows[0]!.id);
  }
  return { roundId: round.id, registrationIds: ids };
}

/** Nine members as in Quảng Nam 2021: a chair, two vice-chairs, five members, one Ủy viên kiêm Thư ký. */
export const NINE_MEMBERS = [
  { fullName: 'Nguyễn Văn An', office: 'UBND tỉnh', position: 'Phó Chủ tịch', role: 'chair' },
  { fullName: 'Trần Thị Bình', office: 'Sở Nông nghiệp và Môi trường', position: 'Giám đốc', role: 'vice_chair' },
  { fullName: 'Lê Văn Cường', office: 'Sở Công Thương', position: 'Phó Giám đốc', role: 'vice_chair' },
  { fullName: 'Phạm Thị Dung', office: 'Sở Y tế', position: 'Phó Giám đốc', role: 'member' },
  { fullName: 'Hoàng Văn Em', office: 'Sở Khoa học và Công nghệ', position: 'Phó Giám đốc', role: 'member' },
  { fullName: 'Vũ Thị Giang', office: 'Sở Văn hóa, Thể thao và Du lịch', position: 'Phó Giám đốc', role: 'member' },
  { fullName: 'Đặng Văn Hùng', office: 'Liên minh Hợp tác xã tỉnh', position: 'Phó Chủ tịch', role: 'member' },
  { fullName: 'Bùi Thị Hương', office: 'Trường Cao đẳng Cộng đồng', position: 'Hiệu trưởng', role: 'member' },
  {
    fullName: 'Đỗ Văn Khoa',
    office: 'Văn phòng Điều phối nông thôn mới tỉnh',
    position: 'Chánh Văn phòng',
    role: 'member_secretary',
  },
] as const;

export async function createNineCouncil(
  core: Core,
  extra: Partial<ChannelInput<'councils:create'>> = {},
): Promise<CouncilDetail> {
  return call(core, 'councils:create', {
    name: 'Hội đồng đánh giá, phân hạng sản phẩm OCOP tỉnh Đồng Tháp',
    level: 'provincial',
    issuerParent: 'UBND TỈNH ĐỒNG THÁP',
    issuerNameLines: ['HỘI ĐỒNG ĐÁNH GIÁ,', 'PHÂN HẠNG SẢN PHẨM OCOP'],
    docSymbol: 'HĐ',
    placeName: 'Đồng Tháp',
    decisionNo: '1234/QĐ-UBND',
    decisionDate: '2026-05-25',
    decisionSigner: 'Nguyễn Văn Tỉnh',
    decisionSignerTitle: 'Chủ tịch UBND tỉnh',
    members: NINE_MEMBERS.map((m) => ({ ...m, activeFrom: '2026-05-25' })),
    ...extra,
  });
}

/** Rules that differ from the built-in first version in every field a test may look at. */
export const secondRules: CouncilRulesInput = {
  quorumNumerator: 2,
  quorumDenominator: 3,
  chairRequired: false,
  spreadLimit: 8,
  spreadLimitAllowed: false,
  aggregation: 'mean',
  showInfoAggregates: false,
  minimaRule: 'every_member',
  displayDecimals: 1,
  membersSeeOthersBeforeSubmit: true,
};

/** A council of nine, a round of `registrations` products and a meeting on 2026-06-15 with all of them on the agenda. */
export async function preparedSession(core: Core, registrations = 3) {
  const council = await createNineCouncil(core);
  const { roundId, registrationIds } = await seedRound(core, { registrations });
  const created = await call(core, 'sessions:create', {
    councilId: council.council.id,
    roundId,
    date: '2026-06-15',
    place: 'Hội trường UBND tỉnh',
    startTime: '08:00',
  });
  const session = await call(core, 'sessions:setAgenda', { id: created.session.id, registrationIds });
  const memberIds: number[] = council.members.map((m) => m.id);
  return { council, roundId, registrationIds, sessionId: created.session.id as number, memberIds, session };
}

/** Marks every listed member present except `absent`. */
export async function markAttendance(
  core: Core,
  sessionId: number,
  memberIds: number[],
  absent: number[] = [],
): Promise<SessionDetail> {
  if (memberIds.length === 0) throw new Error('markAttendance: no members to mark');
  let last: SessionDetail | undefined;
  for (const id of memberIds) {
    last = await call(core, 'sessions:setAttendance', {
      id: sessionId,
      memberId: id,
      present: !absent.includes(id),
      ...(absent.includes(id) ? { absenceReason: 'Đi công tác' } : {}),
    });
  }
  return last!;
}

/**
 * Finalizes a closed session the way the results area does: a finalization record (migration
 * 0006 requires one) and the status change, in one transaction. The record's digest is a dummy.
 */
export async function finalizeForTest(core: Core, sessionId: number): Promise<void> {
  const { transitionSession } = await import('../session-status');
  await core.ctx.db.transaction().execute(async (trx) => {
    const n = await sql<{ n: number }>`SELECT count(*) AS n FROM session_finalization WHERE session_id = ${sessionId}`.execute(
      trx,
    );
    await sql`INSERT INTO session_finalization (session_id, seq, audit_head, results_digest, results_json, finalized_at, finalized_by)
      VALUES (${sessionId}, ${(n.rows[0]?.n ?? 0) + 1}, ${'0'.repeat(64)}, ${'a'.repeat(64)}, '{}', ${core.ctx.now().toISOString()}, 'test')`.execute(
      trx,
    );
    await transitionSession(trx, core.ctx, 'test', sessionId, 'finalized');
  });
}

/** Reopens a finalized session as results:reopen does: the reopening on the record, then finalized → closed. */
export async function unfinalizeForTest(core: Core, sessionId: number, reason: string, chairMemberId: number): Promise<void> {
  const { transitionSession } = await import('../session-status');
  await core.ctx.db.transaction().execute(async (trx) => {
    await sql`UPDATE session_finalization SET reopened_at = ${core.ctx.now().toISOString()}, reopened_by = 'test', reopen_reason = ${reason}, reopen_chair_member_id = ${chairMemberId}
      WHERE session_id = ${sessionId} AND reopened_at IS NULL`.execute(trx);
    await transitionSession(trx, core.ctx, 'test', sessionId, 'closed', { reason });
  });
}
