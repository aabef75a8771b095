// The one ECharts wrapper: tree-shaken echarts core, init on mount, dispose on unmount, resize with
// its container, and the chart's own locale following the UI language. Features pass an option;
// a chart type not registered below is added to `echarts.use([...])` here.
import { BarChart, LineChart, PieChart, type BarSeriesOption, type LineSeriesOption, type PieSeriesOption } from 'echarts/charts';
// The supervision Gantt draws its bars with a custom series and today's line with a markLine.
import { CustomChart, type CustomSeriesOption } from 'echarts/charts';
import { MarkLineComponent, type MarkLineComponentOption } from 'echarts/components';
import { RadarChart, type RadarSeriesOption } from 'echarts/charts';
import { RadarComponent, type RadarComponentOption } from 'echarts/components';
import {
  DatasetComponent,
  GridComponent,
  LegendComponent,
  TitleComponent,
  TooltipComponent,
  type DatasetComponentOption,
  type GridComponentOption,
  type LegendComponentOption,
  type TitleComponentOption,
  type TooltipComponentOption,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';

echarts.use([BarChart, LineChart, PieChart, DatasetComponent, GridComponent, LegendComponent, TitleComponent, TooltipComponent, CanvasRenderer]);
echarts.use([CustomChart, MarkLineComponent]);
// The evaluation results draw each leading subject's criteria on a radar.
echarts.use([RadarChart, RadarComponent]);

export type ChartOption = echarts.ComposeOption<
  | BarSeriesOption
  | LineSeriesOption
  | PieSeriesOption
  | DatasetComponentOption
  | GridComponentOption
  | LegendComponentOption
  | TitleComponentOption
  | TooltipComponentOption
  | CustomSeriesOption
  | MarkLineComponentOption
  | RadarSeriesOption
  | RadarComponentOption
>;

export interface EChartProps {
  option: ChartOption;
  height?: number | string;
  /** Read by screen readers instead of the canvas. */
  ariaLabel: string;
  style?: CSSProperties;
  testId?: string;
  /** Called with the series and data index of a clicked item. */
  onItemClick?: (item: { seriesIndex: number; dataIndex: number }) => void;
}

export function EChart({ option, height = 320, ariaLabel, style, testId, onItemClick }: EChartProps) {
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const { i18n } = useTranslation();
  const locale = i18n.language === 'en' ? 'EN' : 'ZH';

  useEffect(() => {
    const el = container.current;
    if (!el) return;
    const instance = echarts.init(el, undefined, { locale, renderer: 'canvas' });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, [locale]);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option, locale]);

  useEffect(() => {
    const instance = chart.current;
    if (!instance || !onItemClick) return;
    const handler = (p: { seriesIndex?: number; dataIndex?: number }) => onItemClick({ seriesIndex: p.seriesIndex ?? 0, dataIndex: p.dataIndex ?? 0 });
    instance.on('click', handler);
    return () => void instance.off('click', handler);
  }, [onItemClick, locale]);

  return <div ref={container} role="img" aria-label={ariaLabel} data-testid={testId} style={{ width: '100%', height, ...style }} />;
}
