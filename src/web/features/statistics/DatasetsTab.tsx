// 数据集: the data sets (统计报表) with frequency, reporters, deadline, expiry and indicators; users whose
// role may create/update/delete data sets (from /api/me) get the buttons. The indicator picker lists only
// indicators that fit the data set (the server checks the same and names any misfit).
import { App, Alert, Button, Col, Form, Input, InputNumber, Modal, Popconfirm, Row, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUnitLabel } from '../../components/units';
import { DATASET_CODE_PATTERN, DATASET_ORG_KINDS, FREQUENCIES, type Dataset, type Frequency, type Indicator } from '../../../shared/statistics';
import { ApiError } from '../../api/client';
import { useMe } from '../../api/hooks';
import { useDatasets, useDeleteDataset, useIndicators, useSaveDataset } from '../../api/statistics';
import { QueryResult } from '../../components/QueryResult';
import { IndicatorRangesCard } from './IndicatorRangesCard';

type OrgKind = Dataset['orgKind'];

interface Values {
  code: string;
  name: string;
  nameEn: string;
  frequency: Frequency;
  orgKind: OrgKind;
  deadlineDays: number;
  expiryDays: number | null;
  indicators: string[];
}

/** Same rule as the server (src/core/statistics/datasets.ts): enterable, same level, same frequency (an annual set may take year totals). */
export const fitsDataset = (i: Indicator, frequency: Frequency, orgKind: OrgKind): boolean =>
  i.level === orgKind && (i.frequency === frequency || frequency === 'year');

const FIELDS = ['code', 'name', 'nameEn', 'frequency', 'orgKind', 'deadlineDays', 'expiryDays', 'indicators'] as const;

