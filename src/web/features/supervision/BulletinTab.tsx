// 通报: the periodic bulletin of the supervision — totals, and the departments and the counties ranked by
// their composite score (on-time reports, closure rate, green share) — with the Word and Excel downloads
// of the same bulletin.
import { DownloadOutlined } from '@ant-design/icons';
import { Button, Descriptions, Input, Space, Table, Tabs, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BULLETIN_WEIGHTS, BulletinPeriodSchema, type BulletinRow } from '../../../shared/supervision-follow-up';
import { LIGHTS } from '../../../shared/supervision';
import { bulletinUrl, useBoard, useBulletin } from '../../api/supervision';
import { QueryResult } from '../../components/QueryResult';
import { LIGHT_COLORS, usePick } from './common';

const rate = (n: number | null) => (n == null ? '—' : `${n.toFixed(1)}%`);

/** The last quarter that ended before the as-of date. */
export function defaultBulletinPeriod(asOf: string): string {
  const d = asOf;
  const y = Number(d.slice(0, 4));
  const q = Math.ceil(Number(d.slice(5, 7)) / 3) - 1;
  return q === 0 ? `${y - 1}Q4` : `${y}Q${q}`;
}

/** The default period follows the server's as-of date (the board's), not the browser's clock. */
export function BulletinTab({ asOf }: { asOf?: string }) {
  const board = useBoard({ asOf });
  if (!board.data) return <QueryResult query={board}>{() => null}</QueryResult>;
  return <Bulletin key={board.data.asOf} asOf={board.data.asOf} />;
}

function Bulletin({ asOf }: { asOf: string }) {
  const { t } = useTranslation();
  const pick = usePick();
  const [period, setPeriod] = useState(() => defaultBulletinPeriod(asOf));
  const [bad, setBad] = useState(false);
  const bulletin = useBulletin(period);
  const columns: TableColumnsType<BulletinRow> = [
    { title: t('supervision.bulletin.rank'), dataIndex: 'rank', width: 60 },
    { title: t('supervision.columns.unit'), key: 'org', width: 160, render: (_, r) => r.org.name },
    { title: t('supervision.bulletin.score'), dataIndex: 'score', width: 80, render: (s: number | null) => (s == null ? '—' : s.toFixed(1)) },
    { title: t('supervision.units.tasks'), dataIndex: 'tasks', width: 70 },
    { title: t('supervision.columns.light'), key: 'lights', width: 250, render: (_, r) => <Space size={2}>{LIGHTS.map((l) => <Tag key={l} color={LIGHT_COLORS[l]}>{t(`supervision.lights.${l}`)} {r.counts[l]}</Tag>)}</Space> },
    { title: t('supervision.bulletin.reports'), key: 'reports', width: 100, render: (_, r) => `${r.reportsOnTime} / ${r.reportsDue}` },
    { title: t('supervision.units.onTimeRate'), key: 'rate', width: 100, render: (_, r) => rate(r.onTimeRate) },
    { title: t('supervision.bulletin.closure'), key: 'closure', width: 110, render: (_, r) => `${r.tasksClosed} / ${r.tasksDue}（${rate(r.closureRate)}）` },
    { title: t('supervision.bulletin.redDays'), dataIndex: 'redDays', width: 90 },
    { title: t('supervision.bulletin.greenShare'), key: 'green', width: 100, render: (_, r) => rate(r.greenShare) },
  ];
  const table = (rows: BulletinRow[], testId: string) => (
    <Table<BulletinRow> rowKey={(r) => r.org.id} size="small" columns={columns} dataSource={rows} pagination={false} data-testid={testId} scroll={{ x: 1000 }} />
  );
  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }} data-testid="bulletin">
      <Space wrap>
        <Typography.Text type="secondary">{t('supervision.columns.period')}</Typography.Text>
        <Input.Search defaultValue={period} placeholder={t('supervision.bulletin.periodHint')} style={{ width: 240 }} data-testid="bulletin-period" status={bad ? 'error' : undefined}
          onSearch={(v) => {
            const ok = BulletinPeriodSchema.safeParse(v.trim()).success;
            setBad(!ok);
            if (ok) setPeriod(v.trim());
          }} />
        <Button icon={<DownloadOutlined />} href={bulletinUrl(period, 'docx')} data-testid="bulletin-docx">{t('supervision.bulletin.word')}</Button>
        <Button icon={<DownloadOutlined />} href={bulletinUrl(period, 'xlsx')} data-testid="bulletin-xlsx">{t('supervision.bulletin.excel')}</Button>
        {bad && <Typography.Text type="danger">{t('supervision.bulletin.periodHint')}</Typography.Text>}
      </Space>
      <QueryResult query={bulletin}>
        {(b) => (
          <>
            <Typography.Title level={5} style={{ margin: 0, textAlign: 'center' }} data-testid="bulletin-title">{b.title}</Typography.Title>
            <Typography.Text type="secondary" style={{ display: 'block', textAlign: 'center' }}>{b.docNumber} · {pick(b.label)}（{b.from} ~ {b.to}）{b.demo ? ` · ${t('app.demoBadge')}` : ''}</Typography.Text>
            <Descriptions size="small" bordered column={4} data-testid="bulletin-totals">
              <Descriptions.Item label={t('supervision.units.tasks')}>{b.totals.tasks}</Descriptions.Item>
              <Descriptions.Item label={t('supervision.columns.light')}>
                <Space size={2}>{LIGHTS.map((l) => <Tag key={l} color={LIGHT_COLORS[l]}>{t(`supervision.lights.${l}`)} {b.totals.counts[l]}</Tag>)}</Space>
              </Descriptions.Item>
              <Descriptions.Item label={t('supervision.units.onTimeRate')}>{b.totals.reportsOnTime} / {b.totals.reportsDue}（{rate(b.totals.onTimeRate)}）</Descriptions.Item>
              <Descriptions.Item label={t('supervision.bulletin.closure')}>{b.totals.tasksClosed} / {b.totals.tasksDue}（{rate(b.totals.closureRate)}）</Descriptions.Item>
            </Descriptions>
            <Tabs
              items={[
                { key: 'departments', label: t('supervision.units.departments'), children: table(b.departments, 'ranking-departments') },
                { key: 'counties', label: t('supervision.units.counties'), children: table(b.counties, 'ranking-counties') },
              ]}
            />
            <Typography.Text type="secondary">{t('supervision.bulletin.method', { onTime: BULLETIN_WEIGHTS.onTimeRate, closure: BULLETIN_WEIGHTS.closureRate, green: BULLETIN_WEIGHTS.greenShare })}</Typography.Text>
          </>
        )}
      </QueryResult>
    </Space>
  );
}
