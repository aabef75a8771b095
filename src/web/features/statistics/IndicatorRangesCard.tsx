// 指标合理范围: the hard range (refused), the soft range (warned, stored when the reporter confirms) and
// the whole-number flag of each entered indicator, editable by those who may update indicators.
import { App, Button, Card, Checkbox, Col, Form, InputNumber, Modal, Row, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Indicator, IndicatorRanges } from '../../../shared/statistics';
import { useMe } from '../../api/hooks';
import { useIndicators, useSaveIndicatorRanges } from '../../api/statistics';
import { QueryResult } from '../../components/QueryResult';
import { fmtNum } from './common';

const range = (lo: number | null, hi: number | null) => (lo == null && hi == null ? '—' : `${lo == null ? '−∞' : fmtNum(lo, 6)} … ${hi == null ? '∞' : fmtNum(hi, 6)}`);

function RangesModal({ indicator, onClose }: { indicator: Indicator; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<IndicatorRanges>();
  const save = useSaveIndicatorRanges();
  const ok = async () => {
    const v = await form.validateFields();
    try {
      await save.mutateAsync({ code: indicator.code, ...v, integer: !!v.integer, rowVersion: indicator.rowVersion ?? 1 });
      onClose();
    } catch (err) {
      void message.error(err instanceof Error ? err.message : String(err));
    }
  };
  const num = (name: keyof IndicatorRanges, label: string) => (
    <Col span={12}><Form.Item name={name} label={label}><InputNumber style={{ width: '100%' }} data-testid={`ranges-${name}`} /></Form.Item></Col>
  );
  return (
    <Modal open title={`${t('statistics.editRanges')} · ${i18n.language === 'en' ? indicator.nameEn : indicator.name} (${indicator.unit})`} onOk={() => void ok()} onCancel={onClose} confirmLoading={save.isPending}>
      <Form form={form} layout="vertical" initialValues={indicator}>
        <Row gutter={12}>
          {num('minValue', t('statistics.minValue'))}{num('maxValue', t('statistics.maxValue'))}
          {num('softMin', t('statistics.softMin'))}{num('softMax', t('statistics.softMax'))}
        </Row>
        <Form.Item name="integer" valuePropName="checked"><Checkbox>{t('statistics.integerOnly')}</Checkbox></Form.Item>
      </Form>
    </Modal>
  );
}

export function IndicatorRangesCard() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const canEdit = !!me.data?.permissions.indicator?.update;
  const indicators = useIndicators();
  const [editing, setEditing] = useState<Indicator | null>(null);
  return (
    <Card size="small" title={t('statistics.rangesTitle')}>
      <Typography.Paragraph type="secondary">{t('statistics.rangesHelp')}</Typography.Paragraph>
      <QueryResult query={indicators}>
        {(list) => (
          <Table<Indicator>
            size="small" rowKey="code" pagination={false} data-testid="indicator-ranges"
            dataSource={list.filter((i) => i.level !== 'derived')}
            columns={[
              { title: t('statistics.indicator'), key: 'name', render: (_, i) => <>{i18n.language === 'en' ? i.nameEn : i.name} <Typography.Text type="secondary">{i.code}</Typography.Text></> },
              { title: t('statistics.unit'), dataIndex: 'unit', width: 70 },
              { title: t('statistics.hardRange'), key: 'hard', render: (_, i) => range(i.minValue, i.maxValue) },
              { title: t('statistics.softRange'), key: 'soft', render: (_, i) => range(i.softMin, i.softMax) },
              { title: t('statistics.integerOnly'), key: 'int', width: 80, render: (_, i) => (i.integer ? <Tag>✓</Tag> : null) },
              ...(canEdit ? [{ title: '', key: 'edit', width: 100, render: (_: unknown, i: Indicator) => <Button size="small" type="link" data-testid={`ranges-edit-${i.code}`} onClick={() => setEditing(i)}>{t('statistics.editRanges')}</Button> }] : []),
            ]}
          />
        )}
      </QueryResult>
      {editing && <RangesModal indicator={editing} onClose={() => setEditing(null)} />}
    </Card>
  );
}
