// 报告: the 季度通报 of a chosen period — a preview of what the files say (targets with lights, the
// parts included, notes on what was left out for the reader's role) and the Word, PDF and Excel
// downloads, generated on the server. The coordinator also chooses here what the public page shows.
import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportTargetRow } from '../../../shared/reports';
import { useMe } from '../../api/hooks';
import { reportUrl, useBriefing } from '../../api/reports';
import { QueryResult } from '../../components/QueryResult';
import { fmt, LightTag, StatusTag } from '../targets/format';
import { PublicationsCard } from './PublicationsCard';
import { REPORT_PERIODS } from './periods';

export function ReportsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const [period, setPeriod] = useState('2020Q4');
  const briefing = useBriefing(period);
  const canPublish = !!me.data?.permissions?.publication?.create;
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card title={t('reports.title')} data-testid="reports-card">
        <Typography.Paragraph type="secondary">{t('reports.intro')}</Typography.Paragraph>
        <Space wrap>
          <span>{t('reports.period')}</span>
          <Select value={period} onChange={setPeriod} style={{ width: 140 }} options={REPORT_PERIODS.map((p) => ({ value: p, label: p }))} data-testid="report-period" />
          <Button type="primary" icon={<DownloadOutlined />} href={reportUrl(period, 'docx')} data-testid="report-docx">{t('reports.word')}</Button>
          <Button icon={<DownloadOutlined />} href={reportUrl(period, 'pdf')} data-testid="report-pdf">{t('reports.pdf')}</Button>
          <Button icon={<DownloadOutlined />} href={reportUrl(period, 'xlsx')} data-testid="report-xlsx">{t('reports.excel')}</Button>
        </Space>
      </Card>
      <QueryResult query={briefing}>
        {(r) => (
          <Card title={`${t('reports.preview')}：${r.title}`} size="small" data-testid="report-preview">
            <Typography.Title level={5} data-testid="report-title">{r.title}</Typography.Title>
            <Table<ReportTargetRow>
              size="small" rowKey="code" pagination={false} dataSource={r.targets} data-testid="report-targets" scroll={{ x: true }}
              columns={[
                { title: t('reports.columns.code'), dataIndex: 'code', width: 60 },
                { title: t('reports.columns.name'), dataIndex: 'name' },
                { title: t('reports.columns.target'), key: 'target', render: (_, x) => `${fmt(x.targetValue, 1)} ${x.unit}（${x.targetYear}）` },
                { title: t('reports.columns.actual'), key: 'actual', render: (_, x) => (x.actual === null ? '—' : `${fmt(x.actual, 1)} ${x.unit}`) },
                { title: t('reports.columns.attainment'), key: 'att', render: (_, x) => (x.attainmentPct === null ? '—' : `${fmt(x.attainmentPct, 1)}%`) },
                { title: t('reports.columns.light'), key: 'light', render: (_, x) => <LightTag light={x.light} testId={`report-light-${x.code}`} /> },
                { title: t('reports.columns.status'), key: 'status', render: (_, x) => (x.status ? <StatusTag status={x.status} /> : '—') },
              ]}
            />
            <Space direction="vertical" style={{ marginTop: 12 }}>
              {r.projects && <Typography.Text>{t('reports.projects', { total: r.projects.total, green: r.projects.lights.green, yellow: r.projects.lights.yellow, red: r.projects.lights.red })}</Typography.Text>}
              {r.supervision && <Typography.Text>{t('reports.supervision', { n: r.supervision.departments.length + r.supervision.counties.length })}</Typography.Text>}
              {r.notes.length > 0 && <Alert type="info" showIcon message={t('reports.notes')} description={r.notes.map((n) => <div key={n.en}>{n.zh}</div>)} />}
            </Space>
          </Card>
        )}
      </QueryResult>
      {canPublish && <PublicationsCard />}
    </Space>
  );
}
