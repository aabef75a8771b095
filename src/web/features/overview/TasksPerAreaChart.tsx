import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanDetail } from '../../../shared/plan';
import { EChart, type ChartOption } from '../../components/EChart';
import { taskAreas } from '../tasks/task-areas';

/** Horizontal bars: how many tasks each action area (专项行动) holds. */
export function TasksPerAreaChart({ plan }: { plan: PlanDetail }) {
  const { t, i18n } = useTranslation();
  const english = i18n.language === 'en';
  const option = useMemo<ChartOption>(() => {
    // Top to bottom in outline order: ECharts draws the first category at the bottom.
    const areas = taskAreas(plan).reverse();
    const label = (key: string, title: string) => {
      const industry = plan.industries.find((i) => i.sectionKey === key);
      return industry ? (english ? industry.nameEn : industry.name) : title;
    };
    return {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      grid: { left: 8, right: 40, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: areas.map((a) => `${a.fullNumber} ${label(a.section.key, a.section.title)}`) },
      series: [
        {
          type: 'bar',
          name: t('overview.tasks'),
          data: areas.map((a) => a.tasks.length),
          barMaxWidth: 18,
          label: { show: true, position: 'right' },
          itemStyle: { color: '#1677ff', borderRadius: [0, 3, 3, 0] },
        },
      ],
    };
  }, [plan, english, t]);
  return <EChart option={option} height={340} ariaLabel={t('overview.tasksPerArea')} testId="tasks-per-area-chart" />;
}
