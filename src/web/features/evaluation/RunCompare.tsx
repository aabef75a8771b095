// Comparison over periods: choose two or more archived runs of the scheme (by default the latest run of
// each year) and see every subject's rank and score side by side with the rank change from the earliest
// column to the latest (GET …/compare?runs=), as a table or as a chart of the scores.
import { ArrowDownOutlined, ArrowUpOutlined } from '@ant-design/icons';
import { Segmented, Select, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EvaluationRunSummary, RunComparison, Scheme } from '../../../shared/evaluation';
import { useCompareRuns, useRuns } from '../../api/evaluation';
import { EChart, type ChartOption } from '../../components/EChart';
import { QueryResult } from '../../components/QueryResult';

const when = (iso: string) => iso.slice(0, 16).replace('T', ' ');

/** The latest run of each year, oldest year first. */
export function latestPerPeriod(runs: EvaluationRunSummary[]): string[] {
  const latest = new Map<string, EvaluationRunSummary>();
  for (const r of runs) { const cur = latest.get(r.period); if (!cur || r.createdAt > cur.createdAt) latest.set(r.period, r); }
  return [...latest.values()].sort((a, b) => (a.period < b.period ? -1 : 1)).map((r) => r.id);
}

export function RunCompare({ scheme }: { scheme: Scheme }) {
  const { t } = useTranslation();
  const runs = useRuns(scheme.id);
  const [chosen, setChosen] = useState<string[] | undefined>();
  const ids = chosen ?? latestPerPeriod(runs.data ?? []);
  const compare = useCompareRuns(scheme.id, ids);
  const [view, setView] = useState<'table' | 'chart'>('table');
  const runLabel = (r: EvaluationRunSummary) => `${r.period} · ${when(r.createdAt)} · ${r.createdBy}`;

  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }} data-testid="run-compare">
      <Space wrap>
        <Typography.Text>{t('evaluation.compareRuns')}</Typography.Text>
        <Select mode="multiple" style={{ minWidth: 520 }} value={ids} onChange={setChosen} placeholder={t('evaluation.comparePick')} data-testid="compare-select" optionFilterProp="label"
          options={(runs.data ?? []).map((r) => ({ value: r.id, label: runLabel(r) }))} />
        <Segmented<'table' | 'chart'> value={view} onChange={setView} options={[{ value: 'table', label: t('evaluation.compareTable') }, { value: 'chart', label: t('evaluation.compareChart') }]} data-testid="compare-view" />
      </Space>
      {(runs.data?.length ?? 0) < 2
        ? <Typography.Text type="secondary">{t('evaluation.compareNeedRuns')}</Typography.Text>
        : ids.length < 2
          ? <Typography.Text type="secondary">{t('evaluation.comparePick')}</Typography.Text>
          : <QueryResult query={compare}>{(c) => (view === 'table' ? <CompareTable c={c} /> : <CompareChart c={c} />)}</QueryResult>}
    </Space>
  );
}

type Row = RunComparison['rows'][number];

function CompareTable({ c }: { c: RunComparison }) {
  const { t } = useTranslation();
  const columns: TableColumnsType<Row> = [
    { title: t('evaluation.subject'), dataIndex: 'name', width: 150, fixed: 'left' },
    ...c.columns.map((col) => ({
      title: <span data-testid={`compare-col-${col.period}`}>{col.period}<Typography.Text type="secondary" style={{ fontSize: 11, display: 'block' }}>{when(col.createdAt)}</Typography.Text></span>,
      key: col.key,
      children: [
        { title: t('evaluation.rank'), key: `${col.key}:rank`, width: 64, render: (_: unknown, r: Row) => r.byPeriod[col.key]?.rank ?? '—' },
        { title: t('evaluation.score'), key: `${col.key}:score`, width: 90, render: (_: unknown, r: Row) => { const s = r.byPeriod[col.key]?.score; return s == null ? <Typography.Text type="secondary">{t('evaluation.notRanked')}</Typography.Text> : s.toFixed(4); } },
      ],
    })),
    {
      title: <span title={t('evaluation.rankChangeHint')}>{t('evaluation.rankChange')}</span>, key: 'change', width: 110, fixed: 'right',
      render: (_: unknown, r: Row) => (r.rankChange == null ? '—'
        : r.rankChange === 0 ? <Tag data-testid="rank-change">0</Tag>
          : <Tag data-testid="rank-change" color={r.rankChange > 0 ? 'green' : 'red'} icon={r.rankChange > 0 ? <ArrowUpOutlined /> : <ArrowDownOutlined />}>{r.rankChange > 0 ? `+${r.rankChange}` : r.rankChange}</Tag>),
    },
  ];
  return (
    <Space direction="vertical" size={4} style={{ width: '100%' }}>
      <Typography.Text type="secondary">{t('evaluation.rankChangeHint')}</Typography.Text>
      <Table<Row> rowKey="key" size="small" bordered columns={columns} dataSource={c.rows} pagination={false} scroll={{ x: 260 + c.columns.length * 154 }} data-testid="compare-table" />
    </Space>
  );
}

function CompareChart({ c }: { c: RunComparison }) {
  const { t } = useTranslation();
  const option: ChartOption = useMemo(() => ({
    grid: { left: 110, right: 30, top: 30, bottom: 30 },
    tooltip: { trigger: 'axis' },
    legend: { top: 0, data: c.columns.map((col) => `${col.period} · ${when(col.createdAt)}`) },
    xAxis: { type: 'value', min: 0 },
    yAxis: { type: 'category', inverse: true, data: c.rows.map((r) => r.name) },
    series: c.columns.map((col) => ({ type: 'bar', name: `${col.period} · ${when(col.createdAt)}`, data: c.rows.map((r) => { const s = r.byPeriod[col.key]?.score; return s == null ? null : Number(s.toFixed(4)); }) })),
  }), [c]);
  return <EChart option={option} height={Math.max(260, c.rows.length * 16 * c.columns.length)} ariaLabel={t('evaluation.compareChart')} testId="compare-chart" />;
}
