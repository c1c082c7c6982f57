import fs from 'node:fs';
import path from 'node:path';
import type { CriteriaSetVersion } from '../../../shared/ocop/criteria-set';
import { levelsByCase } from '../../../shared/ocop/criteria-set-walk';
import { invoke } from '../../core/api';
import { CoreError } from '../../core/errors';
import type { CliCommand, CliRun } from '../command';
import { unwrap } from '../unwrap';

const versionId = (r: CliRun, usage: string): number | null => {
  const raw = r.positionals[0];
  const id = raw !== undefined && /^\d+$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isInteger(id) || id < 1) {
    r.io.error(`Give the id of a stored criteria set version (see "criteria list"), e.g. ${usage}`);
    return null;
  }
  return id;
};

/** The form as text: parts, groups, criteria, levels with points and star marks, rules, anomalies. */
function formText(v: CriteriaSetVersion): string {
  const s = v.content;
  const out: string[] = [
    `${s.name} — ${s.decision}${s.setNo ? `, bộ ${s.setNo}` : ''} (${s.setKey} v${v.version}, ${v.contentHash.slice(0, 12)}${v.locked ? ', đã khóa' : ''})`,
  ];
  if (s.classification)
    out.push(
      `Phân loại: ${[s.classification.nganh, s.classification.nhom, s.classification.phanNhom].filter(Boolean).join(' › ')} — ${s.classification.ministries.join('; ')}`,
    );
  for (const d of s.disqualifiers) out.push(d);
  for (const p of s.parts) {
    out.push('', `PHẦN ${p.code}. ${p.title} (${p.max} điểm)`);
    for (const g of p.groups) {
      const single = g.criteria.length === 1 && g.criteria[0]!.code === g.code;
      if (!single) out.push(`  ${g.code}. ${g.title} (${g.max})`);
      for (const c of g.criteria) {
        out.push(
          `${single ? '  ' : '    '}${c.code}. ${c.parent ? `[${c.parent.code} ${c.parent.title}] ` : ''}${c.title} (${c.max})${c.possibleTypo ? ' [cần đối chiếu]' : ''}`,
        );
        for (const n of c.notes) out.push(`        ${n}`);
        for (const block of levelsByCase(c)) {
          if (block.case) out.push(`        ${block.case}`);
          for (const { level: l } of block.levels)
            out.push(
              `        □ ${l.text} — ${l.points} điểm${l.minForStars ? ` ${'*'.repeat(l.minForStars)} (${l.minForStars} sao)` : ''}`,
            );
        }
      }
    }
  }
  if (s.rules.length > 0) out.push('', 'Quy tắc:', ...s.rules.map((r) => `  ${r.id}: ${r.sourceText}`));
  if (s.anomalies.length > 0) out.push('', 'Cần đối chiếu văn bản gốc:', ...s.anomalies.map((a) => `  ${a.text}`));
  return out.join('\n');
}

