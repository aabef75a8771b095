// 资金拨付: 资金支付率 of every approved item against its schedule (light), with totals by industry, county and
// year as charts and tables.
import { Card, Col, DatePicker, Row, Space, Statistic, Table } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { FundTotalRow } from '../../../shared/review';
import { useFunds } from '../../api/review';
import { EChart } from '../../components/EChart';
import { LightTag, pct, useLabels, wan } from './common';

function Totals({ title, rows, testId }: { title: string; rows: FundTotalRow[]; testId: string }) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={title}>
      <EChart height={220} ariaLabel={title} testId={`${testId}-chart`} option={{
        tooltip: { trigger: 'axis' }, legend: { data: [t('review.approved'), t('review.scheduledToDate'), t('review.paid')] },
        grid: { left: 60, right: 20, bottom: 60 },
        xAxis: { type: 'category', data: rows.map((r) => r.name), axisLabel: { rotate: rows.length > 4 ? 30 : 0 } }, yAxis: { type: 'value' },
        series: [
          { type: 'bar', name: t('review.approved'), data: rows.map((r) => r.approved) },
          { type: 'bar', name: t('review.scheduledToDate'), data: rows.map((r) => r.scheduled) },
          { type: 'bar', name: t('review.paid'), data: rows.map((r) => r.paid) },
        ],
      }} />
      <Table<FundTotalRow> rowKey="key" size="small" pagination={false} dataSource={rows} data-testid={testId} columns={[
        { title: '', dataIndex: 'name' },
        { title: t('review.approved'), dataIndex: 'approved', align: 'right', render: wan },
        { title: t('review.scheduledToDate'), dataIndex: 'scheduled', align: 'right', render: wan },
        { title: t('review.paid'), dataIndex: 'paid', align: 'right', render: wan },
        { title: t('review.paymentRate'), dataIndex: 'paymentRate', align: 'right', render: pct },
      ]} />
    </Card>
  );
}

export function FundsTab() {
  const { t } = useTranslation();
  const L = useLabels();
  const [asOf, setAsOf] = useState(dayjs().format('YYYY-MM-DD'));
  const f = useFunds(asOf);
  const total = f.data?.total;
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="funds-overview">
      <Space>{t('review.asOf')} <DatePicker value={dayjs(asOf)} allowClear={false} onChange={(d) => d && setAsOf(d.format('YYYY-MM-DD'))} /></Space>
      <Row gutter={16}>
        <Col span={5}><Statistic title={t('review.approved')} value={total?.approved ?? 0} /></Col>
        <Col span={5}><Statistic title={t('review.scheduledToDate')} value={total?.scheduledToDate ?? 0} /></Col>
        <Col span={5}><Statistic title={t('review.paid')} value={total?.paidToDate ?? 0} /></Col>
        <Col span={5}><Statistic title={t('review.paymentRate')} value={pct(total?.paymentRate)} /></Col>
        <Col span={4}><div>{t('review.light')}</div><LightTag light={total?.light ?? null} /></Col>
      </Row>
      <Table rowKey="id" size="small" loading={f.isLoading} dataSource={f.data?.items ?? []} data-testid="funds-items" pagination={false} columns={[
        { title: t('review.code'), dataIndex: 'code', width: 130 },
        { title: t('review.title'), render: (_, r) => <Link to={`/reviews/items/${r.id}`}>{r.title}</Link> },
        { title: t('review.type'), render: (_, r) => L.type(r.type), width: 120 },
        { title: t('review.approved'), render: (_, r) => wan(r.figures.approved), align: 'right' },
        { title: t('review.scheduledToDate'), render: (_, r) => wan(r.figures.scheduledToDate), align: 'right' },
        { title: t('review.paid'), render: (_, r) => wan(r.figures.paidToDate), align: 'right' },
        { title: t('review.paymentRate'), render: (_, r) => pct(r.figures.paymentRate), align: 'right' },
        { title: t('review.light'), render: (_, r) => <LightTag light={r.figures.light} /> },
      ]} />
      <Row gutter={16}>
        <Col span={12}><Totals title={t('review.byIndustry')} rows={f.data?.byIndustry ?? []} testId="funds-industry" /></Col>
        <Col span={12}><Totals title={t('review.byYear')} rows={f.data?.byYear ?? []} testId="funds-year" /></Col>
      </Row>
      <Totals title={t('review.byCounty')} rows={f.data?.byCounty ?? []} testId="funds-county" />
    </Space>
  );
}
