/**
 * The statistics' charts as Apache ECharts options, built from the report's tables: the same
 * options draw the app's charts (canvas) and the PDF report's (SVG rendered on the server), so the
 * picture in the printed report is the one on the screen. Pure data → options; no DOM.
 * Every series carries its numbers as labels and the legend names it: nothing is told by colour alone.
 */
import type { EChartsCoreOption } from 'echarts/core';
import type { StatsReport, StatsTable } from '../api/channels/stats';
import { formatNumber } from '../ocop/format-vi';

export type ChartId = 'byYear' | 'byStar' | 'bySector' | 'byProducerKind';
export const CHART_IDS: readonly ChartId[] = ['byYear', 'byStar', 'bySector', 'byProducerKind'];

export interface ChartTexts {
  title: (id: ChartId) => string;
  entered: string;
}

/** Grey-safe palette: distinct in lightness as well as hue (prints on black-and-white printers). */
export const STAR_COLORS = ['#f2b134', '#d9541e', '#8c1c13'];
const BAR = '#3b6ea5';

const table = (r: StatsReport, id: string): StatsTable | undefined => r.tables.find((t) => t.id === id);
const col = (t: StatsTable, key: string) => t.columns.findIndex((c) => c.key === key);
const bodyRows = (t: StatsTable) => t.rows.filter((x) => !x.total);

function base(title: string, font: string): EChartsCoreOption {
  return {
    animation: false,
    textStyle: { fontFamily: font, fontSize: 13, color: '#111' },
    title: { text: title, left: 'center', top: 4, textStyle: { fontFamily: font, fontSize: 15, fontWeight: 'bold' } },
    grid: { left: 16, right: 24, top: 56, bottom: 48, containLabel: true },
  };
}

export function statsChart(report: StatsReport, id: ChartId, texts: ChartTexts, font = 'sans-serif'): EChartsCoreOption | null {
  const t = table(report, id === 'byYear' ? 'byYear' : id);
  if (!t) return null;
  const rows = bodyRows(t);
  const value = (row: (typeof rows)[number], key: string) => row.cells[col(t, key)]?.value ?? 0;
  const label = { show: true, fontFamily: font, fontSize: 12, color: '#111' };
  // Counts as the tables print them: "2.071" in a Vietnamese report, "2,071" in an English one.
  const locale = report.period.lang;
  const count = (v: unknown) => formatNumber(Number(v), { decimals: 0, locale });
  const countAxis = { type: 'value', minInterval: 1, axisLabel: { formatter: count } } as const;
  /** No "0" printed on an empty segment. */
  const nonZero = (p: { value: unknown }) => (Number(p.value) > 0 ? count(p.value) : '');
  switch (id) {
    case 'byYear':
      return {
        ...base(texts.title(id), font),
        legend: { bottom: 0, textStyle: { fontFamily: font } },
        xAxis: { type: 'category', data: rows.map((r) => r.label) },
        yAxis: countAxis,
        series: [
          ...(['star3', 'star4', 'star5'] as const).map((k, i) => ({
            type: 'bar',
            stack: 'stars',
            name: t.columns[col(t, k)]!.label,
            itemStyle: { color: STAR_COLORS[i] },
            label: { ...label, fontSize: 10, color: i === 0 ? '#111' : '#fff', formatter: nonZero },
            data: rows.map((r) => value(r, k)),
          })),
          {
            type: 'line',
            name: texts.entered,
            symbolSize: 7,
            itemStyle: { color: '#222' },
            lineStyle: { type: 'dashed' },
            label: {
              ...label,
              position: 'top',
              fontSize: 11,
              // A white box, not a white outline: the PDF's SVG drawing paints an outline over the glyphs.
              backgroundColor: '#fff',
              padding: [1, 2],
              formatter: (p: { value: unknown }) => count(p.value),
            },
            data: rows.map((r) => value(r, 'entered')),
          },
        ],
      };
    case 'byStar':
      return {
        ...base(texts.title(id), font),
        grid: { left: 16, right: 24, top: 56, bottom: 16, containLabel: true },
        xAxis: { type: 'category', data: rows.map((r) => r.label) },
        yAxis: countAxis,
        series: [
          {
            type: 'bar',
            data: rows.map((r, i) => ({ value: value(r, 'count'), itemStyle: { color: STAR_COLORS[i] } })),
            label: {
              ...label,
              position: 'top',
              formatter: (p: { dataIndex: number }) =>
                `${rows[p.dataIndex]!.cells[0]!.text} (${rows[p.dataIndex]!.cells[1]!.text} %)`,
            },
          },
        ],
      };
    case 'bySector':
    case 'byProducerKind': {
      const shown = rows.filter((r) => value(r, 'count') > 0).reverse();
      return {
        ...base(texts.title(id), font),
        grid: { left: 8, right: 96, top: 48, bottom: 16, containLabel: true },
        yAxis: {
          type: 'category',
          data: shown.map((r) => r.label),
          axisLabel: {
            width: 190,
            overflow: 'break',
            interval: 0,
            fontFamily: font,
            fontSize: 12,
            color: '#111',
            lineHeight: 14,
          },
        },
        xAxis: { ...countAxis, splitNumber: 4 },
        series: [
          {
            type: 'bar',
            itemStyle: { color: BAR },
            label: {
              ...label,
              position: 'right',
              formatter: (p: { dataIndex: number }) =>
                `${shown[p.dataIndex]!.cells[0]!.text} (${shown[p.dataIndex]!.cells[1]!.text} %)`,
            },
            data: shown.map((r) => value(r, 'count')),
          },
        ],
      };
    }
  }
}
