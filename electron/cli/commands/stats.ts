import fs from 'node:fs';
import path from 'node:path';
import type { StatsReport } from '../../../shared/api/channels/stats';
import { invoke } from '../../core/api';
import type { CliCommand } from '../command';
import { unwrap } from '../unwrap';

/** `stats --year Y [--to Y2]`: every table of the report as text or JSON, or the report as PDF/XLSX. */

function reportText(r: StatsReport): string {
  const out: string[] = [r.title, `(certificates in force counted on ${r.period.on})`, ''];
  for (const t of r.tables) {
    out.push(t.title);
    const labelWidth = Math.min(48, Math.max(12, ...t.rows.map((x) => x.label.length)));
    const widths = t.columns.map((c, i) => Math.max(c.label.length, ...t.rows.map((x) => x.cells[i]!.text.length)));
    out.push(`  ${''.padEnd(labelWidth)}  ${t.columns.map((c, i) => c.label.padStart(widths[i]!)).join('  ')}`);
    for (const row of t.rows) {
      out.push(
        `  ${row.label.slice(0, labelWidth).padEnd(labelWidth)}  ${row.cells.map((c, i) => c.text.padStart(widths[i]!)).join('  ')}`,
      );
    }
    out.push('');
  }
  return out.join('\n');
}

export const statsCommands: CliCommand[] = [
  {
    name: 'stats',
    usage: 'stats --year Y [--to Y2] [--round N] [--on DATE] [--lang vi|en] [--pdf FILE] [--xlsx FILE] [--json]',
    summary: "The province's OCOP statistics (every table of the report); --pdf/--xlsx write the report",
    options: {
      year: { type: 'string' },
      to: { type: 'string' },
      round: { type: 'string' },
      on: { type: 'string' },
      lang: { type: 'string' },
      pdf: { type: 'string' },
      xlsx: { type: 'string' },
    },
    run: async (r) => {
      if (typeof r.values.year !== 'string') {
        r.io.error('stats: --year is required, e.g. stats --year 2025 or stats --year 2021 --to 2025');
        return 2;
      }
      const period = {
        yearFrom: Number(r.values.year),
        ...(typeof r.values.to === 'string' ? { yearTo: Number(r.values.to) } : {}),
        ...(typeof r.values.round === 'string' ? { roundNo: Number(r.values.round) } : {}),
        ...(typeof r.values.on === 'string' ? { on: r.values.on } : {}),
        ...(typeof r.values.lang === 'string' ? { lang: r.values.lang } : {}),
      };
      const core = await r.core();
      for (const format of ['pdf', 'xlsx'] as const) {
        const target = r.values[format];
        if (typeof target !== 'string') continue;
        const file = unwrap(await invoke(core.ctx, 'stats:export', { period, format }));
        const bytes = Buffer.from(file.contentBase64, 'base64');
        fs.writeFileSync(path.resolve(target), bytes);
        r.io.info(`Written ${path.resolve(target)} (${bytes.byteLength} bytes)`);
      }
      if (typeof r.values.pdf === 'string' || typeof r.values.xlsx === 'string') {
        if (r.json) r.io.result({ written: [r.values.pdf, r.values.xlsx].filter(Boolean) });
        return 0;
      }
      r.io.result(unwrap(await invoke(core.ctx, 'stats:report', period)), reportText);
      return 0;
    },
  },
];
