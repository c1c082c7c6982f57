import { sql } from 'kysely';
import type { ChannelParsedInput } from '../../../shared/api/contract';
import type { DrillResult, StatsCell, StatsReport, StatsRow, StatsTable, StatsTableId } from '../../../shared/api/channels/stats';
import { formatDateVi, formatDateLongEn, formatScaled } from '../../../shared/ocop/format-vi';
import { changeHundredths, formatChange, formatPercent, percentHundredths } from '../../../shared/ocop/percent';
import { PRODUCER_GROUPS } from '../../../shared/ocop/producer-groups';
import { NGANH_NOS } from '../../../shared/ocop/registry-sectors';
import { LEGAL_BASIS_IDS } from '../../../shared/ocop/legal-basis';
import { vnToday } from '../../../shared/ocop/vn-time';
import type { CoreContext } from '../context';
import { classificationTree } from '../dossiers/classification-tree';
import { CoreError } from '../errors';
import { communeLabel, isFormerCommuneKey, selectEntries, toEntry, type Db } from '../registry/entry-repo';
import { listTargets } from '../registry/settings-service';
import { statsT, type StatsKey } from '../registry/registry-t';
import {
  ALL,
  and,
  cellQuery,
  countTable,
  inForce,
  kindIs,
  NOT_RANKED,
  periodBase,
  PROPOSED,
  RANKED,
  starIs,
  TOTAL_KEY,
  TRUE,
  type ColSpec,
  type Counts,
  type Measure,
  type Period,
  type TableSpec,
} from './measures';

type Lang = 'vi' | 'en';
type T = ReturnType<typeof statsT>;

export function resolvePeriod(ctx: CoreContext, p: ChannelParsedInput<'stats:report'>): Period & { lang: Lang } {
  const yearTo = p.yearTo ?? p.yearFrom;
  const today = vnToday(ctx.now());
  const end = `${yearTo}-12-31`;
  return { yearFrom: p.yearFrom, yearTo, roundNo: p.roundNo ?? null, on: p.on ?? (end < today ? end : today), lang: p.lang };
}

const NHOM_NAMES: string[] = classificationTree.nganh.flatMap((n) => n.nhom.map((m) => m.name));

const count = (measure: Measure, key: string, pred = RANKED): ColSpec => ({ key, kind: 'measure', measure, pred });
const pct = (of: string, key = 'percent'): ColSpec => ({ key, kind: 'percent', of, over: 'total' });

