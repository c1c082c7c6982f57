import type { Page } from '@playwright/test';
import ExcelJS from 'exceljs';

/** A small, valid one-page PDF with a line of text (xref offsets computed, so pdf.js opens it without repair). */
export function samplePdf(text: string): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    null,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  const stream = `BT /F1 28 Tf 72 760 Td (${text}) Tj ET`;
  objects[3] = `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`;
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

/** Fills the app's own template (downloaded through the API) with `n` producers, products and registrations. */
export async function filledTemplate(templateBase64: string, n: number): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(templateBase64, 'base64') as unknown as ArrayBuffer);
  const fill = (sheet: string, rows: Record<string, string | number>[]) => {
    const ws = wb.getWorksheet(sheet)!;
    const headers = (ws.getRow(1).values as unknown[]).map((h) => String(h ?? '').replace('*', ''));
    rows.forEach((r, i) => {
      for (const [header, value] of Object.entries(r)) {
        const col = headers.indexOf(header);
        if (col < 1) throw new Error(`template has no column "${header}" in ${sheet}`);
        ws.getCell(i + 2, col).value = value;
      }
    });
  };
  const names = ['Nước mắm cá cơm', 'Mật ong hoa nhãn', 'Chè búp Tân Cương', 'Gạo thơm Điện Biên', 'Bưởi da xanh'];
  const sets = ['09 - Tương, nước mắm, gia vị dạng lỏng khác', '4', '11', '3', '1'];
  fill(
    'Chủ thể',
    Array.from({ length: n }, (_, i) => ({
      'Mã chủ thể': `CT${i + 1}`,
      'Loại hình': i % 2 ? 'Hợp tác xã' : 'Doanh nghiệp',
      'Tên chủ thể': `${i % 2 ? 'HTX' : 'Công ty'} Đặc sản Đồng Tháp ${i + 1}`,
      'Mã số thuế': String(1_800_000_000 + i),
      'Mã xã': '29500',
      'Tên xã, phường': 'Xã Tân Phú Đông',
      'Mã tỉnh': '82',
      'Tên tỉnh, thành phố': 'Tỉnh Đồng Tháp',
      'Điện thoại': `09123456${String(i).padStart(2, '0')}`,
    })),
  );
  fill(
    'Sản phẩm',
    Array.from({ length: n }, (_, i) => ({
      'Mã sản phẩm (trong tệp)': `SP${i + 1}`,
      'Mã chủ thể': `CT${i + 1}`,
      'Tên sản phẩm': `${names[i % names.length]} số ${i + 1}`,
      'Bộ tiêu chí (phân nhóm)': sets[i % sets.length]!,
      'Quy cách': 'Hộp 500 g',
    })),
  );
  fill(
    'Đăng ký',
    Array.from({ length: n }, (_, i) => ({
      'Mã sản phẩm (trong tệp)': `SP${i + 1}`,
      Đợt: '2/2026',
      'Lần đăng ký': 'Lần đầu',
      'Ngày xã nhận hồ sơ': '15/09/2026',
    })),
  );
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Screens of the "Hồ sơ" area. */
export class Dossiers {
  constructor(readonly page: Page) {}

  async open(url: string, route = '/dossiers') {
    await this.page.goto(`${url}#${route}`);
    await this.page.getByTestId('nav-dossiers').waitFor();
  }

  field(label: string | RegExp) {
    return this.page.getByLabel(label, { exact: typeof label === 'string' });
  }

  async choose(label: string | RegExp, typed: string, option: string | RegExp) {
    await this.page.getByRole('combobox', { name: label }).click();
    await this.page.getByRole('combobox', { name: label }).fill(typed);
    await this.page.getByRole('option', { name: option }).click();
  }
}
