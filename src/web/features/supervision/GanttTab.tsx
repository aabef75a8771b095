// The Gantt of tasks, sub-tasks and milestones: one row each (indented under its task), a bar from start
// to due coloured by its light with the done part darker, a diamond for a milestone, and the as-of date
// as a vertical line. Clicking a row opens the task.
import { Empty, Select, Space, Tag, Typography } from 'antd';
import type { CustomSeriesOption } from 'echarts/charts';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LIGHTS, type SupervisionTreeNode, type TaskLight } from '../../../shared/supervision';
import { useTree } from '../../api/supervision';
import { EChart, type ChartOption } from '../../components/EChart';
import { QueryResult } from '../../components/QueryResult';
import { LIGHT_HEX, useTaskParam } from './common';

interface GanttRow {
  id: string;
  label: string;
  title: string;
  kind: SupervisionTreeNode['kind'];
  start: number;
  end: number;
  percent: number;
  light: TaskLight;
  startOn: string;
  dueOn: string;
}

const ms = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
const short = (s: string, n: number) => (s.length > n ? `${s.slice(0, n)}…` : s);

/** Rows of one special action (or all): each task, then its sub-tasks and milestones indented. */
function ganttRows(nodes: SupervisionTreeNode[], actionId: string | undefined): GanttRow[] {
  const out: GanttRow[] = [];
  const walk = (n: SupervisionTreeNode, depth: number) => {
    if (n.kind !== 'special_action') {
      out.push({
        id: n.id,
        label: `${'　'.repeat(depth)}${n.code} ${short(n.title, 14 - depth * 2)}`,
        title: n.title,
        kind: n.kind,
        start: ms(n.startOn),
        end: ms(n.dueOn) + 86_400_000,
        percent: n.percentDone,
        light: n.light.light,
        startOn: n.startOn,
        dueOn: n.dueOn,
      });
    }
    for (const c of n.children ?? []) walk(c, n.kind === 'special_action' ? 0 : depth + 1);
  };
  for (const n of nodes) if (!actionId || n.id === actionId) walk(n, 0);
  return out;
}

export function GanttTab({ asOf }: { asOf?: string }) {
  const tree = useTree(asOf);
  return <QueryResult query={tree}>{(data) => <Gantt nodes={data.nodes} asOf={data.asOf || asOf || new Date().toISOString().slice(0, 10)} />}</QueryResult>;
}

function Gantt({ nodes, asOf }: { nodes: SupervisionTreeNode[]; asOf: string }) {
  const { t } = useTranslation();
  const [, openTask] = useTaskParam();
  const actions = nodes.filter((n) => n.kind === 'special_action');
  const [actionId, setActionId] = useState<string | undefined>(actions[0]?.id);
  const rows = useMemo(() => ganttRows(nodes, actionId), [nodes, actionId]);
  const labels = { done: t('supervision.gantt.done'), today: t('supervision.gantt.today') };

  const option = useMemo<ChartOption>(() => {
    const renderItem: CustomSeriesOption['renderItem'] = (_, api) => {
      const index = api.value(0) as number;
      const start = api.coord([api.value(1), index]);
      const end = api.coord([api.value(2), index]);
      const percent = api.value(3) as number;
      const color = LIGHT_HEX[LIGHTS[api.value(4) as number]];
      const h = (api.size?.([0, 1]) as number[])[1] * 0.55;
      if ((api.value(5) as number) === 1) {
        // A milestone: a diamond on its due date.
        const [x, y] = end;
        const r = h / 2 + 2;
        return { type: 'polygon', shape: { points: [[x, y - r], [x + r, y], [x, y + r], [x - r, y]] }, style: { fill: color, stroke: '#333', lineWidth: 0.5 } };
      }
      const width = Math.max(end[0] - start[0], 2);
      return {
        type: 'group',
        children: [
          { type: 'rect', shape: { x: start[0], y: start[1] - h / 2, width, height: h }, style: { fill: color, opacity: 0.35 } },
          { type: 'rect', shape: { x: start[0], y: start[1] - h / 2, width: (width * Math.min(percent, 100)) / 100, height: h }, style: { fill: color } },
        ],
      };
    };
    // The axis spans the rows; today's line joins it unless it falls far beyond the last due date.
    const min = Math.min(...rows.map((r) => r.start));
    const last = Math.max(...rows.map((r) => r.end));
    const today = ms(asOf);
    const max = today > last && today - last < 400 * 86_400_000 ? today + 15 * 86_400_000 : last;
    return {
      grid: { left: 280, right: 30, top: 30, bottom: 30 },
      tooltip: {
        formatter: (p: unknown) => {
          const r = rows[(p as { dataIndex: number }).dataIndex];
          return r ? `${r.title}<br/>${r.startOn} ~ ${r.dueOn}<br/>${labels.done} ${r.percent.toFixed(1)}% · ${t(`supervision.lights.${r.light}`)}` : '';
        },
      },
      xAxis: { type: 'time', position: 'top', min, max, splitLine: { show: true, lineStyle: { type: 'dashed' } } },
      yAxis: { type: 'category', inverse: true, data: rows.map((r) => r.label), axisLabel: { fontSize: 12 }, axisTick: { show: false } },
      series: [
        {
          type: 'custom',
          renderItem,
          encode: { x: [1, 2], y: 0 },
          data: rows.map((r, i) => [i, r.start, r.end, r.percent, LIGHTS.indexOf(r.light), r.kind === 'milestone' ? 1 : 0]),
          markLine: {
            symbol: 'none',
            silent: true,
            lineStyle: { color: '#1677ff', width: 2 },
            label: { formatter: `${labels.today} ${asOf}`, position: 'start' },
            data: [{ xAxis: ms(asOf) }],
          },
        },
      ],
    };
  }, [rows, asOf, labels.done, labels.today, t]);

  if (actions.length === 0) return <Empty description={t('supervision.board.noTree')} />;
  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }} data-testid="gantt">
      <Space wrap>
        <Select allowClear placeholder={t('supervision.filters.allActions')} value={actionId} onChange={setActionId} style={{ width: 320 }} data-testid="gantt-action"
          options={actions.map((a) => ({ value: a.id, label: `${a.code} ${a.title}` }))} />
        <Typography.Text type="secondary" data-testid="gantt-today">
          {labels.today}：{asOf}
          {rows.length > 0 && ms(asOf) - Math.max(...rows.map((r) => r.end)) >= 400 * 86_400_000 ? `（${t('supervision.gantt.beyond')}）` : ''}
        </Typography.Text>
        {LIGHTS.map((l) => <Tag key={l} color={LIGHT_HEX[l]}>{t(`supervision.lights.${l}`)}</Tag>)}
        <Typography.Text type="secondary">◆ {t('supervision.kinds.milestone')}</Typography.Text>
      </Space>
      {rows.length === 0 ? (
        <Empty />
      ) : (
        <div style={{ maxHeight: 640, overflowY: 'auto' }}>
          <EChart option={option} height={Math.max(200, rows.length * 26 + 60)} ariaLabel={t('supervision.gantt.aria', { count: rows.length, date: asOf })} testId="gantt-chart"
            onItemClick={({ dataIndex }) => rows[dataIndex] && openTask(rows[dataIndex].id)} />
        </div>
      )}
    </Space>
  );
}
