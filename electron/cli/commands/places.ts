import fs from 'node:fs';
import path from 'node:path';
import type { CommuneHit, CommuneListInfo, Province } from '../../../shared/api/channels/places';
import type { ImportRowError } from '../../../shared/api/fields';
import { invoke } from '../../core/api';
import { CoreError } from '../../core/errors';
import type { CliCommand } from '../command';
import { unwrap } from '../unwrap';
import { count } from '../../../shared/text/plural';

/** Where a province gets the list, said wherever the list is missing. */
export const WHERE_TO_GET =
  'Get it from the statistics office: danhmuchanhchinh.nso.gov.vn (Danh mục đơn vị hành chính) → "Xuất Excel"; then run: places import <file>';

const provincesText = (v: { current: Province[]; former: Province[] }, former: boolean): string =>
  (former ? v.former : v.current)
    .map((p) =>
      former
        ? `${p.code}  ${p.name}  → ${p.mergedInto}`
        : `${p.code}  ${p.name}${p.formedFrom && p.formedFrom.length > 1 ? `  (from ${p.formedFrom.join(', ')})` : ''}`,
    )
    .join('\n');

const errorLine = (e: ImportRowError) =>
  `  ${[e.sheet, e.row && `row ${e.row}`, e.column && `column "${e.column}"`].filter(Boolean).join(', ')}: ${e.message}`;

export const placesCommands: CliCommand[] = [
  {
    name: 'places provinces',
    usage: 'places provinces [--former] [--json]',
    summary: 'The 34 provinces and cities in force since 1/7/2025 with their codes (--former: the 63 before)',
    options: { former: { type: 'boolean' } },
    run: async (r) => {
      const core = await r.core();
      const v = unwrap(await invoke(core.ctx, 'places:provinces', {}));
      r.io.result(v, (x: typeof v) => provincesText(x, r.values.former === true));
      return 0;
    },
  },
  {
    name: 'places import',
    usage: 'places import <danh-muc.xls|.xlsx|.csv> [--dry-run] [--data-dir DIR] [--json]',
    summary: "Install the statistics office's commune list (replaces the list in force; all or nothing)",
    options: { 'dry-run': { type: 'boolean' } },
    run: async (r) => {
      const file = r.positionals[0];
      if (!file) {
        r.io.error(`places import: give the exported list, e.g. places import Danh-sach-xa.xls. ${WHERE_TO_GET}`);
        return 2;
      }
      let content: Buffer;
      try {
        content = fs.readFileSync(file);
      } catch (e) {
        throw new CoreError('IO', `Cannot read ${path.resolve(file)}: ${e instanceof Error ? e.message : String(e)}`);
      }
      const core = await r.core();
      const env = await invoke(core.ctx, 'places:importCommunes', {
        fileName: path.basename(file),
        contentBase64: content.toString('base64'),
        dryRun: r.values['dry-run'] === true,
      });
      if (!env.ok && env.error.code === 'IMPORT_INVALID' && !r.json) {
        const errors = env.error.details?.errors ?? [];
        r.io.info(`${count(errors.length, 'problem')}; nothing was imported:`);
        for (const e of errors.slice(0, 50)) r.io.info(errorLine(e));
        if (errors.length > 50) r.io.info(`  … and ${errors.length - 50} more`);
        return 1;
      }
      const v = unwrap(env);
      r.io.result(v, (x: typeof v) =>
        [
          `${x.dryRun ? 'Checked (nothing written)' : 'Imported'}: ${count(x.communes, 'commune')} in ${count(x.byProvince.length, 'province')} from a .${x.format} file (SHA-256 ${x.fileSha256.slice(0, 16)}…)${x.replaced ? `, replacing ${x.replaced}` : ''}`,
          ...x.byProvince.map((p) => `  ${p.code} ${p.name}: ${p.communes}`),
        ].join('\n'),
      );
      return 0;
    },
  },
  {
    name: 'places search',
    usage: 'places search <name or code> [--province CODE] [--limit N] [--json]',
    summary: 'Find a commune by name without accents ("tan thanh") or by the start of its code',
    options: { province: { type: 'string' }, limit: { type: 'string' } },
    run: async (r) => {
      const core = await r.core();
      const v = unwrap(
        await invoke(core.ctx, 'places:searchCommunes', {
          query: r.positionals.join(' '),
          ...(typeof r.values.province === 'string' ? { provinceCode: r.values.province } : {}),
          ...(typeof r.values.limit === 'string' ? { limit: Number(r.values.limit) } : {}),
        }),
      );
      if (!v.listLoaded && !r.json) {
        r.io.error(`No commune list is installed yet. ${WHERE_TO_GET}`);
        return 1;
      }
      r.io.result(v, (x: typeof v) =>
        x.communes.length === 0
          ? 'No commune matches.'
          : x.communes.map((c: CommuneHit) => `${c.code}  ${c.name}  — ${c.provinceName} (${c.provinceCode})`).join('\n'),
      );
      return 0;
    },
  },
  {
    name: 'places status',
    usage: 'places status [--json]',
    summary: 'Which commune list is installed (file, SHA-256, when, by whom)',
    run: async (r) => {
      const core = await r.core();
      const v = unwrap(await invoke(core.ctx, 'places:communeList', {}));
      r.io.result(v, (x: CommuneListInfo | null) =>
        x
          ? `${count(x.communes, 'commune')} in ${count(x.provinces, 'province')} from ${x.fileName} (SHA-256 ${x.sha256.slice(0, 16)}…), imported ${x.importedAt} by ${x.importedBy}`
          : `No commune list is installed yet. ${WHERE_TO_GET}`,
      );
      return 0;
    },
  },
];
