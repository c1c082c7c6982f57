import { describe, expect, it } from 'vitest';
import { CoreError } from '../errors';
import { documentT } from './doc-t';
import { renderDocument } from './render-document';
import { certificateData, INTEGRITY, sheetData } from './test/fixtures';

const t = documentT('vi');

describe('renderDocument', { timeout: 120_000 }, () => {
  it('refuses an invalid request, naming the field and what is wrong', async () => {
    const bad = { kind: 'certificate', data: { ...certificateData(), issuedOn: '20/01/2026' } };
    const err = await renderDocument(bad, t).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CoreError);
    expect((err as CoreError).code).toBe('VALIDATION');
    expect((err as CoreError).message).toMatch(/data\.issuedOn: a date as YYYY-MM-DD/u);
    await expect(renderDocument({ kind: 'poster', data: {} }, t)).rejects.toThrow(/kind/u);
  });

  it('normalises decomposed input to NFC before printing', async () => {
    const d = certificateData();
    const r = await renderDocument(
      { kind: 'certificate', data: { ...d, product: { ...d.product, name: 'Nước mắm Phú Quốc'.normalize('NFD') } } },
      t,
    );
    expect(r.pageCount).toBe(1);
    expect(r.pdf.subarray(0, 8).toString('latin1')).toBe('%PDF-1.7');
  });

  it('prints a paper sheet without answers even when the data has some', async () => {
    const r = await renderDocument({ kind: 'blank-sheet', data: sheetData({ integrity: INTEGRITY }) }, t);
    expect(r.pageCount).toBeGreaterThan(1);
  });
});
