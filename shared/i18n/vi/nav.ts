export default {
  dossiers: 'Hồ sơ',
  councils: 'Hội đồng',
  sessions: 'Phiên họp & chấm điểm',
  results: 'Kết quả',
  documents: 'Văn bản',
  criteria: 'Bộ tiêu chí',
  backup: 'Sao lưu',
  settings: 'Cài đặt',
  guide: 'Hướng dẫn sử dụng',
  about: 'Giới thiệu',
  mainNavigation: 'Điều hướng chính',
} as const;
