import { expect, type Page } from '@playwright/test';
import type { CriteriaSet } from '../../shared/ocop/criteria-set';
import type { ServedApp } from '../fixtures';

export interface ScoringSession {
  sessionId: number;
  registrationId: number;
  memberIds: { chair: number; vice: number; m1: number; m2: number };
  set: CriteriaSet;
}

/**
 * A session in progress with one product on set 07 (32 criteria) and a council of four scoring
 * members and a secretary, arranged through the public channels as the UI would.
 */
export async function arrangeScoringSession(app: ServedApp): Promise<ScoringSession> {
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
  const product = await app.api<{ id: number }>('products:create', {
    producerId: producer.id,
    name: 'Mứt sen sấy dẻo',
    setKey: 'qd26-2026/07',
    codeYear: 2026,
  });
  const reg = await app.api<{ id: number; criteriaSetVersionId: number }>('registrations:create', {
    productId: product.id,
    roundId: round.id,
    kind: 'first',
  });
  const council = await app.api<{ council: { id: number }; members: { id: number; role: string; fullName: string }[] }>(
    'councils:create',
    {
      name: 'Hội đồng đánh giá, phân hạng sản phẩm OCOP tỉnh Đồng Tháp',
      level: 'provincial',
      members: [
        { fullName: 'Nguyễn Văn An', role: 'chair', activeFrom: '2026-01-01', position: 'Phó Chủ tịch UBND tỉnh' },
        {
          fullName: 'Trần Thị Bình',
          role: 'vice_chair',
          activeFrom: '2026-01-01',
          position: 'Giám đốc Sở Nông nghiệp và Môi trường',
        },
        { fullName: 'Lê Văn Cường', role: 'member', activeFrom: '2026-01-01', position: 'Phó Giám đốc Sở Công Thương' },
        { fullName: 'Phạm Thị Dung', role: 'member', activeFrom: '2026-01-01', position: 'Phó Giám đốc Sở Y tế' },
        { fullName: 'Võ Thị Em', role: 'secretary', activeFrom: '2026-01-01', position: 'Chuyên viên Văn phòng Điều phối' },
      ],
    },
  );
  const byName = (n: string) => council.members.find((m) => m.fullName === n)!.id;
  const session = await app.api<{ session: { id: number }; members: { memberId: number }[] }>('sessions:create', {
    councilId: council.council.id,
    roundId: round.id,
    kind: 'meeting',
    title: 'Phiên họp đánh giá sản phẩm OCOP đợt 1 năm 2026',
    date: '2026-06-18',
    place: 'Hội trường UBND tỉnh',
    startTime: '08:00',
  });
  const id = session.session.id;
  await app.api('sessions:setAgenda', { id, registrationIds: [reg.id] });
  for (const m of session.members) await app.api('sessions:setAttendance', { id, memberId: m.memberId, present: true });
  await app.api('sessions:transition', { id, to: 'in_progress' });
  const versionId = (await app.api<{ agenda: { criteriaSetVersionId: number }[] }>('sessions:get', { id })).agenda[0]!
    .criteriaSetVersionId;
  const set = (await app.api<{ content: CriteriaSet }>('criteria:get', { id: versionId })).content;
  return {
    sessionId: id,
    registrationId: reg.id,
    memberIds: {
      chair: byName('Nguyễn Văn An'),
      vice: byName('Trần Thị Bình'),
      m1: byName('Lê Văn Cường'),
      m2: byName('Phạm Thị Dung'),
    },
    set,
  };
}

/** The member's scoring sheet: criterion rows (radio groups) and the header. */
export class ScoringSheet {
  constructor(readonly page: Page) {}

  row(code: string) {
    return this.page.getByTestId(`criterion-${code}`);
  }

  level(code: string, n: number) {
    return this.page.getByTestId(`level-${code}-${n}`);
  }

  saveState() {
    return this.page.getByTestId('save-state');
  }

  async waitSaved() {
    await expect(this.saveState()).toHaveAttribute('data-state', 'saved');
  }

  total() {
    return this.page.getByTestId('sheet-total');
  }
}
