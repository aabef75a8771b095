// 通报: the ranking of responsible units (score, lights, red-light days, on-time reporting, average lag)
// for a period, with the Word and Excel downloads of the same ranking.
import { DownloadOutlined } from '@ant-design/icons';
import { Button, Input, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LIGHTS, PeriodSchema, type RankingRow } from '../../../shared/supervision';
import { rankingExportUrl, useRanking } from '../../api/supervision';
import { QueryResult } from '../../components/QueryResult';
import { LIGHT_COLORS, pct } from './common';

export function BulletinTab({ asOf }: { asOf?: string }) {
  const { t } = useTranslation();
  const [period, setPeriod] = useState<string | undefined>();
  const ranking = useRanking(asOf, period);
  const columns: TableColumnsType<RankingRow> = [
    { title: t('supervision.bulletin.rank'), dataIndex: 'rank', width: 60 },
    { title: t('supervision.columns.unit'), key: 'org', render: (_, r) => r.org.name },
    { title: t('supervision.bulletin.score'), dataIndex: 'score', width: 80, render: (s: number) => s.toFixed(1) },
    { title: t('supervision.units.tasks'), dataIndex: 'tasks', width: 70 },
    { title: t('supervision.columns.light'), key: 'lights', width: 250, render: (_, r) => <Space size={2}>{LIGHTS.map((l) => <Tag key={l} color={LIGHT_COLORS[l]}>{t(`supervision.lights.${l}`)} {r.counts[l]}</Tag>)}</Space> },
    { title: t('supervision.bulletin.redDays'), dataIndex: 'redDays', width: 90 },
    { title: t('supervision.bulletin.reports'), key: 'reports', width: 120, render: (_, r) => `${r.reportsOnTime} / ${r.reportsDue}` },
    { title: t('supervision.units.onTimeRate'), key: 'rate', width: 100, render: (_, r) => pct(r.onTimeRate * 100) },
    { title: t('supervision.bulletin.averageLag'), key: 'lag', width: 110, render: (_, r) => r.averageLag.toFixed(1) },
  ];
  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }} data-testid="bulletin">
      <Space wrap>
        <Typography.Text type="secondary">{t('supervision.columns.period')}</Typography.Text>
        <Input.Search allowClear placeholder={t('supervision.bulletin.periodHint')} style={{ width: 200 }} data-testid="bulletin-period"
          onSearch={(v) => setPeriod(v && PeriodSchema.safeParse(v).success ? v : undefined)} />
        <Button icon={<DownloadOutlined />} href={rankingExportUrl('docx', asOf, period)} data-testid="bulletin-docx">{t('supervision.bulletin.word')}</Button>
        <Button icon={<DownloadOutlined />} href={rankingExportUrl('xlsx', asOf, period)} data-testid="bulletin-xlsx">{t('supervision.bulletin.excel')}</Button>
      </Space>
      <QueryResult query={ranking}>
        {(data) => (
          <>
            <Typography.Text type="secondary">{t('supervision.bulletin.caption', { date: data.asOf, period: data.period ?? t('supervision.bulletin.wholePeriod') })}</Typography.Text>
            <Table<RankingRow> rowKey={(r) => r.org.id} size="small" columns={columns} dataSource={data.rows} pagination={false} data-testid="ranking-table" scroll={{ x: 900 }} />
            <Typography.Text type="secondary">{t('supervision.bulletin.method')}</Typography.Text>
          </>
        )}
      </QueryResult>
    </Space>
  );
}
