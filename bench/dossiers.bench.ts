/**
 * Issue 4: bulk import of 20,000 registrations from one XLSX workbook (10,000 producers, 20,000
 * products, 20,000 registrations — the file a province would assemble over several years), and
 * accent-insensitive search / windowed listing over them through the core (invoke → zod →
 * SQLite → rows). Target for search: under 20 ms.
 */
import fs from 'node:fs';
import os from 'node:os';
import { invoke } from '../electron/core/api';
import type { Core } from '../electron/core/context';
import {
  producerRow,
  productRow,
  registrationRow,
  workbookWith,
  type Cells,
} from '../electron/core/dossiers/import/test-workbook';
import { fileCore, tempDir } from '../electron/core/test/fixtures';
import { defineCases } from './harness';
import { seededRng } from '../electron/core/demo/random';

const PRODUCERS = 10_000;
const REGISTRATIONS = 20_000;

const PRODUCT_WORDS = [
  'Nước mắm',
  'Mật ong',
  'Chè búp',
  'Cà phê rang xay',
  'Gạo thơm',
  'Rượu men lá',
  'Tương bần',
  'Bánh đa',
  'Miến dong',
  'Mắm tôm',
  'Kẹo dừa',
  'Muối tôm',
  'Hạt tiêu',
  'Tỏi cô đơn',
  'Dưa lưới',
  'Xoài cát',
  'Bưởi da xanh',
  'Nhãn lồng',
  'Vải thiều',
  'Chả cá',
];
const PLACES = [
  'Đại Phát',
  'Tân Cương',
  'Phú Quốc',
  'Đồng Tháp',
  'Thanh Hà',
  'Hưng Yên',
  'Bến Tre',
  'Đà Lạt',
  'Sơn La',
  'Hà Giang',
  'Cát Hải',
  'Điện Biên',
  'Quảng Nam',
  'Lục Ngạn',
];
const SETS = [
  '09',
  '04',
  '11',
  '13',
  '03',
  '14',
  '09',
  '06',
  '06',
  '09',
  '08',
  '10',
  '10',
  '10',
  '01',
  '01',
  '01',
  '01',
  '01',
  '08',
];
const KINDS = ['Hợp tác xã', 'Doanh nghiệp', 'Hộ sản xuất', 'Tổ hợp tác', 'Trang trại'];

async function buildWorkbook(): Promise<Buffer> {
  const rand = seededRng(2026).next; // mulberry32: every run builds the same data
  const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)]!;
  const producers: Cells[] = [];
  const products: Cells[] = [];
  const registrations: Cells[] = [];
  for (let i = 1; i <= PRODUCERS; i++) {
    const commune = String(1 + Math.floor(rand() * 3000)).padStart(5, '0');
    producers.push(
      producerRow(i, {
        kind: pick(KINDS),
        name: `${pick(KINDS)} ${pick(PLACES)} ${i}`,
        communeCode: commune,
        communeName: `Xã ${pick(PLACES)}`,
        provinceCode: String(1 + Math.floor(rand() * 34)).padStart(2, '0'),
      }),
    );
  }
  for (let i = 1; i <= REGISTRATIONS; i++) {
    const w = Math.floor(rand() * PRODUCT_WORDS.length);
    products.push(
      productRow(i, 1 + ((i - 1) % PRODUCERS), { name: `${PRODUCT_WORDS[w]} ${pick(PLACES)} loại ${i}`, setKey: SETS[w] }),
    );
    registrations.push(registrationRow(i, { round: `${1 + (i % 2)}/${2026 + (i % 3)}` }));
  }
  return workbookWith({ producers, products, registrations });
}

let workbook: Buffer | null = null;
const theWorkbook = async () => (workbook ??= await buildWorkbook());

const importInto = async (core: Core, file: Buffer) => {
  const r = await invoke(core.ctx, 'dossiers:import', {
    contentBase64: file.toString('base64'),
    fileName: 'bench.xlsx',
    onDuplicate: 'skip',
  });
  if (!r.ok) throw new Error(`import failed: ${r.error.message}`);
  return r.value;
};

