import { describe, expect, it } from 'vitest';
import type { StatsReport, StatsTable } from '../../../shared/api/channels/stats';
import { statsChart } from '../../../shared/charts/stats-charts';
import { chartSvg } from './chart-svg';

/** A report of a large province: counts in the thousands, where thousands separators show. */
function report(lang: 'vi' | 'en'): StatsReport {
  const cell = (value: number) => ({ value, text: String(value), drill: true });
  const byYear: StatsTable = {
    id: 'byYear',
    title: 'by year',
    note: null,
    columns: ['entered', 'star3', 'star4', 'star5'].map((key) => ({ key, label: key, kind: 'count' as const })),
    rows: [
      { key: '2024', label: '2024', total: false, cells: [cell(2071), cell(832), cell(697), cell(357)] },
      { key: '2025', label: '2025', total: false, cells: [cell(2480), cell(1200), cell(700), cell(300)] },
    ],
  };
  return { period: { yearFrom: 2024, yearTo: 2025, roundNo: null, on: '2025-12-31', lang }, title: 't', tables: [byYear] };
}

const texts = { title: () => 'Chart', entered: 'Entered' };
const svgText = (svg: string) => [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/gu)].map((m) => m[1]);

describe('the report charts drawn as SVG', () => {
  it('groups thousands as the report’s language does, on the axis and on the labels', () => {
    const vi = svgText(chartSvg(statsChart(report('vi'), 'byYear', texts)!, 600, 300));
    expect(vi).toEqual(expect.arrayContaining(['2.500', '2.071', '2.480', '1.200']));
    expect(vi.some((t) => /\d,\d{3}/u.test(t ?? ''))).toBe(false);
    const en = svgText(chartSvg(statsChart(report('en'), 'byYear', texts)!, 600, 300));
    expect(en).toEqual(expect.arrayContaining(['2,500', '2,071', '1,200']));
  });
});