/** Every table of the report for a period. */
export async function tableSpecs(db: Db, p: Period): Promise<TableSpec[]> {
  const base = periodBase(p);
  const targets = await listTargets(db);
  return [
    {
      id: 'overview',
      base,
      rows: [
        { key: 'entered', pred: TRUE, measure: 'entries' },
        { key: 'ranked', pred: RANKED, measure: 'entries' },
        { key: 'proposed', pred: PROPOSED, measure: 'entries' },
        { key: 'notRanked', pred: NOT_RANKED, measure: 'entries' },
        { key: 'products', pred: RANKED, measure: 'products' },
        { key: 'producers', pred: RANKED, measure: 'producers' },
      ],
      columns: [{ key: 'value', kind: 'rowMeasure' }],
      total: false,
    },
    {
      id: 'byYear',
      base,
      group: sql`CAST(e.year AS TEXT)`,
      columns: [
        count('entries', 'entered', TRUE),
        count('entries', 'ranked'),
        count('entries', 'star3', starIs(3)),
        count('entries', 'star4', starIs(4)),
        count('entries', 'star5', starIs(5)),
        count('entries', 'first', kindIs('first')),
        count('entries', 'upgrade', kindIs('upgrade')),
        count('entries', 'reevaluation', kindIs('reevaluation')),
        count('entries', 'proposed', PROPOSED),
        count('entries', 'notRanked', NOT_RANKED),
        { key: 'change', kind: 'change', of: 'ranked' },
        { key: 'changePercent', kind: 'changePercent', of: 'ranked' },
      ],
      total: true,
    },
    {
      id: 'byStar',
      base,
      group: sql`CAST(e.star AS TEXT)`,
      columns: [count('entries', 'count'), pct('count')],
      total: true,
    },
    {
      id: 'bySector',
      base,
      group: sql`COALESCE(e.nganh_no, '')`,
      columns: [
        count('entries', 'count'),
        pct('count'),
        count('entries', 'star3', starIs(3)),
        count('entries', 'star4', starIs(4)),
        count('entries', 'star5', starIs(5)),
      ],
      total: true,
    },
    { id: 'byGroup', base, group: sql`COALESCE(e.nhom, '')`, columns: [count('entries', 'count'), pct('count')], total: true },
    {
      id: 'byProducerKind',
      base,
      group: sql`COALESCE(e.producer_group, '')`,
      columns: [count('entries', 'count'), pct('count')],
      total: true,
    },
    {
      id: 'producers',
      base,
      group: sql`COALESCE(e.producer_group, '')`,
      columns: [count('producers', 'producers'), pct('producers')],
      total: true,
    },
    { id: 'byCommune', base, group: sql`e.commune_key`, columns: [count('entries', 'count'), pct('count')], total: true },
    {
      id: 'byDistrict',
      base: and(base, sql`e.district_text <> ''`),
      group: sql`e.district_text`,
      columns: [count('entries', 'count'), pct('count')],
      total: true,
    },
    {
      id: 'inclusion',
      base,
      rows: [
        { key: 'womenLed', pred: RANKED },
        { key: 'ethnicMinority', pred: RANKED },
      ],
      columns: [
        {
          key: 'yes',
          kind: 'measure',
          measure: 'entries',
          pred: (r) => (r === 'womenLed' ? sql`e.women_led = 1` : sql`e.ethnic_minority = 1`),
        },
        {
          key: 'recorded',
          kind: 'measure',
          measure: 'entries',
          pred: (r) => (r === 'womenLed' ? sql`e.women_led IS NOT NULL` : sql`e.ethnic_minority IS NOT NULL`),
        },
        { key: 'percent', kind: 'percent', of: 'yes', over: 'recorded' },
      ],
      total: false,
    },
    {
      id: 'validOn',
      base: ALL,
      group: sql`CAST(e.star AS TEXT)`,
      columns: [count('entries', 'valid', inForce(p.on)), pct('valid')],
      total: true,
    },
    { id: 'byBasis', base, group: sql`e.legal_basis`, columns: [count('entries', 'count'), pct('count')], total: true },
    {
      id: 'targets',
      base: ALL,
      rows: targets.map((t) => {
        const upTo = Math.min(t.targetYear, p.yearTo);
        const stars = sql`e.star >= ${t.minStar}`;
        const pred =
          t.metric === 'products_valid'
            ? and(inForce(p.on), stars)
            : and(RANKED, stars, sql`e.year BETWEEN ${t.fromYear} AND ${upTo}`);
        return {
          key: String(t.id),
          pred,
          measure: t.metric === 'producers_recognised' ? ('producers' as const) : ('products' as const),
          number: t.targetCount,
        };
      }),
      columns: [
        { key: 'target', kind: 'number' },
        { key: 'achieved', kind: 'rowMeasure' },
        { key: 'percent', kind: 'percent', of: 'achieved', over: 'target' },
        { key: 'remaining', kind: 'number' },
      ],
      total: false,
    },
  ];
}

// ───────────────────────────── labels and order of rows ─────────────────────────────

async function communeLabels(db: Db): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom('registry_entry')
    .select(['commune_key', 'commune_name', 'commune_text', 'district_text', 'commune_code'])
    .groupBy('commune_key')
    .execute();
  return new Map(rows.map((r) => [r.commune_key, communeLabel(r)]));
}

