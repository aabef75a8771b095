// The public page (/public, no login, outside the signed-in shell): what the coordinator published —
// the targets of a period and city or county figures — as the public routes answer them. A suppressed
// cell shows as 保密 with its reason, never as a number; the rule is stated under the tables.
import { Card, Empty, Layout, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PublicCatalogueItem, PublicCell, PublicTarget } from '../../../shared/publication';
import { usePublicAggregate, usePublicCatalogue, usePublicTargets } from '../../api/reports';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { QueryResult } from '../../components/QueryResult';
import { fmt, LightTag } from '../targets/format';

export function PublicPage() {
  const { t } = useTranslation();
  const catalogue = usePublicCatalogue();
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', background: '#fff', borderBottom: '1px solid #f0f0f0', paddingInline: 24 }}>
        <Typography.Title level={4} style={{ margin: 0 }} data-testid="public-title">{t('publicPage.title')}</Typography.Title>
        <Space><LanguageSwitch /><a href="/login">{t('publicPage.login')}</a></Space>
      </Layout.Header>
      <Layout.Content style={{ padding: 24, maxWidth: 1200, width: '100%', margin: '0 auto' }}>
        <Typography.Paragraph type="secondary">{t('publicPage.subtitle')}</Typography.Paragraph>
        <QueryResult query={catalogue}>
          {({ items }) => (items.length === 0
            ? <Empty description={t('publicPage.empty')} data-testid="public-empty" />
            : (
              <Space direction="vertical" size={16} style={{ width: '100%' }}>
                {items.map((item) => (item.kind === 'targets' ? <TargetsBlock key={item.id} item={item} /> : <AggregateBlock key={item.id} item={item} />))}
              </Space>
            ))}
        </QueryResult>
      </Layout.Content>
    </Layout>
  );
}

function TargetsBlock({ item }: { item: PublicCatalogueItem }) {
  const { t } = useTranslation();
  const q = usePublicTargets(item.period);
  return (
    <Card title={item.title} data-testid="public-targets" size="small">
      <QueryResult query={q}>
        {(d) => (
          <>
            <Typography.Text type="secondary">{t('publicPage.asOf', { date: d.asOf })}</Typography.Text>
            <Table<PublicTarget>
              size="small" rowKey="code" pagination={false} dataSource={d.targets} scroll={{ x: true }}
              columns={[
                { title: t('reports.columns.code'), dataIndex: 'code', width: 60 },
                { title: t('reports.columns.name'), dataIndex: 'name' },
                { title: t('reports.columns.target'), key: 'target', render: (_, x) => `${fmt(x.targetValue, 1)} ${x.unit}（${x.targetYear}）` },
                { title: t('reports.columns.actual'), key: 'actual', render: (_, x) => <span data-testid={`public-actual-${x.code}`}>{x.actual === null ? '—' : `${fmt(x.actual, 1)} ${x.unit}`}</span> },
                { title: t('reports.columns.attainment'), key: 'att', render: (_, x) => (x.attainmentPct === null ? '—' : `${fmt(x.attainmentPct, 1)}%`) },
                { title: t('reports.columns.light'), key: 'light', render: (_, x) => <LightTag light={x.light} /> },
              ]}
            />
          </>
        )}
      </QueryResult>
    </Card>
  );
}

function AggregateBlock({ item }: { item: PublicCatalogueItem }) {
  const { t } = useTranslation();
  const q = usePublicAggregate(item);
  const value = (c: PublicCell, unit: string) => (c.suppressed
    ? <Tag data-testid="public-suppressed" title={t(`publicPage.reasons.${c.suppressed}`)}>{t('publicPage.suppressed')}</Tag>
    : c.value === null ? '—' : `${fmt(c.value, 2)} ${unit}`);
  return (
    <Card title={item.title} size="small" data-testid="public-aggregate" data-dim={item.dim}>
      <QueryResult query={q}>
        {(a) => (
          <>
            <Table<PublicCell>
              size="small" rowKey="key" pagination={false}
              dataSource={a.total ? [...a.rows, { ...a.total, key: '__total', name: t('publicPage.total') }] : a.rows}
              columns={[
                { title: t('reports.columns.name2'), dataIndex: 'name' },
                { title: `${a.indicator.name}（${a.period}）`, key: 'value', render: (_, c) => value(c, a.indicator.unit) },
                { title: t('reports.columns.yoy'), key: 'yoy', render: (_, c) => (c.yoy === null ? '—' : `${fmt(c.yoy, 1)}%`) },
              ]}
            />
            <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
              {t('publicPage.rule', { n: a.rule.minContributors, share: Math.round(a.rule.dominanceShare * 100) })}
            </Typography.Paragraph>
          </>
        )}
      </QueryResult>
    </Card>
  );
}