interface ImportState {
  file: Buffer;
  cores: Core[];
  dirs: string[];
  next: number;
  registrations: number;
}

interface SearchState {
  core: Core;
  dir: string;
  i: number;
  lastTotal: number;
}

const SEARCHES: Record<string, unknown>[] = [
  { search: 'nuoc mam' },
  { search: 'Nước mắm Đại Phát' },
  { search: 'Nước mắm'.normalize('NFD') },
  { search: 'd' },
  { search: 'che bup tan cuong' },
  { search: 'loai 12345' },
  { search: 'khong co san pham nay' },
  { search: 'mat ong', status: ['received'], kind: ['first'] },
  { search: 'ca phe', roundId: 1 },
  { search: 'hop tac xa', sort: 'product' },
];

const searchSetup = async (): Promise<SearchState> => {
  const dir = tempDir('ocop-bench-');
  const core = await fileCore(dir);
  await importInto(core, await theWorkbook());
  return { core, dir, i: 0, lastTotal: 0 };
};
const searchTeardown = (s: SearchState) => {
  s.core.close();
  fs.rmSync(s.dir, { recursive: true, force: true });
};

const PRODUCER_SEARCHES: Record<string, unknown>[] = [
  { search: 'hop tac xa' },
  { search: 'Đại Phát' },
  { search: 'Đồng Tháp'.normalize('NFD') },
  { search: 'd' },
  { search: 'nguyen thi lan 123' },
  { search: 'khong co chu the nay' },
  { kind: 'farm' },
  { kind: 'cooperative', search: 'tan cuong' },
  { roundId: 1 },
  { roundId: 2, search: 'doanh nghiep' },
];

interface JobState extends ImportState {
  /** Longest delay of a poll while the job parsed or validated: how long the app could freeze. */
  worstPollMs: number;
  polls: number;
  writeMs: number;
}