interface RowPlan {
  key: string;
  label: string;
}

function rowPlan(
  id: StatsTableId,
  counts: Counts,
  p: Period,
  t: T,
  extra: { communes: Map<string, string>; targets: Map<string, string> },
): RowPlan[] {
  const present = [...counts.keys()].filter((k) => k !== TOTAL_KEY);
  const nonEmpty = (k: string) => [...(counts.get(k)?.values() ?? [])].some((v) => v > 0);
  switch (id) {
    case 'overview':
      return ['entered', 'ranked', 'proposed', 'notRanked', 'products', 'producers'].map((k) => ({
        key: k,
        label: t(`overview.${k}` as StatsKey),
      }));
    case 'byYear': {
      const out: RowPlan[] = [];
      for (let y = p.yearFrom; y <= p.yearTo; y++) out.push({ key: String(y), label: String(y) });
      return out;
    }
    case 'byStar':
    case 'validOn':
      return ['3', '4', '5'].map((k) => ({ key: k, label: t('stars', { count: Number(k) }) }));
    case 'bySector':
      return [
        ...NGANH_NOS.map((no) => ({ key: no, label: `${no}. ${t(`sectors.${no}` as StatsKey)}` })),
        ...unknownRow('', present, nonEmpty, t),
      ];
    case 'byGroup':
      return [
        ...NHOM_NAMES.map((name, i) => ({ key: name, label: t(`nhom.n${i + 1}` as StatsKey) })).filter((r) => nonEmpty(r.key)),
        ...present.filter((k) => k !== '' && !NHOM_NAMES.includes(k) && nonEmpty(k)).map((k) => ({ key: k, label: k })),
        ...unknownRow('', present, nonEmpty, t),
      ];
    case 'byProducerKind':
    case 'producers':
      return [
        ...PRODUCER_GROUPS.map((g) => ({ key: g, label: t(`groups.${g}` as StatsKey) })),
        ...unknownRow('', present, nonEmpty, t, 'notRecorded'),
      ];
    case 'byCommune':
      return present
        .filter(nonEmpty)
        .map((k) => ({ key: k, label: `${extra.communes.get(k) ?? k}${isFormerCommuneKey(k) ? t('formerCommune') : ''}` }))
        .sort((a, b) => a.label.localeCompare(b.label, 'vi'));
    case 'byDistrict':
      return present
        .filter(nonEmpty)
        .map((k) => ({ key: k, label: k }))
        .sort((a, b) => a.label.localeCompare(b.label, 'vi'));
    case 'inclusion':
      return ['womenLed', 'ethnicMinority'].map((k) => ({ key: k, label: t(`inclusion.${k}` as StatsKey) }));
    case 'byBasis':
      return [...LEGAL_BASIS_IDS].reverse().map((b) => ({ key: b, label: b }));
    case 'targets':
      return [...extra.targets.entries()].map(([key, label]) => ({ key, label }));
  }
}

function unknownRow(
  key: string,
  present: string[],
  nonEmpty: (k: string) => boolean,
  t: T,
  word: 'unknown' | 'notRecorded' = 'unknown',
): RowPlan[] {
  return present.includes(key) && nonEmpty(key) ? [{ key, label: t(word) }] : [];
}

// ───────────────────────────── cells ─────────────────────────────

const num = (n: number, lang: Lang): string => formatScaled(n, 0, { locale: lang });

