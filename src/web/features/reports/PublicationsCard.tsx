// 公开发布: the coordinator chooses what the public page shows — the targets of a period, or one
// indicator's city or county figures for a period — and withdraws items. Every change is audited.
import { Button, Card, Form, Popconfirm, Select, Table, Tag, Typography } from 'antd';
import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Publication, PublicationCreate, PublicationKind, PublicDim } from '../../../shared/publication';
import { ApiError } from '../../api/client';
import { usePublications, usePublish, useWithdraw } from '../../api/reports';
import { useIndicators } from '../../api/statistics';
import { REPORT_PERIODS } from './periods';

interface Values { kind: PublicationKind; indicatorCode?: string; dim?: PublicDim; period: string }

const MONTHS = ['202012', '202006', '201912', '201812'];

export function PublicationsCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const list = usePublications(true);
  const indicators = useIndicators();
  const publish = usePublish();
  const withdraw = useWithdraw();
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form) ?? 'targets';
  const run = async (fn: () => Promise<unknown>, done: string) => {
    try {
      await fn();
      void message.success(done);
    } catch (err) {
      void message.error(err instanceof ApiError ? err.message : String(err));
    }
  };
  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    const body: PublicationCreate = v.kind === 'targets' ? { kind: 'targets', period: v.period } : { kind: 'aggregate', indicatorCode: v.indicatorCode!, dim: v.dim!, period: v.period };
    await run(() => publish.mutateAsync(body), t('reports.publish.published'));
  };
  const options = (indicators.data ?? []).filter((i) => i.formula?.kind !== 'count').map((i) => ({ value: i.code, label: `${i.name}（${i.code}）` }));
  return (
    <Card title={t('reports.publish.title')} extra={<a href="/public" target="_blank" rel="noreferrer" data-testid="open-public">{t('reports.publish.open')}</a>} data-testid="publications">
      <Typography.Paragraph type="secondary">{t('reports.publish.intro')}</Typography.Paragraph>
      <Form<Values> form={form} layout="inline" initialValues={{ kind: 'targets', period: '2020', dim: 'county' }} style={{ rowGap: 8, marginBottom: 12 }}>
        <Form.Item name="kind" label={t('reports.publish.kind')}>
          <Select style={{ width: 150 }} options={(['targets', 'aggregate'] as const).map((k) => ({ value: k, label: t(`reports.publish.kinds.${k}`) }))} data-testid="publish-kind" />
        </Form.Item>
        {kind === 'aggregate' && (
          <>
            <Form.Item name="indicatorCode" label={t('reports.publish.indicator')} rules={[{ required: true, message: t('reports.publish.required') }]}>
              <Select showSearch optionFilterProp="label" style={{ width: 260 }} options={options} data-testid="publish-indicator" />
            </Form.Item>
            <Form.Item name="dim" label={t('reports.publish.dim')}>
              <Select style={{ width: 150 }} options={(['city', 'county'] as const).map((d) => ({ value: d, label: t(`reports.publish.dims.${d}`) }))} data-testid="publish-dim" />
            </Form.Item>
          </>
        )}
        <Form.Item name="period" label={t('reports.publish.period')} rules={[{ required: true, message: t('reports.publish.required') }]}>
          <Select showSearch style={{ width: 130 }} options={[...MONTHS, ...REPORT_PERIODS].map((p) => ({ value: p, label: p }))} data-testid="publish-period" />
        </Form.Item>
        <Button type="primary" onClick={() => void submit()} loading={publish.isPending} data-testid="publish-add">{t('reports.publish.add')}</Button>
      </Form>
      <Table<Publication>
        size="small" rowKey="id" pagination={false} dataSource={list.data?.publications ?? []} loading={list.isLoading} locale={{ emptyText: t('reports.publish.empty') }} data-testid="publication-list"
        columns={[
          { title: t('reports.publish.kind'), key: 'kind', render: (_, p) => <Tag>{t(`reports.publish.kinds.${p.kind}`)}</Tag> },
          { title: t('reports.columns.name2'), dataIndex: 'title' },
          { title: t('reports.publish.period'), dataIndex: 'period' },
          { title: t('reports.publish.by'), key: 'by', render: (_, p) => `${p.publishedBy} · ${p.updatedAt.slice(0, 16).replace('T', ' ')}` },
          {
            title: '', key: 'actions', render: (_, p) => (
              <Popconfirm title={t('reports.publish.withdrawConfirm')} onConfirm={() => run(() => withdraw.mutateAsync(p), t('reports.publish.withdrawn'))}>
                <Button size="small" danger data-testid="publication-withdraw">{t('reports.publish.withdraw')}</Button>
              </Popconfirm>
            ),
          },
        ]}
      />
    </Card>
  );
}
