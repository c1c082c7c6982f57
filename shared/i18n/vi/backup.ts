export default {
  title: 'Sao lưu dữ liệu',
  intro:
    'Bản sao lưu là một bản chụp đầy đủ cơ sở dữ liệu, được kiểm tra toàn vẹn ngay sau khi tạo. Nên sao lưu trước và sau mỗi phiên họp, và chép thư mục sao lưu sang USB hoặc máy khác.',
  note: 'Ghi chú cho bản sao lưu (không bắt buộc)',
  notePlaceholder: 'Ví dụ: Trước phiên họp đợt 1',
  create: 'Sao lưu ngay',
  created: 'Đã tạo bản sao lưu {{name}} và kiểm tra toàn vẹn: tốt.',
  folder: 'Thư mục sao lưu',
  list: 'Các bản sao lưu',
  empty: 'Chưa có bản sao lưu nào.',
  name: 'Tên tệp',
  size: 'Dung lượng',
  createdAt: 'Thời điểm',
  kind: 'Loại',
  kinds: { manual: 'Do người dùng tạo', migration: 'Tự động trước khi nâng cấp', other: 'Khác' },
  restoreHelp: 'Để khôi phục: đóng ứng dụng, chép tệp sao lưu đè lên tệp ocop.sqlite trong thư mục dữ liệu, rồi mở lại ứng dụng.',
} as const;