function buildTable(
  spec: TableSpec,
  counts: Counts,
  plan: RowPlan[],
  t: T,
  lang: Lang,
  p: Period,
  prevRanked: number,
): StatsTable {
  const columns = spec.columns.map((c) => ({
    key: c.key,
    label: c.key === 'value' ? t('columns.count') : t(`columns.${c.key}` as StatsKey),
    kind:
      c.kind === 'measure'
        ? c.measure === 'entries'
          ? ('count' as const)
          : c.measure
        : c.kind === 'rowMeasure'
          ? ('count' as const)
          : c.kind === 'changePercent'
            ? ('change' as const)
            : c.kind,
  }));
  const value = (rowKey: string, colKey: string, listed?: { number?: number }): number | null => {
    const col = spec.columns.find((c) => c.key === colKey);
    if (col?.kind === 'number') {
      if (colKey === 'remaining') {
        const target = listed?.number ?? 0;
        return Math.max(0, target - (counts.get(rowKey)?.get('achieved') ?? 0));
      }
      return listed?.number ?? null;
    }
    return counts.get(rowKey)?.get(colKey) ?? 0;
  };
  const rows: StatsRow[] = [];
  const keys = [
    ...plan.map((r) => ({ ...r, total: false })),
    ...(spec.total ? [{ key: TOTAL_KEY, label: t('total'), total: true }] : []),
  ];
  let previous = prevRanked;
  for (const r of keys) {
    const listed = spec.rows?.find((x) => x.key === r.key);
    const cells: StatsCell[] = spec.columns.map((c) => {
      switch (c.kind) {
        case 'measure':
        case 'rowMeasure': {
          const v = value(r.key, c.key) ?? 0;
          return { value: v, text: num(v, lang), drill: v > 0 };
        }
        case 'number': {
          const v = value(r.key, c.key, listed);
          return { value: v, text: v === null ? '' : num(v, lang), drill: false };
        }
        case 'percent': {
          const part = value(r.key, c.of) ?? 0;
          const overCol = spec.columns.find((x) => x.key === c.over);
          const whole =
            c.over === 'total'
              ? (value(TOTAL_KEY, c.of) ?? 0)
              : (value(r.key, c.over, overCol?.kind === 'number' ? listed : undefined) ?? 0);
          return { value: percentHundredths(part, whole), text: formatPercent(part, whole, lang), drill: part > 0 };
        }
        case 'change':
        case 'changePercent': {
          if (r.total) return { value: null, text: '', drill: false };
          const now = value(r.key, c.of) ?? 0;
          if (c.kind === 'change') {
            const d = now - previous;
            return { value: d, text: d > 0 ? `+${num(d, lang)}` : num(d, lang), drill: false };
          }
          return { value: changeHundredths(previous, now), text: formatChange(previous, now, lang), drill: false };
        }
      }
    });
    if (spec.id === 'byYear' && !r.total) previous = value(r.key, 'ranked') ?? 0;
    rows.push({ key: r.key, label: r.label, total: r.total, cells });
  }
  const noteKey = (
    {
      byYear: 'notes.byYear',
      byStar: 'notes.percent',
      bySector: 'notes.bySector',
      byGroup: 'notes.byGroup',
      byCommune: 'notes.byCommune',
      producers: 'notes.producers',
      inclusion: 'notes.inclusion',
      validOn: 'notes.validOn',
      targets: 'notes.targets',
    } as Partial<Record<StatsTableId, StatsKey>>
  )[spec.id];
  return {
    id: spec.id,
    title:
      spec.id === 'validOn'
        ? t('tables.validOn', { date: lang === 'vi' ? formatDateVi(p.on) : formatDateLongEn(p.on) })
        : t(`tables.${spec.id}` as StatsKey),
    note: noteKey ? t(noteKey) : null,
    columns,
    rows,
  };
}

export function reportTitle(p: Period, t: T): string {
  const base =
    p.yearFrom === p.yearTo
      ? t('reportTitleYear', { year: p.yearFrom })
      : t('reportTitleRange', { from: p.yearFrom, to: p.yearTo });
  return p.roundNo === null ? base : base + t('roundSuffix', { round: p.roundNo });
}

export async function statsReport(ctx: CoreContext, input: ChannelParsedInput<'stats:report'>): Promise<StatsReport> {
  return buildReport(ctx.db, resolvePeriod(ctx, input));
}

interface Context {
  communes: Map<string, string>;
  targets: Map<string, string>;
  prevRanked: number;
}

