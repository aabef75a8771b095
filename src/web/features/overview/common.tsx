// Pieces shared by the cockpit and the pages behind it: the one period selector (kept in the URL as
// ?period=, so every drill-down page reads the same period), and a card that shows a chart or its table.
import { Card, Segmented, Space, Table, type TableColumnsType } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PeriodPicker } from '../statistics/common';

export const COCKPIT_DEFAULT_PERIOD = '2020';

export type PeriodKind = 'year' | 'quarter' | 'month';
export const kindOf = (p: string): PeriodKind => (p.includes('Q') ? 'quarter' : p.length === 6 ? 'month' : 'year');

function convert(p: string, kind: PeriodKind): string {
  const y = p.slice(0, 4);
  const month = p.includes('Q') ? Number(p.slice(5)) * 3 : p.length === 6 ? Number(p.slice(4)) : 12;
  if (kind === 'year') return y;
  if (kind === 'quarter') return `${y}Q${Math.ceil(month / 3)}`;
  return `${y}${String(month).padStart(2, '0')}`;
}

/** The period of the URL (?period=), default the plan's last year. */
export function usePeriod(): [string, (p: string) => void] {
  const [params, setParams] = useSearchParams();
  const period = params.get('period') ?? COCKPIT_DEFAULT_PERIOD;
  return [period, (p) => setParams((prev) => { const n = new URLSearchParams(prev); n.set('period', p); return n; }, { replace: true })];
}

export function PeriodSelector({ period, onChange }: { period: string; onChange: (p: string) => void }) {
  const { t } = useTranslation();
  const kind = kindOf(period);
  return (
    <Space wrap data-testid="cockpit-period" data-period={period}>
      <span>{t('cockpit.period')}</span>
      <Segmented<PeriodKind>
        size="small"
        value={kind}
        onChange={(k) => onChange(convert(period, k))}
        options={(['year', 'quarter', 'month'] as const).map((k) => ({ value: k, label: t(`cockpit.periodKinds.${k}`) }))}
      />
      <PeriodPicker kind={kind} value={period} onChange={onChange} testId="cockpit-period-picker" />
    </Space>
  );
}

/** A card whose body is a chart, with a switch to the same figures as a table (every chart has a table view). */
export function ChartCard<R extends object>({ title, chart, rows, columns, rowKey, testId, extra, height }: {
  title: ReactNode; chart: ReactNode; rows: R[]; columns: TableColumnsType<R>; rowKey: string | ((r: R) => string); testId: string; extra?: ReactNode; height?: number;
}) {
  const { t } = useTranslation();
  const [view, setView] = useState<'chart' | 'table'>('chart');
  return (
    <Card
      size="small"
      title={title}
      data-testid={testId}
      className="cockpit-card"
      style={{ height: '100%' }}
      extra={<Space>{extra}<Segmented size="small" className="no-print" value={view} onChange={(v) => setView(v as 'chart' | 'table')} options={[{ value: 'chart', label: t('cockpit.chart') }, { value: 'table', label: t('cockpit.table') }]} data-testid={`${testId}-view`} /></Space>}
    >
      {view === 'chart' ? chart : <Table<R> size="small" pagination={false} rowKey={rowKey} dataSource={rows} columns={columns} scroll={{ y: height ?? 260 }} data-testid={`${testId}-table`} />}
    </Card>
  );
}

export const fmtValue = (v: number | null | undefined, digits = 1): string =>
  v === null || v === undefined || !Number.isFinite(v) ? '—' : v.toLocaleString('zh-CN', { maximumFractionDigits: digits });
