import { expect, type Page } from '@playwright/test';
import type { CriteriaSet } from '../../shared/ocop/criteria-set';
import type { ServedApp } from '../fixtures';
import { arrangeRound, startSession } from './arrange';

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
  const { roundId, registrations } = await arrangeRound(app, ['Mứt sen sấy dẻo']);
  const reg = registrations[0]!;
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
  const { sessionId, set } = await startSession(app, { councilId: council.council.id, roundId, registrationIds: [reg.id] });
  return {
    sessionId,
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
