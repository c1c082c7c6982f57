/**
 * Issue 8: the council's PDFs for a 300-product session with 9 members.
 * - Biên bản (minutes) of 300 products: target < 3 s.
 * - Bảng tổng hợp (summary) of 300 products × 9 members (no target; reported).
 * - All 2,700 scoring sheets in one PDF (300 products × 9 members, two criteria sets, ~19,000
 *   pages): target < 120 s with steady memory (peak heap sampled during the run).
 * - The same minutes as HTML printed by headless Chromium (--print-to-pdf), with the ratio to
 *   pdfmake measured in the same run.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { renderScoringSheetsBatch } from '../electron/core/documents/batch/sheet-batch';
import { buildMinutes } from '../electron/core/documents/builders/minutes';
import { buildSummary } from '../electron/core/documents/builders/summary';
import { documentT } from '../electron/core/documents/doc-t';
import { defaultResourcesDir } from '../electron/core/documents/fonts';
import { countPages, renderPdf } from '../electron/core/documents/render';
import {
  answersFor,
  FORM_09,
  FORM_26,
  INTEGRITY,
  MEMBERS,
  minutesData,
  products,
  summaryData,
} from '../electron/core/documents/test/fixtures';
import type { ScoringSheetData } from '../electron/core/documents/types';
import { minutesHtml } from './documents-html';
import { defineCases } from './harness';

const run = promisify(execFile);
const t = documentT('vi');
const mb = (b: number) => Math.round(b / 2 ** 20);

interface DocState {
  pages: number;
  bytes: number;
}

/** 2,700 sheets: every member × every product; odd products use set 26 (a second template). */
function sessionSheets(): ScoringSheetData[] {
  const list = products(300);
  const sheets: ScoringSheetData[] = [];
  list.forEach((product, p) => {
    const form = p % 2 === 0 ? FORM_09 : FORM_26;
    MEMBERS.forEach((member, m) => {
      sheets.push({
        form,
        product,
        member,
        answers: answersFor(form, 1000 * p + m),
        criterionNotes: {},
        opinion:
          m % 3 === 0
            ? 'Sản phẩm đạt yêu cầu; đề nghị chủ thể hoàn thiện hồ sơ truy xuất nguồn gốc và kế hoạch xúc tiến thương mại.'
            : '',
        rescoringRound: 0,
        placeDate: { place: 'Đồng Tháp', date: '2026-01-05' },
        draft: false,
        integrity: INTEGRITY,
      });
    });
  });
  return sheets;
}

interface SheetsState {
  sheets: ScoringSheetData[];
  pages: number;
  bytes: number;
  heapBefore: number;
  heapPeak: number;
  heapAfter: number;
  rssPeak: number;
  templates: number;
}

interface HtmlState {
  dir: string;
  html: string;
  pdfmakeMs: number[];
  chromiumMs: number[];
  pages: number;
}

export const cases = [
  ...defineCases<DocState>({
    name: 'documents:minutes — biên bản of a 300-product session (build + render)',
    setup: () => ({ pages: 0, bytes: 0 }),
    iterations: 5,
    warmup: 1,
    target: { medianMs: 3000 },
    run: async (s) => {
      const pdf = await renderPdf(buildMinutes(minutesData(300), t));
      s.pages = countPages(pdf);
      s.bytes = pdf.length;
    },
    notes: (s) => `${s.pages} pages, ${Math.round(s.bytes / 1024)} KiB`,
  }),
  ...defineCases<DocState>({
    name: 'documents:summary — bảng tổng hợp, 300 products × 9 members (build + render)',
    setup: () => ({ pages: 0, bytes: 0 }),
    iterations: 5,
    warmup: 1,
    run: async (s) => {
      const pdf = await renderPdf(buildSummary(summaryData(300), t));
      s.pages = countPages(pdf);
      s.bytes = pdf.length;
    },
    notes: (s) => `${s.pages} landscape pages, ${Math.round(s.bytes / 1024)} KiB`,
  }),
  ...defineCases<SheetsState>({
    name: 'documents:sheets — all 2,700 sheets of a 300 × 9 session in one PDF',
    setup: () => ({
      sheets: sessionSheets(),
      pages: 0,
      bytes: 0,
      heapBefore: 0,
      heapPeak: 0,
      heapAfter: 0,
      rssPeak: 0,
      templates: 0,
    }),
    iterations: 1,
    warmup: 0,
    target: { medianMs: 120_000 },
    run: async (s) => {
      s.heapBefore = process.memoryUsage().heapUsed;
      s.heapPeak = s.heapBefore;
      const sample = () => {
        const m = process.memoryUsage();
        s.heapPeak = Math.max(s.heapPeak, m.heapUsed);
        s.rssPeak = Math.max(s.rssPeak, m.rss);
      };
      const timer = setInterval(sample, 250);
      try {
        const r = await renderScoringSheetsBatch(s.sheets, t, { onProgress: (done) => done % 300 === 0 && sample() });
        s.pages = r.pageCount;
        s.bytes = r.pdf.length;
        s.templates = r.templates;
      } finally {
        clearInterval(timer);
      }
      s.heapAfter = process.memoryUsage().heapUsed;
    },
    notes: (s) =>
      `${s.sheets.length} sheets, ${s.pages} pages, ${mb(s.bytes)} MiB, ${s.templates} templates; heap ${mb(s.heapBefore)} → peak ${mb(s.heapPeak)} → ${mb(s.heapAfter)} MiB, peak RSS ${mb(s.rssPeak)} MiB`,
  }),
  ...defineCases<HtmlState>({
    name: 'documents:minutes-html — the same minutes as HTML printed by headless Chromium',
    setup: async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ocop-bench-html-'));
      const data = minutesData(300);
      const html = path.join(dir, 'minutes.html');
      fs.writeFileSync(html, minutesHtml(data, t, path.join(defaultResourcesDir(), 'fonts')));
      const pdfmakeMs: number[] = [];
      for (let i = 0; i < 3; i++) {
        const t0 = performance.now();
        await renderPdf(buildMinutes(data, t));
        pdfmakeMs.push(performance.now() - t0);
      }
      return { dir, html, pdfmakeMs, chromiumMs: [], pages: 0 };
    },
    teardown: (s) => fs.rmSync(s.dir, { recursive: true, force: true }),
    iterations: 3,
    warmup: 1,
    run: async (s) => {
      const out = path.join(s.dir, 'minutes.pdf');
      const t0 = performance.now();
      await run('/usr/bin/chromium', [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        `--user-data-dir=${path.join(s.dir, 'profile')}`,
        '--no-pdf-header-footer',
        `--print-to-pdf=${out}`,
        `file://${s.html}`,
      ]);
      s.chromiumMs.push(performance.now() - t0);
      s.pages = countPages(fs.readFileSync(out));
    },
    notes: (s) => {
      const med = (a: number[]) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)] ?? NaN;
      const c = med(s.chromiumMs.slice(-3));
      const p = med(s.pdfmakeMs);
      return `Chromium ${Math.round(c)} ms (${s.pages} pages, a new browser process per print) vs pdfmake ${Math.round(p)} ms in the same run: ratio Chromium/pdfmake ${(c / p).toFixed(2)}`;
    },
  }),
];
