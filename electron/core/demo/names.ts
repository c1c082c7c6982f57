/**
 * Word lists of the training dataset: a fictional province ("tỉnh Phù Sa", code 99, which no
 * real province uses) with Vietnamese names written with full diacritics. Everything here is
 * invented; any likeness to real people or businesses is accidental.
 */
import type { Rng } from './random';

export const DEMO_PROVINCE = { code: '99', name: 'Phù Sa', upper: 'PHÙ SA' } as const;

/** Marks every record as training data, so it can never be taken for real evaluation records. */
export const TRAINING_NOTE = 'Dữ liệu tập huấn (hư cấu) — không phải hồ sơ thật.';

export const DEMO_COMMUNES = [
  { code: '99001', name: 'Xã Mỹ An' },
  { code: '99002', name: 'Xã Tân Hòa' },
  { code: '99003', name: 'Phường Sen Vàng' },
  { code: '99004', name: 'Xã Long Thạnh' },
  { code: '99005', name: 'Xã Bình Phú' },
  { code: '99006', name: 'Xã Hòa Lộc' },
  { code: '99007', name: 'Xã An Nhơn' },
  { code: '99008', name: 'Phường Cồn Tiên' },
] as const;

const FAMILY = [
  'Nguyễn',
  'Trần',
  'Lê',
  'Phạm',
  'Hoàng',
  'Huỳnh',
  'Phan',
  'Vũ',
  'Võ',
  'Đặng',
  'Bùi',
  'Đỗ',
  'Hồ',
  'Ngô',
  'Dương',
  'Lý',
] as const;
const MIDDLE_M = ['Văn', 'Hữu', 'Minh', 'Quốc', 'Đức', 'Thanh', 'Công'] as const;
const MIDDLE_F = ['Thị', 'Ngọc', 'Thu', 'Thanh', 'Kim', 'Bích', 'Hồng'] as const;
const GIVEN_M = [
  'An',
  'Bảo',
  'Cường',
  'Dũng',
  'Hải',
  'Hiếu',
  'Khánh',
  'Long',
  'Nam',
  'Phúc',
  'Quang',
  'Sơn',
  'Tài',
  'Thắng',
  'Trí',
  'Vinh',
] as const;
const GIVEN_F = [
  'Anh',
  'Châu',
  'Dung',
  'Giang',
  'Hà',
  'Hạnh',
  'Hương',
  'Lan',
  'Linh',
  'Mai',
  'Ngân',
  'Nhung',
  'Phương',
  'Thảo',
  'Trang',
  'Yến',
] as const;

export interface PersonName {
  fullName: string;
  gender: 'female' | 'male';
}

/** Distinct names: a name already handed out is drawn again. */
export function nameMaker(rng: Rng): () => PersonName {
  const used = new Set<string>();
  return () => {
    for (;;) {
      const female = rng.chance(0.5);
      const fullName = `${rng.pick(FAMILY)} ${rng.pick(female ? MIDDLE_F : MIDDLE_M)} ${rng.pick(female ? GIVEN_F : GIVEN_M)}`;
      if (!used.has(fullName)) {
        used.add(fullName);
        return { fullName, gender: female ? 'female' : 'male' };
      }
    }
  };
}

/** Products by criteria set (26/2026 set number): names as producers write them. */
export const PRODUCTS_BY_SET: Readonly<Record<string, readonly string[]>> = {
  'qd26-2026/01': [
    'Bưởi da xanh Mỹ An',
    'Xoài cát Hòa Lộc',
    'Sen hồng tươi Cồn Tiên',
    'Quýt hồng Long Thạnh',
    'Nhãn xuồng cơm vàng',
    'Dưa lưới Tân Hòa',
  ],
  'qd26-2026/03': ['Gạo thơm Phù Sa', 'Gạo hữu cơ Bình Phú', 'Gạo nếp than Tân Hòa', 'Gạo lứt đỏ Long Thạnh', 'Nếp cẩm An Nhơn'],
  'qd26-2026/04': ['Mật ong hoa tràm', 'Mật ong hoa nhãn An Nhơn', 'Trứng vịt muối tro', 'Mật ong bạc hà', 'Phấn hoa sen'],
  'qd26-2026/06': [
    'Bánh phồng tôm Sen Vàng',
    'Bánh tráng phơi sương',
    'Hủ tiếu khô Mỹ An',
    'Bánh pía sầu riêng',
    'Bột gạo lứt nảy mầm',
  ],
  'qd26-2026/07': ['Mứt gừng dẻo', 'Xoài sấy dẻo', 'Hạt sen sấy giòn', 'Chuối sấy mộc', 'Mít sấy giòn'],
  'qd26-2026/08': ['Khô cá lóc một nắng', 'Lạp xưởng tươi Tân Hòa', 'Chà bông cá lóc', 'Nem chua Long Thạnh', 'Khô cá tra phồng'],
  'qd26-2026/09': ['Nước mắm cá linh', 'Tương ớt xí muội', 'Nước tương nấm', 'Mắm tôm chua Tân Hòa', 'Nước mắm cá cơm nhĩ'],
  'qd26-2026/12': ['Trà lá sen', 'Trà khổ qua rừng', 'Trà tim sen', 'Trà hoa đậu biếc', 'Trà gạo lứt rang'],
  'qd26-2026/13': [
    'Cà phê bột nguyên chất',
    'Cacao nguyên chất Bình Phú',
    'Cà phê hạt rang mộc',
    'Sô-cô-la đen Long Thạnh',
    'Bột cacao sữa',
  ],
  'qd26-2026/14': [
    'Rượu nếp than Phù Sa',
    'Rượu đế làng nghề An Nhơn',
    'Rượu nếp cái hoa vàng',
    'Rượu gạo men lá',
    'Rượu sen Cồn Tiên',
  ],
  'qd26-2026/17': ['Nước cốt chanh dây', 'Nước ép sen tươi', 'Nước mía sầu riêng', 'Sữa hạt sen', 'Nước dừa đóng chai'],
  'qd26-2026/19': [
    'Xà bông sả chanh thảo mộc',
    'Tinh chất bồ kết gội đầu',
    'Son dưỡng sáp ong',
    'Dầu gội hương nhu',
    'Kem nghệ dưỡng da',
  ],
  'qd26-2026/21': ['Giỏ lục bình đan tay', 'Chiếu cói in hoa', 'Nón lá bài thơ', 'Túi cói thêu tay', 'Lồng đèn tre'],
  'qd26-2026/23': ['Hoa cúc mâm xôi', 'Hoa hồng Cồn Tiên', 'Hoa lan hồ điệp', 'Hoa giấy ghép nhiều màu', 'Hoa vạn thọ Pháp'],
  'qd26-2026/26': ['Điểm du lịch sinh thái Cồn Sen', 'Du lịch cộng đồng làng hoa Sen Vàng', 'Tuyến du lịch miệt vườn Mỹ An'],
};

