// The unit view: per department or county, its tasks (assigned to it, led by it, or naming the county),
// their lights, reports missed and the on-time reporting rate (from the 通报 ranking, when it answers).
// Clicking a unit lists its tasks.
import { Alert, Progress, Segmented, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BOARD_MAX_LIMIT, LIGHTS, type Board, type BoardTaskRow, type LightCounts, type OrgRef } from '../../../shared/supervision';
import { useOrganizations } from '../../api/hooks';
import { useBoard, useBulletin } from '../../api/supervision';
import { EChart, type ChartOption } from '../../components/EChart';
import { QueryResult } from '../../components/QueryResult';
import { LIGHT_COLORS, LIGHT_HEX, pct } from './common';
import { TaskRows } from './BoardTab';

interface UnitRow {
  org: OrgRef;
  tasks: BoardTaskRow[];
  counts: LightCounts;
  missed: number;
  onTimeRate: number | null;
  averagePercent: number;
}

const zero = (): LightCounts => ({ green: 0, yellow: 0, red: 0, closed: 0 });

/** Each task once per unit: the assigned unit and the lead unit (departments), the counties it names. */
function unitRows(board: Board, kind: 'department' | 'county', countyIds: Set<string>, onTime: Map<string, number>): UnitRow[] {
  const by = new Map<string, UnitRow>();
  for (const row of board.rows) {
    for (const task of row.tasks) {
      const orgs = kind === 'county'
        ? [...task.counties, ...(task.assignment && countyIds.has(task.assignment.org.id) ? [task.assignment.org] : [])]
        : [task.assignment?.org, task.lead].filter((o): o is OrgRef => !!o && !countyIds.has(o.id));
      for (const org of orgs) {
        const u = by.get(org.id) ?? { org, tasks: [], counts: zero(), missed: 0, onTimeRate: onTime.get(org.id) ?? null, averagePercent: 0 };
        if (u.tasks.some((x) => x.id === task.id)) continue;
        u.tasks.push(task);
        u.counts[task.light.light] += 1;
        u.missed += task.missedReports;
        by.set(org.id, u);
      }
    }
  }
  const out = [...by.values()];
  for (const u of out) u.averagePercent = u.tasks.reduce((s, x) => s + x.percentDone, 0) / u.tasks.length;
  return out.sort((a, b) => b.counts.red - a.counts.red || b.counts.yellow - a.counts.yellow || b.tasks.length - a.tasks.length);
}

export function UnitsTab({ asOf }: { asOf?: string }) {
  const { t } = useTranslation();
  // The unit view sums every task: it asks for the largest page and says so when a plan has more.
  const board = useBoard({ asOf, limit: BOARD_MAX_LIMIT });
  return (
    <QueryResult query={board}>
      {(data) => (
        <>
          {data.total > data.limit && <Alert type="warning" showIcon style={{ marginBottom: 12 }} message={t('supervision.board.unitsPartial', { shown: data.limit, total: data.total })} />}
          <Units board={data} />
        </>
      )}
    </QueryResult>
  );
}

function Units({ board }: { board: Board }) {
  const { t } = useTranslation();
  const orgs = useOrganizations();
  // The on-time rate from the start of the earliest task to the as-of date (the 通报 of that range).
  const from = board.rows.flatMap((r) => r.tasks.map((x) => x.startOn)).sort()[0];
  const bulletin = useBulletin(from && from <= board.asOf ? `${from}..${board.asOf}` : null);
  const [kind, setKind] = useState<'department' | 'county'>('department');
  const [picked, setPicked] = useState<string | null>(null);
  const countyIds = useMemo(() => new Set((orgs.data ?? []).filter((o) => o.kind === 'county' || o.kind === 'zone').map((o) => o.id)), [orgs.data]);
  const onTime = useMemo(
    () => new Map([...(bulletin.data?.departments ?? []), ...(bulletin.data?.counties ?? [])].filter((r) => r.onTimeRate != null).map((r) => [r.org.id, r.onTimeRate!])),
    [bulletin.data],
  );
  const rows = useMemo(() => unitRows(board, kind, countyIds, onTime), [board, kind, countyIds, onTime]);
  const unit = rows.find((r) => r.org.id === picked);

  const option = useMemo<ChartOption>(() => ({
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 150, right: 20, top: 30, bottom: 20 },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', inverse: true, data: rows.map((r) => r.org.name) },
    series: LIGHTS.map((l) => ({ type: 'bar', stack: 'lights', barMaxWidth: 22, name: t(`supervision.lights.${l}`), itemStyle: { color: LIGHT_HEX[l] }, data: rows.map((r) => r.counts[l]) })),
  }), [rows, t]);

  const columns: TableColumnsType<UnitRow> = [
    { title: t('supervision.columns.unit'), key: 'org', render: (_, r) => <Typography.Link onClick={() => setPicked(r.org.id)}>{r.org.name}</Typography.Link> },
    { title: t('supervision.units.tasks'), key: 'tasks', width: 80, render: (_, r) => r.tasks.length },
    {
      title: t('supervision.columns.light'),
      key: 'lights',
      width: 260,
      render: (_, r) => <Space size={2}>{LIGHTS.map((l) => <Tag key={l} color={LIGHT_COLORS[l]}>{t(`supervision.lights.${l}`)} {r.counts[l]}</Tag>)}</Space>,
    },
    { title: t('supervision.units.averagePercent'), key: 'avg', width: 120, render: (_, r) => pct(r.averagePercent) },
    { title: t('supervision.units.missed'), dataIndex: 'missed', width: 100 },
    {
      title: t('supervision.units.onTimeRate'),
      key: 'onTime',
      width: 150,
      render: (_, r) => (r.onTimeRate == null ? '—' : <Progress percent={Math.round(r.onTimeRate * 10) / 10} size="small" style={{ margin: 0 }} />),
    },
  ];

  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }} data-testid="units">
      <Segmented value={kind} onChange={(v) => { setKind(v as 'department' | 'county'); setPicked(null); }}
        options={[{ value: 'department', label: t('supervision.units.departments') }, { value: 'county', label: t('supervision.units.counties') }]} />
      {rows.length > 0 && <EChart option={option} height={Math.max(200, rows.length * 24 + 60)} ariaLabel={t('supervision.units.chart')} testId="units-chart" />}
      <Table<UnitRow> rowKey={(r) => r.org.id} size="small" columns={columns} dataSource={rows} pagination={false} data-testid="units-table"
        rowClassName={(r) => (r.org.id === picked ? 'ant-table-row-selected' : '')} />
      {unit && (
        <div data-testid="unit-tasks">
          <Typography.Title level={5}>{t('supervision.units.tasksOf', { name: unit.org.name, count: unit.tasks.length })}</Typography.Title>
          <TaskRows tasks={unit.tasks} />
        </div>
      )}
    </Space>
  );
}