export const criteriaCommands: CliCommand[] = [
  {
    name: 'criteria list',
    usage: 'criteria list [--all] [--data-dir DIR] [--json]',
    summary: 'Stored criteria sets (newest version of each; --all: every version)',
    options: { all: { type: 'boolean' } },
    run: async (r) => {
      const core = await r.core();
      const list = unwrap(await invoke(core.ctx, 'criteria:list', { allVersions: r.values.all === true }));
      const rows = list.map((s) => ({
        id: s.id,
        setKey: s.setKey,
        decision: s.decision,
        setNo: s.setNo,
        name: s.name,
        version: s.version,
        hash: s.contentHash,
        partMaxima: s.partMaxima,
        total: s.total,
        criterionCount: s.criterionCount,
        starMarkedLevels: s.starMarkedLevels,
        builtIn: s.builtIn,
        used: s.used,
      }));
      r.io.result(rows, (v: typeof rows) =>
        v
          .map(
            (s) =>
              `${String(s.id).padStart(4)}  ${s.setKey.padEnd(16)} v${s.version}  ${s.hash.slice(0, 10)}  A${s.partMaxima.A}/B${s.partMaxima.B}/C${s.partMaxima.C}=${s.total}  ${String(s.criterionCount).padStart(2)} tiêu chí${s.used ? '  [đã dùng]' : ''}  ${s.name}`,
          )
          .join('\n'),
      );
      return 0;
    },
  },
  {
    name: 'criteria show',
    usage: 'criteria show <id> [--data-dir DIR] [--json]',
    summary: 'One criteria set version as the official form (parts, criteria, levels, star marks, rules)',
    run: async (r) => {
      const id = versionId(r, 'criteria show 7');
      if (id === null) return 2;
      const core = await r.core();
      const v = unwrap(await invoke(core.ctx, 'criteria:get', { id }));
      r.io.result(v, formText);
      return 0;
    },
  },
  {
    name: 'criteria import',
    usage: 'criteria import <file.json|file.xlsx> [--data-dir DIR] [--json]',
    summary: 'Import a criteria set (a changed set with an existing key becomes a new version)',
    run: async (r) => {
      const file = r.positionals[0];
      if (!file) {
        r.io.error(
          'criteria import: give the file to import, e.g. criteria import bo-tieu-chi.xlsx (JSON or XLSX, see docs/formats/criteria-set.md)',
        );
        return 2;
      }
      const ext = path.extname(file).toLowerCase();
      if (ext !== '.json' && ext !== '.xlsx') {
        r.io.error(`criteria import: ${file} must end in .json or .xlsx (the format is chosen by the extension)`);
        return 2;
      }
      let bytes: Buffer;
      try {
        bytes = fs.readFileSync(file);
      } catch (e) {
        throw new CoreError('IO', `Cannot read ${file}: ${e instanceof Error ? e.message : String(e)}`);
      }
      const core = await r.core();
      const format = ext === '.json' ? 'json' : 'xlsx';
      const env = await invoke(core.ctx, 'criteria:import', {
        format,
        content: format === 'json' ? bytes.toString('utf8') : bytes.toString('base64'),
        fileName: path.basename(file),
      });
      if (!env.ok && env.error.code === 'IMPORT_INVALID' && !r.json) {
        const errors = (env.error.details?.errors ?? []).slice(0, 200);
        for (const e of errors) r.io.error(`  - [${e.code}] ${e.message}`);
      }
      const res = unwrap(env);
      const word = {
        created: 'Imported as a new set',
        new_version: 'Imported as a new version',
        unchanged: 'Already stored with the same content; nothing changed',
      }[res.outcome];
      r.io.result(
        res,
        (v: typeof res) =>
          `${word}: ${v.version.setKey} v${v.version.version} (id ${v.version.id}, ${v.version.contentHash.slice(0, 12)}) ${v.version.name}`,
      );
      return 0;
    },
  },
  {
    name: 'criteria export',
    usage: 'criteria export <id> --format json|xlsx --out FILE [--data-dir DIR] [--json]',
    summary: 'Write a criteria set version to a JSON or XLSX file',
    options: { format: { type: 'string' }, out: { type: 'string' } },
    run: async (r) => {
      const id = versionId(r, 'criteria export 7 --format xlsx --out bo-7.xlsx');
      if (id === null) return 2;
      const format = r.values.format;
      if (format !== 'json' && format !== 'xlsx') {
        r.io.error('criteria export: --format must be json or xlsx');
        return 2;
      }
      const out = r.values.out;
      if (typeof out !== 'string' || out.trim() === '') {
        r.io.error('criteria export: --out FILE is required (where to write the file)');
        return 2;
      }
      const core = await r.core();
      const file = unwrap(await invoke(core.ctx, 'criteria:export', { id, format }));
      const target = path.resolve(out);
      try {
        fs.writeFileSync(target, file.encoding === 'base64' ? Buffer.from(file.content, 'base64') : file.content);
      } catch (e) {
        throw new CoreError('IO', `Cannot write ${target}: ${e instanceof Error ? e.message : String(e)}`);
      }
      const res = { file: target, format, bytes: fs.statSync(target).size };
      r.io.result(res, (v: typeof res) => `Written ${v.file} (${v.bytes} bytes)`);
      return 0;
    },
  },
];
