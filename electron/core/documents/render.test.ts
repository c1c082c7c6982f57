import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CoreError } from '../errors';
import { defaultResourcesDir, resolveFont } from './fonts';
import { countPages, renderPdf, renderPdfWithInfo } from './render';
import { pdfFonts, pdfInfo, pdfText, tmpDir, writePdf } from './test/pdf-tools';

let dir: string;
beforeAll(() => {
  dir = tmpDir();
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('renderPdf', { timeout: 60_000 }, () => {
  it('finds the shipped Tinos fonts from the repository under tsx/vitest', () => {
    expect(fs.existsSync(path.join(defaultResourcesDir(), 'fonts', 'Tinos-Regular.ttf'))).toBe(true);
    expect(fs.existsSync(path.join(defaultResourcesDir(), 'fonts', 'OFL.txt'))).toBe(true);
    expect(resolveFont().family).toBe('Tinos');
  });

  it('writes PDF 1.7 with the font embedded, and Vietnamese read back intact', async () => {
    const r = await renderPdfWithInfo({
      content: [{ text: 'Nước mắm Phú Quốc – Hợp tác xã Đồng Tháp' }, { text: 'trang hai', pageBreak: 'before', bold: true }],
    });
    expect(r.pdf.subarray(0, 8).toString('latin1')).toBe('%PDF-1.7');
    expect(r.pageCount).toBe(2);
    expect(r.font.family).toBe('Tinos');
    const f = writePdf(dir, 'basic', r.pdf);
    expect(pdfInfo(f).version).toBe('1.7');
    expect(pdfText(f)).toContain('Nước mắm Phú Quốc – Hợp tác xã Đồng Tháp');
    const fonts = pdfFonts(f);
    expect(fonts.map((x) => x.name).join(' ')).toMatch(/Tinos-Regular.*Tinos-Bold|Tinos-Bold.*Tinos-Regular/u);
    expect(fonts.every((x) => x.embedded)).toBe(true);
  });

  it('normalises decomposed (NFD) Vietnamese to NFC before layout', async () => {
    const nfd = 'Hợp tác xã Đồng Tháp'.normalize('NFD');
    expect(nfd).not.toBe(nfd.normalize('NFC'));
    const f = writePdf(
      dir,
      'nfd',
      await renderPdf({ content: [{ text: nfd }], footer: () => ({ text: 'Nước mắm'.normalize('NFD') }) }),
    );
    const raw = fs.readFileSync(f, 'latin1');
    expect(raw.length).toBeGreaterThan(0);
    // pdftotext output is taken as it comes (no normalisation) to see what the PDF holds.
    const text = (await import('node:child_process')).execFileSync('pdftotext', ['-enc', 'UTF-8', f, '-'], { encoding: 'utf8' });
    expect(text).toContain('Hợp tác xã Đồng Tháp'.normalize('NFC'));
    expect(text).toContain('Nước mắm'.normalize('NFC'));
  });

  it('refuses remote URLs and local files other than the fonts', async () => {
    await expect(renderPdf({ content: [{ image: 'https://example.invalid/logo.png' }] })).rejects.toThrow(/denied|Access/iu);
    const png = path.join(dir, 'x.png');
    fs.writeFileSync(png, Buffer.from('89504e470d0a1a0a', 'hex'));
    await expect(renderPdf({ content: [{ image: png }] })).rejects.toThrow(/Access to local file denied/u);
  });

  it('uses the system Times New Roman when chosen and present, and says why it fell back otherwise', () => {
    const fake = path.join(dir, 'winfonts');
    fs.mkdirSync(fake);
    const src = path.join(defaultResourcesDir(), 'fonts');
    // Stand-ins with the Windows file names (the renderer only needs the four files).
    for (const [from, to] of [
      ['Tinos-Regular.ttf', 'times.ttf'],
      ['Tinos-Bold.ttf', 'timesbd.ttf'],
      ['Tinos-Italic.ttf', 'timesi.ttf'],
      ['Tinos-BoldItalic.ttf', 'timesbi.ttf'],
    ] as const) {
      fs.copyFileSync(path.join(src, from), path.join(fake, to));
    }
    const chosen = resolveFont({ font: 'times-new-roman', systemFontDirs: [fake] });
    expect(chosen.family).toBe('Times New Roman');
    expect(chosen.files.bold).toBe(path.join(fake, 'timesbd.ttf'));
    const missing = resolveFont({ font: 'times-new-roman', systemFontDirs: [path.join(dir, 'nowhere')] });
    expect(missing.family).toBe('Tinos');
    expect(missing.fallbackReason).toMatch(/Times New Roman was chosen but .* not in .*nowhere/u);
  });

  it('renders with the chosen system font files, and only those may be read', async () => {
    const fake = path.join(dir, 'winfonts');
    const r = await renderPdfWithInfo({ content: [{ text: 'Đồng Tháp' }] }, { font: 'times-new-roman', systemFontDirs: [fake] });
    expect(r.font.family).toBe('Times New Roman');
    expect(countPages(r.pdf)).toBe(1);
  });

  it('fails with an IO error naming the folder when the fonts are missing', () => {
    try {
      resolveFont({ resourcesDir: path.join(dir, 'empty') });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(CoreError);
      expect((e as CoreError).code).toBe('IO');
      expect((e as CoreError).message).toContain(path.join(dir, 'empty', 'fonts'));
    }
  });
});
