/**
 * Renders one sample of each document kind from the training fixture into docs/samples/
 * (PDF + a PNG of each page at 80 dpi), for people to look at what the app prints:
 *   npm run samples             write docs/samples/
 *   npm run samples -- --check  render into a temporary folder and list what differs from docs/samples/ (exit 1)
 *
 * The output is byte-stable: every date comes from the fixtures (`createdAt`, pdf-lib's dates set
 * explicitly), the bundled Tinos font is used whatever the machine has, and nothing depends on the
 * time zone — two runs, or a run in another TZ, leave `git status` clean. The PNGs depend on the
 * installed poppler (pdftoppm), so another machine may draw them with other bytes.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { renderScoringSheetsBatch } from '../batch/sheet-batch';
import { buildCertificate } from '../builders/certificate';
import { buildDecision } from '../builders/decision';
import { buildMinutes } from '../builders/minutes';
import { buildScoringSheet } from '../builders/scoring-sheet';
import { buildSummary } from '../builders/summary';
import { documentT } from '../doc-t';
import { renderPdf } from '../render';
import { certificateData, decisionData, INTEGRITY, minutesData, sheetData, summaryData } from './fixtures';

const samples = path.resolve(import.meta.dirname, '../../../../docs/samples');
const check = process.argv.includes('--check');
const out = check ? fs.mkdtempSync(path.join(os.tmpdir(), 'ocop-samples-')) : samples;
const t = documentT('vi');
const createdAt = new Date('2026-01-05T08:00:00Z');

const kinds: Record<string, () => TDocumentDefinitions> = {
  'bien-ban': () => buildMinutes(minutesData(10), t),
  'bang-tong-hop': () => buildSummary(summaryData(10), t),
  'phieu-danh-gia': () => buildScoringSheet(sheetData({ integrity: INTEGRITY }), t),
  'phieu-danh-gia-trang': () => buildScoringSheet(sheetData({ blank: true }), t),
  'du-thao-quyet-dinh': () => buildDecision(decisionData(10), t),
  // The decision once the Chủ tịch signed it and the secretary recorded its number, date and signer.
  'quyet-dinh': () => {
    const d = decisionData(10);
    return buildDecision(
      {
        ...d,
        draft: false,
        setup: { ...d.setup, number: { number: 35, symbol: 'QĐ-UBND' }, placeDate: { place: 'Đồng Tháp', date: '2026-01-20' } },
      },
      t,
    );
  },
  'giay-chung-nhan': () => buildCertificate(certificateData(), t),
  // Before the decision is recorded: a draft, no validity dates.
  'giay-chung-nhan-du-thao': () =>
    buildCertificate(
      {
        ...certificateData(),
        draft: true,
        issuedOn: null,
        decisionCitation: 'Quyết định số …/QĐ-UBND ngày … tháng … năm … của Chủ tịch Ủy ban nhân dân tỉnh Đồng Tháp',
        placeDate: { place: 'Đồng Tháp', date: null },
      },
      t,
    ),
};

fs.mkdirSync(out, { recursive: true });
for (const f of fs.readdirSync(out)) if (/\.(pdf|png)$/u.test(f)) fs.rmSync(path.join(out, f));
const write = (name: string, pdf: Buffer) => {
  const file = path.join(out, `${name}.pdf`);
  fs.writeFileSync(file, pdf);
  // All pages of short documents; the first two and the last of long ones (the last shows how a
  // sheet ends: its last criterion with the signature).
  const pages = Number(/Pages:\s+(\d+)/u.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1] ?? 1);
  execFileSync('pdftoppm', ['-png', '-r', '80', ...(pages > 4 ? ['-l', '2'] : []), file, path.join(out, name)]);
  if (pages > 4)
    execFileSync('pdftoppm', ['-png', '-r', '80', '-f', String(pages), '-l', String(pages), file, path.join(out, name)]);
  if (!check) console.log(`docs/samples/${name}.pdf`);
};
for (const [name, build] of Object.entries(kinds)) write(name, await renderPdf(build(), { createdAt }));
// Printed for double-sided printing (the default of a session's batch): a sheet of odd length gets a blank back.
const batch = await renderScoringSheetsBatch(
  [sheetData({ memberIndex: 0, integrity: INTEGRITY }), sheetData({ memberIndex: 1, productIndex: 1, integrity: INTEGRITY })],
  t,
  { createdAt, newLeaf: true },
);
write('phieu-danh-gia-ca-phien', batch.pdf);

if (check) {
  const list = (dir: string) => fs.readdirSync(dir).filter((f) => /\.(pdf|png)$/u.test(f));
  const fresh = list(out);
  const kept = list(samples);
  const problems = [
    ...fresh.filter((f) => !kept.includes(f)).map((f) => `missing from docs/samples: ${f}`),
    ...kept.filter((f) => !fresh.includes(f)).map((f) => `no longer rendered: ${f}`),
    ...fresh
      .filter((f) => kept.includes(f) && !fs.readFileSync(path.join(out, f)).equals(fs.readFileSync(path.join(samples, f))))
      .map((f) => `differs: ${f}`),
  ];
  fs.rmSync(out, { recursive: true, force: true });
  if (problems.length > 0) {
    console.error(`docs/samples/ is not what the documents render now (run npm run samples):\n  ${problems.join('\n  ')}`);
    process.exit(1);
  }
  console.log(`docs/samples/: all ${fresh.length} files are what the documents render now`);
}
