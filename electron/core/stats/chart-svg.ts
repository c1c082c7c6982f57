import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TitleComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { LegacyGridContainLabel } from 'echarts/features';
import type { EChartsCoreOption } from 'echarts/core';

// The charts keep ECharts 5's grid.containLabel (labels inside the grid's margins); ECharts 6 needs it registered.
echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TitleComponent, SVGRenderer, LegacyGridContainLabel]);

/**
 * An ECharts option drawn as SVG on the server (ECharts' SSR mode, no DOM), for the PDF report:
 * pdfmake draws the SVG's shapes and sets its text in the document's font (the option names the
 * font family pdfmake knows, so Vietnamese is set in Tinos / Times New Roman, not a fallback).
 */
export function chartSvg(option: EChartsCoreOption, width: number, height: number): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption(option);
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}
