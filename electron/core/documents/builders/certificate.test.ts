import { anchorToken } from '../integrity/digest-code';
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentT } from '../doc-t';
import { certificateData, INTEGRITY } from '../test/fixtures';
import { pdfFonts, pdfInfo, pdfRaw, tmpDir } from '../test/pdf-tools';
import { renderTo } from '../test/render-doc';
import { buildCertificate, certificateExpiry } from './certificate';

const t = documentT('vi');
let dir: string;
let file: string;
let flat: string;

beforeAll(async () => {
  dir = tmpDir();
  file = await renderTo(dir, 'certificate', buildCertificate(certificateData(), t));
  flat = pdfRaw(file).replace(/\s+/gu, ' ');
}, 60_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('Giấy chứng nhận', { timeout: 60_000 }, () => {
  it('computes the expiry 36 months on, clamped to the month end', () => {
    expect(certificateExpiry({ issuedOn: '2026-01-20', legalBasis: '26/2026/QĐ-TTg' })).toBe('2029-01-20');
    expect(certificateExpiry({ issuedOn: '2028-02-29', legalBasis: '26/2026/QĐ-TTg' })).toBe('2031-02-28');
  });

  it('is one landscape A4 page with embedded fonts', () => {
    const info = pdfInfo(file);
    expect(info.pages).toBe(1);
    expect(info.landscape).toBe(true);
    expect(pdfFonts(file).every((f) => f.embedded)).toBe(true);
  });

  it('names the product, producer, star and decision, with the validity period', () => {
    expect(flat).toContain('GIẤY CHỨNG NHẬN KẾT QUẢ PHÂN HẠNG SẢN PHẨM OCOP');
    expect(flat).toContain('Chứng nhận sản phẩm: Nước mắm Phú Quốc');
    expect(flat).toContain('Mã số sản phẩm: 87-29000-001-2026');
    expect(flat).toContain('Chủ thể: Hợp tác xã Đồng Tháp');
    expect(flat).toContain('Đạt hạng: 4 sao');
    expect(flat).toContain(
      'Theo Quyết định số 35/QĐ-UBND ngày 20 tháng 01 năm 2026 của Chủ tịch Ủy ban nhân dân tỉnh Đồng Tháp.',
    );
    expect(flat).toContain(
      'Giấy chứng nhận có giá trị 36 tháng, kể từ ngày 20 tháng 01 năm 2026 đến hết ngày 20 tháng 01 năm 2029.',
    );
    expect(flat).toContain('Số: 125/GCN-UBND');
    expect(flat).toContain('KT. CHỦ TỊCH PHÓ CHỦ TỊCH');
    expect(flat).toContain(anchorToken(INTEGRITY));
  });
});
