export default {
  title: 'Giới thiệu',
  description:
    'Ứng dụng ngoại tuyến giúp Hội đồng đánh giá, phân hạng sản phẩm OCOP quản lý hồ sơ, chấm điểm theo Bộ tiêu chí, xếp hạng và in biên bản.',
  version: 'Phiên bản',
  dataDir: 'Thư mục dữ liệu',
  databasePath: 'Tệp cơ sở dữ liệu',
  schemaVersion: 'Phiên bản cấu trúc dữ liệu',
  host: 'Chế độ chạy',
  hosts: { electron: 'Ứng dụng máy tính', http: 'Trình duyệt (máy chủ nội bộ)', cli: 'Dòng lệnh' },
  legalBasis: 'Căn cứ: Quyết định số 26/2026/QĐ-TTg ngày 22/5/2026 của Thủ tướng Chính phủ.',
} as const;
