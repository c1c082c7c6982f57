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
  builtOn: 'Ngày đóng gói',
  builtFromSource: 'Chạy từ mã nguồn (không có ngày đóng gói)',
  oldBuild: {
    title: 'Có thể đã có phiên bản mới hơn',
    body: 'Bản cài đặt này được đóng gói ngày {{date}}, đã hơn {{months}} tháng. Phiên bản mới hơn có thể có các quyết định mới về bộ tiêu chí OCOP. Hãy hỏi Văn phòng Điều phối OCOP tỉnh hoặc bộ phận kỹ thuật; dữ liệu hiện có được giữ nguyên khi cài bản mới.',
    settings: 'Đổi thời hạn nhắc trong Cài đặt',
  },
  legalBasis: 'Căn cứ: Quyết định số 26/2026/QĐ-TTg ngày 22/5/2026 của Thủ tướng Chính phủ.',
} as const;