export const TOURISM_SET = 'qd26-2026/26';

/** Producer name by kind (Đ2.3 of 26/2026): the form a province's lists use. */
export const PRODUCER_NAME_BY_KIND: Readonly<Record<string, (place: string, person: string, word: string) => string>> = {
  cooperative: (place, _p, word) => `Hợp tác xã ${word} ${place}`,
  cooperative_group: (place, _p, word) => `Tổ hợp tác ${word} ${place}`,
  enterprise: (place, _p, word) => `Công ty TNHH ${word} ${place}`,
  farm: (_place, person) => `Trang trại ${person}`,
  production_household: (_place, person) => `Hộ sản xuất ${person}`,
  household_business: (_place, person) => `Hộ kinh doanh ${person}`,
  association: (place) => `Hội Du lịch cộng đồng ${place}`,
  federation: () => 'Hiệp hội Du lịch tỉnh Phù Sa',
  operating_centre: (place) => `Trung tâm điều hành du lịch ${place}`,
  tourism_other: (place) => `Ban quản lý khu du lịch ${place}`,
};

export const TRADE_WORDS = [
  'Nông nghiệp',
  'Thực phẩm',
  'Dịch vụ nông nghiệp',
  'Sản xuất và Thương mại',
  'Làng nghề',
  'Nông sản sạch',
] as const;

/** Offices of a provincial council (Đ7.3b), in list order, with the role each seat usually has. */
export const COUNCIL_SEATS = [
  { role: 'chair', office: 'Ủy ban nhân dân tỉnh Phù Sa', position: 'Phó Chủ tịch' },
  { role: 'vice_chair', office: 'Sở Nông nghiệp và Môi trường', position: 'Giám đốc' },
  { role: 'vice_chair', office: 'Sở Công Thương', position: 'Phó Giám đốc' },
  { role: 'member', office: 'Sở Y tế', position: 'Phó Giám đốc' },
  { role: 'member', office: 'Sở Khoa học và Công nghệ', position: 'Phó Giám đốc' },
  { role: 'member', office: 'Sở Văn hóa, Thể thao và Du lịch', position: 'Phó Giám đốc' },
  { role: 'member', office: 'Liên minh Hợp tác xã tỉnh', position: 'Phó Chủ tịch' },
  { role: 'member', office: 'Trường Cao đẳng Kinh tế - Kỹ thuật Phù Sa', position: 'Phó Hiệu trưởng' },
  { role: 'member_secretary', office: 'Văn phòng Điều phối nông thôn mới tỉnh', position: 'Chánh Văn phòng' },
] as const;

export const ADVISORY_SEATS = [
  { role: 'chair', office: 'Chi cục Phát triển nông thôn', position: 'Chi cục trưởng' },
  { role: 'vice_chair', office: 'Văn phòng Điều phối nông thôn mới tỉnh', position: 'Phó Chánh Văn phòng' },
  { role: 'member', office: 'Chi cục Quản lý chất lượng nông lâm thủy sản', position: 'Trưởng phòng' },
  { role: 'member', office: 'Trung tâm Khuyến nông tỉnh', position: 'Phó Giám đốc' },
  { role: 'member_secretary', office: 'Văn phòng Điều phối nông thôn mới tỉnh', position: 'Chuyên viên' },
] as const;