function DatasetFormModal({ dataset, open, onClose }: { dataset: Dataset | null; open: boolean; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const unitLabel = useUnitLabel();
  const en = i18n.language === 'en';
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useSaveDataset();
  const indicators = useIndicators();
  const frequency = Form.useWatch('frequency', form) ?? dataset?.frequency ?? 'month';
  const orgKind = Form.useWatch('orgKind', form) ?? dataset?.orgKind ?? 'enterprise';
  const options = useMemo(
    () => (indicators.data ?? []).filter((i) => fitsDataset(i, frequency, orgKind)).map((i) => ({ value: i.code, label: `${i.code} ${en ? i.nameEn : i.name}（${unitLabel(i.unit)}）` })),
    [indicators.data, frequency, orgKind, en],
  );
  const initial: Values = dataset
    ? { ...dataset }
    : { code: '', name: '', nameEn: '', frequency: 'month', orgKind: 'enterprise', deadlineDays: 10, expiryDays: null, indicators: [] };

  const submit = async (v: Values) => {
    const body: Record<string, unknown> = {
      name: v.name.trim(), nameEn: v.nameEn.trim(), deadlineDays: v.deadlineDays, expiryDays: v.expiryDays ?? null, indicators: v.indicators,
      ...(dataset ? {} : { frequency: v.frequency, orgKind: v.orgKind }),
    };
    try {
      const r = await save.mutateAsync({ code: dataset?.code ?? v.code.trim(), rowVersion: dataset?.rowVersion ?? null, body });
      void message.success(t('statistics.datasetAdmin.saved', { code: r.dataset.code }));
      onClose();
    } catch (err) {
      if (err instanceof ApiError) {
        // Issues name their field (indicators[2] → indicators); put each reason under its field.
        const byField = new Map<string, string[]>();
        for (const i of err.issues) {
          const field = i.field ?? i.path.replace(/[.[].*$/, '');
          if (!(FIELDS as readonly string[]).includes(field)) continue;
          const reason = en ? (i.reasonEn ?? i.message) : (i.reason ?? i.message);
          byField.set(field, [...(byField.get(field) ?? []), /^indicators\[/.test(i.path) ? `${String(i.value)}: ${reason}` : reason]);
        }
        form.setFields([...byField].map(([name, errors]) => ({ name: name as keyof Values, errors })));
        void message.error(err.code === 'CONFLICT' && dataset ? t('statistics.datasetAdmin.conflict') : err.message);
      } else void message.error(String(err));
    }
  };

  return (
    <Modal
      open={open} width={760} destroyOnHidden
      title={dataset ? `${t('statistics.datasetAdmin.edit')} · ${dataset.code}` : t('statistics.datasetAdmin.add')}
      okText={t('statistics.datasetAdmin.save')} cancelText={t('statistics.datasetAdmin.cancel')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={save.isPending}
      okButtonProps={{ 'data-testid': 'dataset-save' } as Record<string, string>}
    >
      <Form<Values>
        form={form} layout="vertical" preserve={false} initialValues={initial} data-testid="dataset-form"
        onFinish={(v) => void submit(v)}
        onValuesChange={(changed: Partial<Values>, all) => {
          // A new frequency or reporter kind drops the picked indicators that no longer fit.
          if ((changed.frequency || changed.orgKind) && indicators.data) {
            const fit = new Set(indicators.data.filter((i) => fitsDataset(i, all.frequency, all.orgKind)).map((i) => i.code));
            form.setFieldValue('indicators', (all.indicators ?? []).filter((c) => fit.has(c)));
          }
        }}
      >
        <Row gutter={12}>
          <Col xs={24} sm={8}>
            <Form.Item
              name="code" label={t('statistics.datasetAdmin.code')} extra={dataset ? undefined : t('statistics.datasetAdmin.codeHelp')}
              rules={[{ required: true, pattern: DATASET_CODE_PATTERN, message: t('statistics.datasetAdmin.codeHelp') }]}
              normalize={(v: string) => v.toUpperCase()}
            >
              <Input disabled={!!dataset} autoFocus={!dataset} style={{ fontFamily: 'monospace' }} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={8}>
            <Form.Item name="name" label={t('statistics.datasetAdmin.name')} rules={[{ required: true, whitespace: true, max: 200 }]}><Input autoFocus={!!dataset} /></Form.Item>
          </Col>
          <Col xs={24} sm={8}>
            <Form.Item name="nameEn" label={t('statistics.datasetAdmin.nameEn')} rules={[{ required: true, whitespace: true, max: 200 }]}><Input /></Form.Item>
          </Col>
          <Col xs={12} sm={6}>
            <Form.Item name="frequency" label={t('statistics.datasetAdmin.frequency')} extra={dataset ? t('statistics.datasetAdmin.fixedAfterCreate') : undefined}>
              <Select disabled={!!dataset} options={FREQUENCIES.map((f) => ({ value: f, label: t(`statistics.periodKinds.${f}`) }))} />
            </Form.Item>
          </Col>
          <Col xs={12} sm={6}>
            <Form.Item name="orgKind" label={t('statistics.datasetAdmin.orgKind')} extra={dataset ? t('statistics.datasetAdmin.fixedAfterCreate') : undefined}>
              <Select disabled={!!dataset} options={DATASET_ORG_KINDS.map((k) => ({ value: k, label: t(`statistics.datasetAdmin.orgKinds.${k}`) }))} />
            </Form.Item>
          </Col>
          <Col xs={12} sm={6}>
            <Form.Item name="deadlineDays" label={t('statistics.datasetAdmin.deadlineDays')} rules={[{ required: true }]}>
              <InputNumber min={0} max={366} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} sm={6}>
            <Form.Item
              name="expiryDays" label={t('statistics.datasetAdmin.expiryDays')} extra={t('statistics.datasetAdmin.expiryHelp')} dependencies={['deadlineDays']}
              rules={[({ getFieldValue }) => ({
                validator: (_, v: number | null | undefined) =>
                  v == null || v > Number(getFieldValue('deadlineDays')) ? Promise.resolve() : Promise.reject(new Error(t('statistics.datasetAdmin.expiryAfterDeadline'))),
              })]}
            >
              <InputNumber min={1} max={3660} precision={0} style={{ width: '100%' }} placeholder={t('statistics.datasetAdmin.never')} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item
              name="indicators" label={t('statistics.datasetAdmin.indicators')} extra={t('statistics.datasetAdmin.indicatorsHelp')}
              rules={[{ required: true, type: 'array', min: 1, message: t('statistics.datasetAdmin.indicatorsRequired') }]}
            >
              <Select
                mode="multiple" showSearch optionFilterProp="label" loading={indicators.isPending} options={options}
                data-testid="dataset-indicators" placeholder={t('statistics.datasetAdmin.indicators')}
              />
            </Form.Item>
          </Col>
        </Row>
        {/* Enter in a text field submits the form. */}
        <button type="submit" hidden aria-hidden />
      </Form>
    </Modal>
  );
}

export function DatasetsTab() {
  const { t, i18n } = useTranslation();
  const unitLabel = useUnitLabel();
  const en = i18n.language === 'en';
  const { message } = App.useApp();
  const me = useMe();
  const grants = me.data?.permissions.dataset ?? {};
  const datasets = useDatasets();
  const indicators = useIndicators();
  const remove = useDeleteDataset();
  const [editing, setEditing] = useState<{ open: boolean; dataset: Dataset | null }>({ open: false, dataset: null });
  const byCode = useMemo(() => new Map((indicators.data ?? []).map((i) => [i.code, i])), [indicators.data]);
  const days = (n: number) => t('statistics.datasetAdmin.days', { count: n });

  const del = async (d: Dataset) => {
    try {
      await remove.mutateAsync({ code: d.code, rowVersion: d.rowVersion });
      void message.success(t('statistics.datasetAdmin.deleted', { code: d.code }));
    } catch (err) {
      void message.error(err instanceof Error ? err.message : String(err));
    }
  };

  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }}>
      <Alert type="info" showIcon message={t('statistics.datasetAdmin.help')} />
      {grants.create && (
        <Button type="primary" data-testid="dataset-add" onClick={() => setEditing({ open: true, dataset: null })}>{t('statistics.datasetAdmin.add')}</Button>
      )}
      <QueryResult query={datasets}>
        {(list) => (
          <Table<Dataset>
            size="small" rowKey="code" dataSource={list} pagination={false} data-testid="datasets-table" scroll={{ x: 900 }}
            columns={[
              { title: t('statistics.datasetAdmin.code'), dataIndex: 'code', width: 160, render: (c: string) => <Typography.Text code>{c}</Typography.Text> },
              { title: t('statistics.datasetAdmin.name'), key: 'name', width: 200, render: (_, d) => (en ? d.nameEn : d.name) },
              { title: t('statistics.datasetAdmin.frequency'), key: 'frequency', width: 70, render: (_, d) => t(`statistics.periodKinds.${d.frequency}`) },
              { title: t('statistics.datasetAdmin.orgKind'), key: 'orgKind', width: 110, render: (_, d) => t(`statistics.datasetAdmin.orgKinds.${d.orgKind}`) },
              { title: t('statistics.deadline'), key: 'deadline', width: 90, render: (_, d) => days(d.deadlineDays) },
              { title: t('statistics.datasetAdmin.expiryDays'), key: 'expiry', width: 110, render: (_, d) => (d.expiryDays === null ? t('statistics.datasetAdmin.never') : days(d.expiryDays)) },
              {
                title: t('statistics.datasetAdmin.indicators'), key: 'indicators',
                render: (_, d) => (
                  <Space size={[0, 4]} wrap>
                    {d.indicators.map((c) => {
                      const i = byCode.get(c);
                      // People read indicator names; the code (what import files use) is in the tooltip.
                      return <Tooltip key={c} title={i ? `${c} · ${unitLabel(i.unit)}` : c}><Tag>{i ? (en ? i.nameEn : i.name) : c}</Tag></Tooltip>;
                    })}
                  </Space>
                ),
              },
              ...(grants.update || grants.delete ? [{
                title: t('statistics.actions'), key: 'actions', width: 130, fixed: 'right' as const,
                render: (_: unknown, d: Dataset) => (
                  <Space size={4}>
                    {grants.update && <Button size="small" type="link" data-testid={`dataset-edit-${d.code}`} onClick={() => setEditing({ open: true, dataset: d })}>{t('statistics.datasetAdmin.editShort')}</Button>}
                    {grants.delete && (
                      <Popconfirm title={t('statistics.datasetAdmin.deleteConfirm', { name: en ? d.nameEn : d.name })} onConfirm={() => del(d)}>
                        <Button size="small" type="link" danger data-testid={`dataset-delete-${d.code}`}>{t('statistics.datasetAdmin.delete')}</Button>
                      </Popconfirm>
                    )}
                  </Space>
                ),
              }] : []),
            ]}
          />
        )}
      </QueryResult>
      {editing.open && <DatasetFormModal open dataset={editing.dataset} onClose={() => setEditing({ open: false, dataset: null })} />}
      <IndicatorRangesCard />
    </Space>
  );
}