export const cases = [
  ...defineCases<ImportState>({
    name: `import ${REGISTRATIONS.toLocaleString('en')} registrations from XLSX (${PRODUCERS.toLocaleString('en')} producers, ${REGISTRATIONS.toLocaleString('en')} products)`,
    setup: async () => {
      const file = await theWorkbook();
      const dirs = [tempDir('ocop-bench-'), tempDir('ocop-bench-')];
      return { file, dirs, cores: await Promise.all(dirs.map((d) => fileCore(d))), next: 0, registrations: 0 };
    },
    run: async (s) => {
      const r = await importInto(s.cores[s.next++]!, s.file);
      s.registrations = r.registrations.created;
    },
    teardown: (s) => {
      for (const c of s.cores) c.close();
      for (const d of s.dirs) fs.rmSync(d, { recursive: true, force: true });
    },
    iterations: 2,
    warmup: 0,
    notes: (s) =>
      `file ${(s.file.byteLength / 2 ** 20).toFixed(1)} MB; ${s.registrations} registrations created per run; on a file database (WAL), one transaction; load average ${os.loadavg()[0]!.toFixed(1)}`,
  }),
  ...defineCases<SearchState>({
    name: `search ${REGISTRATIONS.toLocaleString('en')} registrations, accent-insensitive, with count and first window`,
    setup: searchSetup,
    run: async (s) => {
      const r = await invoke(s.core.ctx, 'registrations:list', { ...SEARCHES[s.i++ % SEARCHES.length], limit: 100 });
      if (!r.ok) throw new Error(r.error.message);
      s.lastTotal = r.value.total;
    },
    teardown: searchTeardown,
    iterations: 200,
    warmup: 20,
    target: { medianMs: 20 },
    notes: () =>
      `${SEARCHES.length} queries in turn: plain, accented, NFD, one letter "d" (matches đ), no match, with filters; load average ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} cores at the end`,
  }),
  ...defineCases<SearchState>({
    name: `scroll ${REGISTRATIONS.toLocaleString('en')} registrations: windows of 100 at random offsets, sorted by product`,
    setup: searchSetup,
    run: async (s) => {
      const offset = (s.i++ * 7919) % (REGISTRATIONS - 100);
      const r = await invoke(s.core.ctx, 'registrations:list', { sort: 'product', offset, limit: 100 });
      if (!r.ok) throw new Error(r.error.message);
    },
    teardown: searchTeardown,
    iterations: 200,
    warmup: 20,
    target: { medianMs: 20 },
    notes: () => `what the virtualised list asks for while the user scrolls; load average ${os.loadavg()[0]!.toFixed(1)}`,
  }),
  ...defineCases<SearchState>({
    name: `search ${PRODUCERS.toLocaleString('en')} producers (producers list), accent-insensitive, with filters, count and first window`,
    setup: searchSetup,
    run: async (s) => {
      const r = await invoke(s.core.ctx, 'producers:list', {
        ...PRODUCER_SEARCHES[s.i++ % PRODUCER_SEARCHES.length],
        limit: 100,
      });
      if (!r.ok) throw new Error(r.error.message);
      s.lastTotal = r.value.total;
    },
    teardown: searchTeardown,
    iterations: 200,
    warmup: 20,
    target: { medianMs: 20 },
    notes: () =>
      `${PRODUCER_SEARCHES.length} queries in turn: words, accented, NFD, "d", no match, kind, round (EXISTS through products); load average ${os.loadavg()[0]!.toFixed(1)}`,
  }),
  ...defineCases<JobState>({
    name: `import job of ${REGISTRATIONS.toLocaleString('en')} registrations polled every 200 ms like the UI (dossiers:importStart → importStatus)`,
    setup: async () => {
      const file = await theWorkbook();
      const dirs = [tempDir('ocop-bench-')];
      return {
        file,
        dirs,
        cores: await Promise.all(dirs.map((d) => fileCore(d))),
        next: 0,
        registrations: 0,
        worstPollMs: 0,
        polls: 0,
        writeMs: 0,
      };
    },
    run: async (s) => {
      const core = s.cores[s.next++]!;
      const started = await invoke(core.ctx, 'dossiers:importStart', {
        contentBase64: s.file.toString('base64'),
        fileName: 'bench.xlsx',
      });
      if (!started.ok) throw new Error(started.error.message);
      let writeFrom = 0;
      for (;;) {
        const t0 = performance.now();
        await new Promise((r) => setTimeout(r, 200));
        const st = await invoke(core.ctx, 'dossiers:importStatus', { jobId: started.value.jobId });
        // How late the 200 ms timer fired and the answer came: a pause of the event loop.
        const late = performance.now() - t0 - 200;
        if (!st.ok) throw new Error(st.error.message);
        s.polls++;
        if (st.value.phase === 'write' && writeFrom === 0) writeFrom = performance.now();
        if (st.value.phase === 'done') {
          s.registrations = st.value.result!.registrations.created;
          if (writeFrom) s.writeMs = performance.now() - writeFrom;
          break;
        }
        if (st.value.phase === 'failed' || st.value.phase === 'cancelled')
          throw new Error(`import job ${st.value.phase}: ${st.value.error?.message ?? ''}`);
        // Only parse/validate count: the write is one transaction and holds the loop on purpose.
        if (st.value.phase === 'parse' || st.value.phase === 'validate') s.worstPollMs = Math.max(s.worstPollMs, late);
      }
    },
    teardown: (s) => {
      for (const c of s.cores) c.close();
      for (const d of s.dirs) fs.rmSync(d, { recursive: true, force: true });
    },
    iterations: 1,
    warmup: 0,
    notes: (s) =>
      `${s.registrations} registrations; ${s.polls} polls; latest status answer while parsing/validating (beyond the 200 ms timer) ${s.worstPollMs.toFixed(1)} ms; write phase seen for ≥ ${(s.writeMs / 1000).toFixed(1)} s (one transaction, the loop is busy); load average ${os.loadavg()[0]!.toFixed(1)}`,
  }),
];
