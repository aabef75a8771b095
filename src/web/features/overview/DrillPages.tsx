// The pages behind the cockpit's figures: a county or plan industry (its figure over the plan years and
// the enterprises behind it) and an enterprise (its monthly figures of the year). Same period selector.
import { Alert, Breadcrumb, Card, Space, Table, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { EnterpriseFigureRow } from '../../../shared/cockpit';
import { useEnterpriseFigures, useEnterprisePage, useKeySeries } from '../../api/cockpit';
import { EChart, type ChartOption } from '../../components/EChart';
import { QueryResult } from '../../components/QueryResult';
import { fmtPct } from '../statistics/common';
import { ChartCard, PeriodSelector, fmtValue, kindOf, usePeriod } from './common';

function firstOfKind(period: string): string {
  const y = Number(period.slice(0, 4)) - 3;
  const k = kindOf(period);
  return k === 'year' ? String(y) : k === 'quarter' ? `${y}Q1` : `${y}01`;
}

export function CountyPage() { return <KeyPage dim="county" />; }
export function IndustryPage() { return <KeyPage dim="industry" />; }

function KeyPage({ dim }: { dim: 'county' | 'industry' }) {
  const { t } = useTranslation();
  const { code = '' } = useParams();
  const [period, setPeriod] = usePeriod();
  const series = useKeySeries({ indicator: 'SEI_REVENUE', dim, key: code, from: firstOfKind(period), to: period });
  const list = useEnterpriseFigures({ period, ...(dim === 'county' ? { county: code } : { industry: code }) });
  const name = series.data?.name ?? code;
  const option = useMemo<ChartOption>(() => ({
    tooltip: { trigger: 'axis' }, grid: { left: 50, right: 20, top: 20, bottom: 30 },
    xAxis: { type: 'category', data: (series.data?.points ?? []).map((p) => p.period) }, yAxis: { type: 'value' },
    series: [{ type: 'bar', data: (series.data?.points ?? []).map((p) => p.value), itemStyle: { color: '#1677ff' } }],
  }), [series.data]);
  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }} data-testid={`${dim}-page`}>
      <Breadcrumb items={[{ title: <Link to={`/?period=${period}`}>{t('cockpit.title')}</Link> }, { title: t(`cockpit.${dim}`) }, { title: name }]} />
      <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
        <Typography.Title level={4} style={{ margin: 0 }} data-testid="drill-title">{name}</Typography.Title>
        <PeriodSelector period={period} onChange={setPeriod} />
      </Space>
      <QueryResult query={series}>{(s) => (
        <ChartCard title={`战略性新兴产业主营业务收入 SEI revenue`} testId="key-series" rows={s.points} rowKey="period"
          columns={[{ title: t('cockpit.period'), dataIndex: 'period' }, { title: t('cockpit.value'), align: 'right', render: (_: unknown, p) => (p.confidential ? t('cockpit.confidential') : fmtValue(p.value)) }, { title: t('cockpit.yoy'), align: 'right', render: (_: unknown, p) => fmtPct(p.yoy) }, { title: t('cockpit.n'), dataIndex: 'n', align: 'right' }]}
          chart={<EChart option={option} height={260} ariaLabel={name} />} />
      )}</QueryResult>
      <QueryResult query={list}>{(l) => (
        <Card size="small" title={`${t('cockpit.enterprises')}（${l.total}）`} data-testid="enterprise-list">
          {l.figuresHidden && <Alert type="info" showIcon message={t('cockpit.figuresHidden')} style={{ marginBottom: 8 }} />}
          {l.truncated && <Alert type="warning" showIcon message={t('cockpit.listCut', l.truncated)} style={{ marginBottom: 8 }} data-testid="list-cut" />}
          <Table<EnterpriseFigureRow> size="small" rowKey="orgId" dataSource={l.items} pagination={{ pageSize: 20 }}
            columns={[
              { title: t('cockpit.enterprise'), dataIndex: 'name', render: (n: string, r) => <Link to={`/cockpit/enterprise/${r.orgId}?period=${period}`}>{n}</Link> },
              { title: 'USCC', dataIndex: 'code' },
              { title: `主营业务收入（万元）${l.period}`, align: 'right', render: (_: unknown, r) => fmtValue(r.value) },
            ]} />
        </Card>
      )}</QueryResult>
    </Space>
  );
}

export function EnterpriseFiguresPage() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const [period, setPeriod] = usePeriod();
  const year = Number(period.slice(0, 4));
  const page = useEnterprisePage(id, year);
  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }} data-testid="enterprise-page">
      <Breadcrumb items={[{ title: <Link to={`/?period=${period}`}>{t('cockpit.title')}</Link> }, ...(page.data?.countyCode ? [{ title: <Link to={`/cockpit/county/${page.data.countyCode}?period=${period}`}>{page.data.countyName}</Link> }] : []), { title: page.data?.name ?? id }]} />
      <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
        <Typography.Title level={4} style={{ margin: 0 }} data-testid="enterprise-name">{page.data?.name ?? ''}</Typography.Title>
        <PeriodSelector period={period} onChange={setPeriod} />
      </Space>
      <QueryResult query={page}>{(p) => {
        const option: ChartOption = {
          tooltip: { trigger: 'axis' }, legend: { top: 0 }, grid: { left: 60, right: 20, top: 40, bottom: 30 },
          xAxis: { type: 'category', data: p.months.map((m) => m.period) }, yAxis: { type: 'value' },
          series: p.indicators.filter((i) => i.unit === '万元').slice(0, 3).map((i) => ({ type: 'line' as const, name: i18n.language === 'en' ? i.nameEn : i.name, data: p.months.map((m) => m.values[i.code] ?? null) })),
        };
        return (
          <ChartCard title={`${p.code} · ${p.year}`} testId="enterprise-figures" rows={p.months} rowKey="period" height={400}
            columns={[{ title: t('cockpit.months'), dataIndex: 'period' }, ...p.indicators.map((i) => ({ title: `${i18n.language === 'en' ? i.nameEn : i.name}（${i.unit}）`, align: 'right' as const, render: (_: unknown, m: (typeof p.months)[number]) => fmtValue(m.values[i.code]) }))]}
            chart={<EChart option={option} height={320} ariaLabel={p.name} />} />
        );
      }}</QueryResult>
    </Space>
  );
}
