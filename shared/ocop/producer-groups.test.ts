import { describe, expect, it } from 'vitest';
import { PRODUCER_KINDS } from './dossier-model';
import { parseProducerKind, producerGroupOf } from './producer-groups';

describe('kinds of producer', () => {
  it('groups every stored kind as the reports do', () => {
    expect(PRODUCER_KINDS.map((k) => [k, producerGroupOf(k)])).toEqual([
      ['cooperative', 'cooperative'],
      ['cooperative_group', 'cooperative_group'],
      ['enterprise', 'enterprise'],
      ['farm', 'household'],
      ['production_household', 'household'],
      ['household_business', 'household'],
      ['association', 'other'],
      ['federation', 'other'],
      ['operating_centre', 'other'],
      ['tourism_other', 'other'],
    ]);
  });
  it('reads kinds as old lists write them', () => {
    const cases: [string, string | null][] = [
      ['Hợp tác xã', 'cooperative'],
      ['HTX', 'cooperative'],
      ['htx nông nghiệp Tân Hòa', 'cooperative'],
      ['Tổ hợp tác', 'cooperative_group'],
      ['THT', 'cooperative_group'],
      ['Doanh nghiệp', 'enterprise'],
      ['Doanh nghiệp nhỏ và vừa', 'enterprise'],
      ['Công ty TNHH Sen Vàng', 'enterprise'],
      ['DNTN', 'enterprise'],
      ['Hộ kinh doanh', 'household_business'],
      ['Hộ gia đình có đăng ký kinh doanh', 'household_business'],
      ['Cơ sở sản xuất Bảy Tốt', 'household_business'],
      ['Hộ sản xuất', 'production_household'],
      ['Trang trại', 'farm'],
      ['Hội (du lịch)', 'association'],
      ['Hiệp hội (du lịch)', 'federation'],
      ['Trung tâm điều hành (du lịch)', 'operating_centre'],
      ['cooperative', 'cooperative'],
      ['Hoa hậu', null],
      ['', null],
    ];
    for (const [text, kind] of cases) expect([text, parseProducerKind(text)]).toEqual([text, kind]);
  });
});
