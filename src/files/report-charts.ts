// The report's charts, drawn on the server: ECharts server-side rendering to an SVG string (no DOM, no
// canvas), then a PNG through resvg for Word and PDF, which do not take SVG. resvg is given the report
// font file and no system fonts, so the Chinese labels render the same on every machine.
import { Resvg } from '@resvg/resvg-js';
import * as echarts from 'echarts';
import type { BriefingReport, ReportTable, ReportTrend } from '../shared/reports';
import type { ReportFont } from './report-font';

export const CHART_FONT_FAMILY = 'WenQuanYi Micro Hei';
export interface ReportChart { key: string; title: string; svg: string; width: number; height: number }

const WIDTH = 640;
const HEIGHT = 300;
const MAX_BARS = 15;

function render(option: echarts.EChartsCoreOption, width = WIDTH, height = HEIGHT): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  chart.setOption({ animation: false, textStyle: { fontFamily: CHART_FONT_FAMILY }, backgroundColor: '#ffffff', ...option });
  const svg = chart.renderToSVGString();
  chart.dispose();
  return svg;
}

function trendChart(t: ReportTrend): ReportChart {
  const years = t.points.map((p) => p.year);
  if (t.target && !years.includes(t.target.year)) years.push(t.target.year);
  const title = `${t.name}（${t.unit}）`;
  const svg = render({
    title: { text: title, left: 'center', textStyle: { fontSize: 14 } },
    grid: { left: 60, right: 30, top: 50, bottom: 40 },
    legend: { bottom: 0, data: ['实际', '目标'] },
    xAxis: { type: 'category', data: years.map(String) },
    yAxis: { type: 'value', name: t.unit },
    series: [
      { name: '实际', type: 'bar', data: years.map((y) => t.points.find((p) => p.year === y)?.value ?? null), itemStyle: { color: '#1f6fb2' }, label: { show: true, position: 'top', formatter: (p: { value: number }) => (p.value == null ? '' : p.value.toFixed(1)) } },
      ...(t.target ? [{ name: '目标', type: 'line', data: years.map((y) => (y === t.target!.year ? t.target!.value : null)), symbolSize: 10, itemStyle: { color: '#c0392b' }, markLine: { symbol: 'none', lineStyle: { type: 'dashed', color: '#c0392b' }, data: [{ yAxis: t.target.value, name: '目标' }], label: { formatter: `目标 ${t.target.value}` } } }] : []),
    ],
  });
  return { key: `trend-${t.code}`, title, svg, width: WIDTH, height: HEIGHT };
}

function tableChart(key: string, label: string, tb: ReportTable): ReportChart | null {
  const shown = tb.rows.filter((r) => r.value !== null && r.suppressed === null);
  const rows = shown.slice(0, MAX_BARS).reverse();
  if (!rows.length) return null;
  // A chart cut to the largest bars says so; the table below it lists every row.
  const title = `${tb.indicator.name}${label}（${tb.indicator.unit}，${tb.period}${shown.length > MAX_BARS ? `，前${MAX_BARS}位，共${shown.length}个` : ''}）`;
  const height = Math.max(HEIGHT, 60 + rows.length * 22);
  const svg = render({
    title: { text: title, left: 'center', textStyle: { fontSize: 14 } },
    grid: { left: 10, right: 60, top: 40, bottom: 30, containLabel: true },
    xAxis: { type: 'value' },
    yAxis: { type: 'category', data: rows.map((r) => r.name) },
    series: [{ type: 'bar', data: rows.map((r) => r.value), itemStyle: { color: '#2e8b57' }, label: { show: true, position: 'right', formatter: (p: { value: number }) => p.value.toFixed(1) } }],
  }, WIDTH, height);
  return { key, title, svg, width: WIDTH, height };
}

/** The report's charts as SVG, in the order they appear. */
export function reportCharts(r: BriefingReport): ReportChart[] {
  const out: ReportChart[] = r.trends.filter((t) => t.points.length > 0).map(trendChart);
  if (r.industries) { const c = tableChart('industries', '分产业', r.industries); if (c) out.push(c); }
  if (r.counties) { const c = tableChart('counties', '分县（市、区）', r.counties); if (c) out.push(c); }
  return out;
}

/** The SVG as a PNG at `scale` × its size, glyphs from the report font. */
export function svgToPng(svg: string, font: ReportFont, scale = 2): Buffer {
  const resvg = new Resvg(svg, {
    font: { fontFiles: [font.path], loadSystemFonts: false, defaultFontFamily: CHART_FONT_FAMILY, sansSerifFamily: CHART_FONT_FAMILY },
    fitTo: { mode: 'zoom', value: scale },
    background: '#ffffff',
  });
  return resvg.render().asPng();
}
