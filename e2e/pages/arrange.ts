import type { CriteriaSet } from '../../shared/ocop/criteria-set';
import type { ServedApp } from '../fixtures';

/**
 * The arrangements specs share, made through the public channels as the UI would: a round with
 * first-time registrations of one cooperative's products (set 07), and a session of a council
 * on them, everyone present, in progress.
 */

export interface ArrangedRound {
  roundId: number;
  registrations: { id: number; name: string }[];
}

export async function arrangeRound(app: ServedApp, productNames: readonly string[]): Promise<ArrangedRound> {
  const round = await app.api<{ id: number }>('rounds:create', {
    year: 2026,
    number: 1,
    endDate: '2026-06-30',
    deadlineDate: '2026-04-30',
  });
  const producer = await app.api<{ id: number }>('producers:create', {
    kind: 'cooperative',
    name: 'Hợp tác xã Sen Vàng',
    communeCode: '29500',
    communeName: 'Xã Mỹ Hiệp',
    provinceCode: '82',
    provinceName: 'Đồng Tháp',
  });
  const registrations: ArrangedRound['registrations'] = [];
  for (const name of productNames) {
    const product = await app.api<{ id: number }>('products:create', {
      producerId: producer.id,
      name,
      setKey: 'qd26-2026/07',
      codeYear: 2026,
    });
    const reg = await app.api<{ id: number }>('registrations:create', {
      productId: product.id,
      roundId: round.id,
      kind: 'first',
    });
    registrations.push({ id: reg.id, name });
  }
  return { roundId: round.id, registrations };
}

/** A meeting of the council on the registrations, everyone present, started; with the agenda's criteria set. */
export async function startSession(
  app: ServedApp,
  o: { councilId: number; roundId: number; registrationIds: number[] },
): Promise<{ sessionId: number; set: CriteriaSet }> {
  const session = await app.api<{ session: { id: number }; members: { memberId: number }[] }>('sessions:create', {
    councilId: o.councilId,
    roundId: o.roundId,
    kind: 'meeting',
    title: 'Phiên họp đánh giá sản phẩm OCOP đợt 1 năm 2026',
    date: '2026-06-18',
    place: 'Hội trường UBND tỉnh',
    startTime: '08:00',
  });
  const id = session.session.id;
  await app.api('sessions:setAgenda', { id, registrationIds: o.registrationIds });
  for (const m of session.members) await app.api('sessions:setAttendance', { id, memberId: m.memberId, present: true });
  await app.api('sessions:transition', { id, to: 'in_progress' });
  const versionId = (await app.api<{ agenda: { criteriaSetVersionId: number }[] }>('sessions:get', { id })).agenda[0]!
    .criteriaSetVersionId;
  const set = (await app.api<{ content: CriteriaSet }>('criteria:get', { id: versionId })).content;
  return { sessionId: id, set };
}
