/** Chữ ký số (issue 15): ký văn bản bằng tệp .p12 hoặc USB token, trạng thái chữ ký, kho chứng thư tin cậy. */
export default {
  pin: {
    windowTitle: 'Nhập mã PIN USB token',
    heading: 'Ký số bằng USB token',
    token: 'Token: {{label}}',
    signer: 'Người ký: {{signer}}',
    label: 'Mã PIN',
    hint: 'Mã PIN gồm {{min}}–{{max}} ký tự. Ứng dụng không lưu mã PIN.',
    countLow: 'Token báo đã có lần nhập sai mã PIN. Nhập sai nhiều lần token sẽ bị khóa.',
    finalTry: 'Chỉ còn 1 lần thử: nhập sai lần nữa token sẽ bị khóa.',
    sign: 'Ký',
    cancel: 'Hủy',
  },
  state: {
    unsigned: 'Chưa ký',
    secretarySigned: 'Thư ký đã ký',
    complete: 'Đủ chữ ký',
    scanned: 'Bản giấy đã ký (bản quét)',
  },
} as const;
