// 报送进度: expected vs received reports of a data set and period, on time against the deadline, by
// county (table and chart), and the non-reporters with one-click reminders.
import { BellOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Row, Space, Statistic, Table, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCompleteness, useSendReminders } from '../../api/statistics';
import type { Completeness, CompletenessRow, NonReporter } from '../../../shared/statistics';
import { EChart, type ChartOption } from '../../components/EChart';
import { QueryResult } from '../../components/QueryResult';
import { EMPTY_SEARCH, matchesSearch, SearchBox, type SearchValue } from '../../components/SearchBox';
import { DatasetPeriodBar, fmtTime, StatusTag, useDatasetPeriod, useStatisticsAccess } from './common';

const pct = (v: number | null) => (v == null ? '—' : `${v.toFixed(1)}%`);

function CompletenessChart({ rows }: { rows: CompletenessRow[] }) {
  const { t } = useTranslation();
  const option = useMemo<ChartOption>(() => ({
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 48, right: 48, bottom: 64, top: 36 },
    xAxis: { type: 'category', data: rows.map((r) => r.name), axisLabel: { rotate: 40, interval: 0 } },
    yAxis: [{ type: 'value', name: t('statistics.expectedReports') }, { type: 'value', name: '%', max: 100, min: 0 }],
    series: [
      { type: 'bar', name: t('statistics.expectedReports'), data: rows.map((r) => r.expected), itemStyle: { color: '#d9d9d9' } },
      { type: 'bar', name: t('statistics.receivedReports'), data: rows.map((r) => r.received), itemStyle: { color: '#1677ff' } },
      { type: 'line', name: t('statistics.timelinessRate'), yAxisIndex: 1, data: rows.map((r) => (r.timeliness == null ? null : Number(r.timeliness.toFixed(1)))) },
    ],
  }), [rows, t]);
  return <EChart option={option} height={300} ariaLabel={t('statistics.byCounty')} testId="completeness-chart" />;
}

function CompletenessView({ data }: { data: Completeness }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const access = useStatisticsAccess();
  const remind = useSendReminders();
  // 一键催报 reaches every non-reporter's users (in the app and by e-mail): confirm with the count first.
  const confirmRemindAll = () =>
    modal.confirm({
      title: t('notifications.remindConfirmTitle'),
      content: t('notifications.remindConfirm', { count: data.nonReporters.length, dataset: data.dataset, period: data.period }),
      onOk: () => send(),
    });
  const send = async (orgCodes?: string[]) => {
    try {
      const r = await remind.mutateAsync({ dataset: data.dataset, period: data.period, orgCodes });
      void message.success(t('statistics.reminded', { count: r.sent }));
    } catch (err) {
      void message.error(err instanceof Error ? err.message : String(err));
    }
  };
  const total = data.total;
  const [search, setSearch] = useState<SearchValue>(EMPTY_SEARCH);
  const shown = data.nonReporters.filter((n) => matchesSearch(search, { text: [n.orgName, n.orgCode], county: n.countyCode, status: n.status }));
  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }}>
      <Row gutter={[12, 12]} data-testid="completeness-totals">
        {([
          ['expectedReports', total.expected],
          ['receivedReports', total.received],
          ['approvedReports', total.approved],
          ['completenessRate', pct(total.completeness)],
          ['timelinessRate', pct(total.timeliness)],
        ] as const).map(([k, v]) => (
          <Col key={k} flex="1 1 150px"><Card size="small"><Statistic title={t(`statistics.${k}`)} value={v} /></Card></Col>
        ))}
        <Col flex="1 1 150px"><Card size="small"><Statistic title={t('lists.lateReports')} value={total.late} valueStyle={total.late ? { color: '#cf1322' } : undefined} data-testid="completeness-late" /></Card></Col>
        <Col flex="1 1 190px"><Card size="small"><Statistic title={t('statistics.deadline')} value={data.deadline.slice(0, 10)} /></Card></Col>
      </Row>
      <Row gutter={[12, 12]}>
        <Col xs={24}>
          <Card size="small" title={t('statistics.byCounty')}>
            <Row gutter={16}>
              <Col xs={24} xl={12}><CompletenessChart rows={data.byCounty} /></Col>
              <Col xs={24} xl={12}>
            <Table<CompletenessRow>
              size="small" rowKey="key" dataSource={data.byCounty} pagination={false} data-testid="completeness-table" scroll={{ y: 300 }}
              columns={[
                { title: t('statistics.county'), dataIndex: 'name' },
                { title: t('statistics.expectedReports'), dataIndex: 'expected', align: 'right' },
                { title: t('statistics.receivedReports'), dataIndex: 'received', align: 'right' },
                { title: t('statistics.onTime'), dataIndex: 'onTime', align: 'right' },
                { title: t('lists.lateReports'), dataIndex: 'late', align: 'right', render: (v: number) => (v ? <Typography.Text type="danger">{v}</Typography.Text> : 0) },
                { title: t('statistics.completenessRate'), key: 'c', align: 'right', render: (_, r) => pct(r.completeness) },
                { title: t('statistics.timelinessRate'), key: 'tl', align: 'right', render: (_, r) => pct(r.timeliness) },
              ]}
            />
              </Col>
            </Row>
          </Card>
        </Col>
        <Col xs={24}>
          <Card
            size="small" title={`${t('statistics.nonReporters')} (${shown.length === data.nonReporters.length ? shown.length : `${shown.length} / ${data.nonReporters.length}`})`}
            extra={access.canRemind && data.nonReporters.length > 0 && (
              <Button type="primary" icon={<BellOutlined />} loading={remind.isPending} onClick={confirmRemindAll} data-testid="remind-all">
                {t('statistics.remindAll', { count: data.nonReporters.length })}
              </Button>
            )}
          >
            <SearchBox
              value={search} onChange={setSearch} testId="non-reporter-search" county={access.role !== 'county'}
              statusOptions={['missing', 'draft', 'returned'].map((s) => ({ value: s, label: t(`statistics.statuses.${s as 'draft'}`) }))}
            />
            <Table<NonReporter>
              size="small" rowKey="orgCode" dataSource={shown} style={{ marginTop: 8 }} pagination={{ pageSize: 15, hideOnSinglePage: true }} data-testid="non-reporters"
              locale={{ emptyText: t('statistics.allReported') }}
              columns={[
                { title: t('statistics.orgName'), key: 'org', render: (_, n) => <>{n.orgName} <Typography.Text type="secondary" style={{ fontSize: 12 }}>{n.orgCode}</Typography.Text></> },
                { title: t('statistics.status'), key: 'status', width: 100, render: (_, n) => <StatusTag status={n.status} /> },
                { title: t('statistics.reminders'), dataIndex: 'reminders', align: 'right', width: 80 },
                { title: t('statistics.lastReminder'), key: 'last', width: 140, render: (_, n) => fmtTime(n.lastReminderAt) },
                ...(access.canRemind ? [{ title: '', key: 'a', width: 80, render: (_: unknown, n: NonReporter) => <Button size="small" icon={<BellOutlined />} onClick={() => void send([n.orgCode])}>{t('statistics.remind')}</Button> }] : []),
              ]}
            />
          </Card>
        </Col>
      </Row>
    </Space>
  );
}

export function CompletenessTab() {
  const sel = useDatasetPeriod();
  const completeness = useCompleteness(sel.ds ? sel.dataset : '', sel.period);
  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }}>
      <DatasetPeriodBar sel={sel} testId="completeness" />
      <QueryResult query={completeness}>{(data) => <CompletenessView data={data} />}</QueryResult>
    </Space>
  );
}