async function contextOf(db: Db, p: Period & { lang: Lang }, t: T): Promise<Context> {
  const targets = new Map(
    (await listTargets(db)).map((x) => [
      String(x.id),
      t('targetLabel', {
        label: x.label,
        count: num(x.targetCount, p.lang),
        metric: t(`metric.${x.metric}` as StatsKey, { star: x.minStar }),
        from: x.fromYear,
        to: x.targetYear,
      }),
    ]),
  );
  // The year before the period, for the first row's change.
  const prev = await sql<{ n: number }>`SELECT COUNT(*) AS n FROM registry_entry e
    WHERE ${periodBase({ ...p, yearFrom: p.yearFrom - 1, yearTo: p.yearFrom - 1 })} AND ${RANKED}`.execute(db);
  return { communes: await communeLabels(db), targets, prevRanked: Number(prev.rows[0]?.n ?? 0) };
}

async function renderTable(db: Db, spec: TableSpec, p: Period & { lang: Lang }, t: T, c: Context): Promise<StatsTable> {
  const counts = await countTable(db, spec);
  return buildTable(spec, counts, rowPlan(spec.id, counts, p, t, c), t, p.lang, p, c.prevRanked);
}

export async function buildReport(db: Db, p: Period & { lang: Lang }): Promise<StatsReport> {
  const t = statsT(p.lang);
  const c = await contextOf(db, p, t);
  const tables: StatsTable[] = [];
  for (const spec of await tableSpecs(db, p)) tables.push(await renderTable(db, spec, p, t, c));
  return {
    period: { yearFrom: p.yearFrom, yearTo: p.yearTo, roundNo: p.roundNo, on: p.on, lang: p.lang },
    title: reportTitle(p, t),
    tables,
  };
}

// ───────────────────────────── drill-down ─────────────────────────────

export async function drill(ctx: CoreContext, input: ChannelParsedInput<'stats:drill'>): Promise<DrillResult> {
  const p = resolvePeriod(ctx, input.period);
  const t = statsT(p.lang);
  const specs = await tableSpecs(ctx.db, p);
  const spec = specs.find((s) => s.id === input.table)!;
  const q = cellQuery(spec, input.row, input.column);
  if (!q) {
    throw new CoreError(
      'VALIDATION',
      `stats:drill: table ${input.table} has no counted number at row "${input.row}", column "${input.column}" (targets, remainders and changes are not lists of products)`,
      { table: input.table, row: input.row, column: input.column },
    );
  }
  const agg =
    q.measure === 'entries'
      ? sql<number>`COUNT(*)`
      : q.measure === 'producers'
        ? sql<number>`COUNT(DISTINCT e.producer_key)`
        : sql<number>`COUNT(DISTINCT e.root_id)`;
  const totals = await sql<{
    n: number;
    v: number;
  }>`SELECT COUNT(*) AS n, ${agg} AS v FROM registry_entry e WHERE ${q.where}`.execute(ctx.db);
  const rows = await selectEntries(ctx.db)
    .where(q.where as never)
    .orderBy('e.commune_key')
    .orderBy('e.search_folded')
    .orderBy('e.id')
    .limit(input.limit)
    .offset(input.offset)
    .execute();
  const table = await renderTable(ctx.db, spec, p, t, await contextOf(ctx.db, p, t));
  const row = table.rows.find((r) => r.key === input.row);
  const col = table.columns.find((c) => c.key === input.column);
  return {
    table: input.table,
    title: table.title,
    rowLabel: row?.label ?? (input.row === TOTAL_KEY ? t('total') : input.row),
    columnLabel: col?.label ?? input.column,
    measure: q.measure,
    value: Number(totals.rows[0]?.v ?? 0),
    total: Number(totals.rows[0]?.n ?? 0),
    offset: input.offset,
    rows: rows.map((r) => toEntry(r, p.on)),
  };
}
