/** Wording of the shared date field (renderer/src/components/DateField.tsx) and its calendar. */
export default {
  placeholder: 'ngày/tháng/năm',
  hint: 'Gõ theo dạng ngày/tháng/năm, ví dụ 18/06/2026',
  invalid: '“{{text}}” không phải là ngày hợp lệ. Gõ theo dạng ngày/tháng/năm, ví dụ 18/06/2026.',
  beforeMin: 'Ngày phải từ {{min}} trở đi.',
  afterMax: 'Ngày phải trước hoặc bằng {{max}}.',
  clear: 'Xóa ngày',
  monthLabel: 'Tháng {{month}} năm {{year}}',
  monthShort: 'Tháng {{month}}',
  nextMonth: 'Tháng sau',
  previousMonth: 'Tháng trước',
  nextYear: 'Năm sau',
  previousYear: 'Năm trước',
  nextDecade: 'Mười năm sau',
  previousDecade: 'Mười năm trước',
  monthLevelControl: 'Chọn tháng',
  yearLevelControl: 'Chọn năm',
} as const;
