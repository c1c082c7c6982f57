/** Thống kê, báo cáo: the province's OCOP statistics, drill-down, report and members' scoring patterns. */
export default {
  title: 'Thống kê sản phẩm OCOP',
} as const;
