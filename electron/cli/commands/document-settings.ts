import fs from 'node:fs';
import {
  NumberedKind,
  SettingsKind,
  type DocumentSettingsView,
  type NumberSeriesView,
} from '../../../shared/api/channels/document-settings';
import { invoke } from '../../core/api';
import type { CliCommand, CliRun } from '../command';
import { unwrap } from '../unwrap';
import { count } from '../../../shared/text/plural';

const num = (r: CliRun, name: string): number | undefined =>
  typeof r.values[name] === 'string' ? Number(r.values[name]) : undefined;

function viewText(v: DocumentSettingsView): string {
  const s = v.settings;
  const lines = [
    `${v.kind} of session ${v.sessionId}: ${v.stored ? `saved ${v.updatedAt} by ${v.updatedBy}` : 'defaults (nothing saved)'}${v.locked ? ' — read-only, the session is finalized' : ''}`,
    `  header:     ${[...s.parentLines, ...s.bodyLines].join(' / ')}`,
    `  number:     Số: ${v.numberText}${v.series ? `   (series ${v.series.pattern}, next ${v.series.nextNumber} in ${v.series.year})` : ''}`,
    `  place/date: ${s.place}, ${s.date ?? '(blank)'}${s.showPlaceDate ? '' : ' (not printed)'}`,
    `  recipients: ${s.recipients.join('; ') || '(none)'}`,
    `  signer:     ${[s.signer.authority, s.signer.title, s.signer.officeLine].filter(Boolean).join(' / ')} — ${s.signer.name || '(blank)'}`,
  ];
  if (s.minutes) {
    const m = s.minutes;
    lines.push(
      `  minutes:    closes ${m.endTime ?? '(blank)'}; ${count(m.discussions.length, 'discussion')}, ${count(m.opinions.length, 'opinion')}, ${count(m.conclusions.length, 'extra conclusion')}; vote ${m.vote ? `${m.vote.for}/${m.vote.against}/${m.vote.abstain}` : 'none'}`,
    );
  }
  return lines.join('\n');
}

const seriesText = (list: NumberSeriesView[]): string =>
  list.map((s) => `${s.kind}: ${s.pattern}${s.custom ? '' : ' (default)'}, next ${s.nextNumber} in ${s.year}`).join('\n');

/**
 * Print settings of a session's documents and the council's number series, through the same
 * channels as the Văn bản screen: `documents settings`, `documents number`, `documents series`.
 */
export const documentSettingsCommands: CliCommand[] = [
  {
    name: 'documents settings',
    usage:
      'documents settings --session ID [--kind minutes|summary|decision|certificate] [--save FILE.json] [--data-dir DIR] [--json]',
    summary:
      'Shows the print settings of a session’s documents (header, number, place, date, recipients, signer, minutes content); --save stores a JSON file as the settings of --kind',
    options: { session: { type: 'string' }, kind: { type: 'string' }, save: { type: 'string' } },
    run: async (r) => {
      const sessionId = num(r, 'session');
      if (sessionId === undefined) {
        r.io.error('documents settings: --session ID is required (the session whose documents to show)');
        return 2;
      }
      const kind = r.values.kind === undefined ? null : SettingsKind.safeParse(r.values.kind);
      if (kind && !kind.success) {
        r.io.error(
          `documents settings: --kind must be one of ${SettingsKind.options.join(', ')} (got ${JSON.stringify(r.values.kind)})`,
        );
        return 2;
      }
      const core = await r.core();
      if (typeof r.values.save === 'string') {
        if (!kind) {
          r.io.error('documents settings: --save needs --kind (the document whose settings the file holds)');
          return 2;
        }
        let settings: unknown;
        try {
          settings = JSON.parse(fs.readFileSync(r.values.save, 'utf8'));
        } catch (e) {
          r.io.error(
            `documents settings: cannot read ${r.values.save} as JSON (${(e as Error).message}); write the "settings" object that documents settings --json prints`,
          );
          return 2;
        }
        const saved = unwrap(
          await invoke(core.ctx, 'documents:saveSettings', { sessionId, kind: kind.data, settings: settings as never }),
        );
        r.io.result(saved, viewText);
        return 0;
      }
      const kinds = kind ? [kind.data] : SettingsKind.options;
      const views: DocumentSettingsView[] = [];
      for (const k of kinds) views.push(unwrap(await invoke(core.ctx, 'documents:settings', { sessionId, kind: k })));
      r.io.result(kind ? views[0] : views, (v: DocumentSettingsView | DocumentSettingsView[]) =>
        Array.isArray(v) ? v.map(viewText).join('\n\n') : viewText(v),
      );
      return 0;
    },
  },
  {
    name: 'documents number',
    usage: 'documents number --session ID --kind minutes|decision [--data-dir DIR] [--json]',
    summary: 'Takes the next number of the council’s series for the session’s minutes or draft decision (never reused)',
    options: { session: { type: 'string' }, kind: { type: 'string' } },
    run: async (r) => {
      const sessionId = num(r, 'session');
      const kind = NumberedKind.safeParse(r.values.kind);
      if (sessionId === undefined || !kind.success) {
        r.io.error(
          `documents number: give --session ID and --kind ${NumberedKind.options.join('|')}, e.g. documents number --session 1 --kind minutes`,
        );
        return 2;
      }
      const core = await r.core();
      const v = unwrap(await invoke(core.ctx, 'documents:allocateNumber', { sessionId, kind: kind.data }));
      r.io.result(v, (x: DocumentSettingsView) => `Số: ${x.numberText}`);
      return 0;
    },
  },
  {
    name: 'documents series',
    usage:
      'documents series --council ID [--year YYYY] [--kind minutes|decision --pattern "{n}/BB-HĐ" [--next N]] [--data-dir DIR] [--json]',
    summary:
      'Shows a council’s document-number series; with --kind and --pattern sets the format ({n}, {year}) and optionally moves the next number forward',
    options: {
      council: { type: 'string' },
      year: { type: 'string' },
      kind: { type: 'string' },
      pattern: { type: 'string' },
      next: { type: 'string' },
    },
    run: async (r) => {
      const councilId = num(r, 'council');
      if (councilId === undefined) {
        r.io.error('documents series: --council ID is required');
        return 2;
      }
      const year = num(r, 'year');
      const core = await r.core();
      if (r.values.kind !== undefined || r.values.pattern !== undefined) {
        const kind = NumberedKind.safeParse(r.values.kind);
        if (!kind.success || typeof r.values.pattern !== 'string') {
          r.io.error(
            `documents series: setting a series needs --kind ${NumberedKind.options.join('|')} and --pattern, e.g. --kind minutes --pattern "{n}/BB-HĐ"`,
          );
          return 2;
        }
        const next = num(r, 'next');
        const v = unwrap(
          await invoke(core.ctx, 'documents:setNumberSeries', {
            councilId,
            kind: kind.data,
            pattern: r.values.pattern,
            ...(year !== undefined ? { year } : {}),
            ...(next !== undefined ? { nextNumber: next } : {}),
          }),
        );
        r.io.result(v, (x: NumberSeriesView) => seriesText([x]));
        return 0;
      }
      const list = unwrap(
        await invoke(core.ctx, 'documents:numberSeries', { councilId, ...(year !== undefined ? { year } : {}) }),
      );
      r.io.result(list, seriesText);
      return 0;
    },
  },
];
