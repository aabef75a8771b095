// Pieces every statistics tab uses: periods and their picker, the data-set picker, status tags,
// number formatting and what the signed-in user may do (the import issue table is in components/ImportPreview).
import { Select, Space, Tag, DatePicker } from 'antd';
import { useState } from 'react';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { Dataset, Frequency } from '../../../shared/statistics';
import { useMe } from '../../api/hooks';
import { useDatasets } from '../../api/statistics';

/** The last month of the plan period: the demo statistics run to December 2020. */
export const DEFAULT_PERIOD = '202012';

export function periodKind(p: string): Frequency {
  return /^\d{4}Q[1-4]$/.test(p) ? 'quarter' : /^\d{6}$/.test(p) ? 'month' : 'year';
}

/** A period of the given kind from any period (202012 → 2020Q4 → 2020). */
export function convertPeriod(p: string, kind: Frequency): string {
  const year = p.slice(0, 4);
  const from = periodKind(p);
  const month = from === 'month' ? Number(p.slice(4)) : from === 'quarter' ? Number(p.slice(5)) * 3 : 12;
  if (kind === 'year') return year;
  if (kind === 'quarter') return `${year}Q${Math.ceil(month / 3)}`;
  return `${year}${String(month).padStart(2, '0')}`;
}

function toDayjs(p: string): Dayjs {
  const kind = periodKind(p);
  const y = Number(p.slice(0, 4));
  const m = kind === 'month' ? Number(p.slice(4)) : kind === 'quarter' ? (Number(p.slice(5)) - 1) * 3 + 1 : 1;
  return dayjs(new Date(y, m - 1, 1));
}

function fromDayjs(d: Dayjs, kind: Frequency): string {
  if (kind === 'year') return d.format('YYYY');
  if (kind === 'quarter') return `${d.format('YYYY')}Q${Math.floor(d.month() / 3) + 1}`;
  return d.format('YYYYMM');
}

// Typed periods parse with these formats (202012, 2020); a quarter is picked, shown as 2020Q4.
const FORMATS: Record<Frequency, string | ((d: Dayjs) => string)> = { month: 'YYYYMM', year: 'YYYY', quarter: (d) => fromDayjs(d, 'quarter') };

export function PeriodPicker({ kind, value, onChange, testId }: { kind: Frequency; value: string; onChange: (p: string) => void; testId?: string }) {
  const format = FORMATS[kind];
  return (
    <DatePicker
      picker={kind}
      allowClear={false}
      value={toDayjs(convertPeriod(value, kind))}
      format={format}
      onChange={(d) => d && onChange(fromDayjs(d, kind))}
      data-testid={testId}
      style={{ width: 130 }}
    />
  );
}

export function DatasetSelect({ value, onChange, filter, testId }: { value: string; onChange: (code: string, ds: Dataset) => void; filter?: (d: Dataset) => boolean; testId?: string }) {
  const { i18n } = useTranslation();
  const datasets = useDatasets();
  const list = (datasets.data ?? []).filter(filter ?? (() => true));
  return (
    <Select
      value={value || undefined}
      loading={datasets.isPending}
      style={{ minWidth: 200 }}
      data-testid={testId}
      options={list.map((d) => ({ value: d.code, label: i18n.language === 'en' ? d.nameEn : d.name }))}
      onChange={(code: string) => onChange(code, list.find((d) => d.code === code)!)}
    />
  );
}

/** The data set and period a tab shows; the period follows the data set's frequency (202012 → 2020Q4 → 2020). */
export function useDatasetPeriod(initial = 'ENT_MONTHLY') {
  const datasets = useDatasets();
  const [dataset, setDataset] = useState(initial);
  const [chosen, setPeriod] = useState(DEFAULT_PERIOD);
  const ds = datasets.data?.find((d) => d.code === dataset);
  return { dataset, setDataset, ds, period: ds ? convertPeriod(chosen, ds.frequency) : chosen, setPeriod };
}

/** 数据集 [select] 期间 [picker] — the bar above a tab that shows one data set and period. */
export function DatasetPeriodBar({ sel, testId }: { sel: ReturnType<typeof useDatasetPeriod>; testId: string }) {
  const { t } = useTranslation();
  return (
    <Space wrap>
      <span>{t('statistics.dataset')}</span>
      <DatasetSelect value={sel.dataset} onChange={sel.setDataset} />
      <span>{t('statistics.period')}</span>
      {sel.ds && <PeriodPicker kind={sel.ds.frequency} value={sel.period} onChange={sel.setPeriod} testId={`${testId}-period`} />}
    </Space>
  );
}

const STATUS_COLORS: Record<string, string> = { draft: 'default', submitted: 'processing', county_reviewed: 'cyan', approved: 'success', returned: 'error', missing: 'warning' };

export function StatusTag({ status, testId }: { status: string; testId?: string }) {
  const { t } = useTranslation();
  const label = t(`statistics.statuses.${status as 'draft'}`, { defaultValue: status });
  return <Tag color={STATUS_COLORS[status] ?? 'default'} data-testid={testId} data-status={status}>{label}</Tag>;
}

export function fmtNum(v: number | null | undefined, decimals = 1): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '—';
  return v.toLocaleString('zh-CN', { minimumFractionDigits: 0, maximumFractionDigits: decimals });
}

export function fmtPct(v: number | null | undefined): string {
  return v === null || v === undefined || !Number.isFinite(v) ? '—' : `${v >= 0 ? '+' : ''}${v.toFixed(1)}%`;
}

export const fmtTime = (iso: string | null | undefined): string => (iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : '—');

/** What the signed-in user may do in 统计监测, from /api/me's permissions and role. */
export function useStatisticsAccess() {
  const me = useMe();
  const p = me.data?.permissions.datavalue ?? {};
  const role = me.data?.user.role;
  return {
    ready: !!me.data,
    role,
    ownOrg: me.data?.user.org ?? null,
    isEnterprise: role === 'enterprise',
    canRead: !!p.read,
    canEnter: !!p.update,
    canImport: !!p.create,
    canApprove: !!p.approve,
    /** Final approval is for 统计局 (statistician) and admins; counties review. */
    isCityLevel: role === 'statistician' || role === 'admin',
    /** Reminders are sent by those who supervise reporters. */
    canRemind: role === 'statistician' || role === 'admin' || role === 'coordinator' || role === 'county',
  };
}
