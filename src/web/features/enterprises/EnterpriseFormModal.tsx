// Create or edit an enterprise. The 统一社会信用代码 is checked by the server (GB 32100-2015) and its
// message lands on the field; the GB/T 4754 class is classified as it is typed, showing the SEI 2018
// category the server will assign; a `*` (partly SEI) class asks the user to confirm before saving.
import { Alert, App, Checkbox, Col, Form, Input, Modal, Radio, Row, Select, Switch, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { Organization, PlanIndustry } from '../../../shared/plan';
import { TIERS, type Enterprise } from '../../../shared/statistics';
import { ApiError } from '../../api/client';
import { useMe } from '../../api/hooks';
import { useClassify, useSaveEnterprise } from '../../api/statistics';
import { useRegistry } from '../../api/targets';
import { useSeiL1Label } from './sei';

interface Values {
  uscc: string;
  name: string;
  countyCode: string;
  parkCode?: string;
  industryCode?: string;
  planIndustryCode?: string;
  tier: Enterprise['tier'];
  aboveScale: boolean;
  highTech: boolean;
  seiConfirmed: boolean;
  active: boolean;
}

const toValues = (e: Enterprise | null): Values => ({
  uscc: e?.uscc ?? '', name: e?.name ?? '', countyCode: e?.county.code ?? '', parkCode: e?.parkCode ?? '', industryCode: e?.industryCode ?? '',
  planIndustryCode: e?.planIndustryCode ?? undefined, tier: e?.tier ?? 'sme', aboveScale: e?.aboveScale ?? false, highTech: e?.highTech ?? false,
  seiConfirmed: e?.sei.confirmed ?? false, active: e?.active ?? true,
});

function ClassificationView({ industryCode, planIndustry }: { industryCode: string; planIndustry: string }) {
  const { t } = useTranslation();
  const cls = useClassify(industryCode, planIndustry);
  const seiLabel = useSeiL1Label();
  if (!/^\d{4}$/.test(industryCode)) return null;
  if (cls.isPending) return <Typography.Text type="secondary">{t('enterpriseRegistry.classifying')}</Typography.Text>;
  if (cls.isError) return <Alert type="error" showIcon message={cls.error.message} data-testid="classify-error" />;
  const c = cls.data;
  return (
    <Alert
      type={c.partial ? 'warning' : c.seiL1 ? 'success' : 'info'} showIcon data-testid="classification"
      message={
        <span>
          {c.industryCode} {c.industryName} → {c.seiL1 ? `${seiLabel(c.seiL1)}${c.seiL2 ? ` · ${c.seiL2}` : ''}` : t('enterpriseRegistry.notSei')}
          {c.partial ? ` (${t('enterpriseRegistry.partial')} *)` : ''}
        </span>
      }
      description={c.partial ? t('enterpriseRegistry.partialHelp') : undefined}
    />
  );
}

export function EnterpriseFormModal({
  open, record, onClose, counties, industries, lockIdentity,
}: {
  open: boolean;
  record: Enterprise | null;
  onClose: () => void;
  counties: Organization[];
  industries: PlanIndustry[];
  /** Enterprise users may not change their own code or county. */
  lockIdentity: boolean;
}) {
  const { t, i18n } = useTranslation();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useSaveEnterprise();
  const industryCode = (Form.useWatch('industryCode', form) ?? '').trim();
  const planIndustry = Form.useWatch('planIndustryCode', form) ?? '';
  const cls = useClassify(industryCode, planIndustry);
  const partial = !!cls.data?.partial && /^\d{4}$/.test(industryCode);
  // Parks of the registry in the chosen county (and those registered without a county).
  const countyCode = Form.useWatch('countyCode', form) ?? '';
  const parks = useRegistry('park', new Date().toISOString().slice(0, 10));
  const parkOptions = (parks.data?.items ?? [])
    .filter((p) => !p.countyCode || p.countyCode === countyCode)
    .map((p) => ({ value: p.id, label: p.name }));
  if (record?.parkCode && !parkOptions.some((o) => o.value === record.parkCode)) {
    parkOptions.unshift({ value: record.parkCode, label: record.parkName ?? `${record.parkCode} (${t('enterpriseRegistry.parkUnknown')})` });
  }

  // A county user works only on enterprises located in its county: offer that county alone (preset).
  const me = useMe();
  const ownCounty = me.data?.user.role === 'county' ? (me.data.user.org?.code ?? null) : null;
  const countyChoices = ownCounty ? counties.filter((c) => c.code === ownCounty) : counties;
  useEffect(() => {
    if (open) form.setFieldsValue({ ...toValues(record), ...(!record && ownCounty ? { countyCode: ownCounty } : {}) });
  }, [open, record, form, ownCounty]);
  // The plan industry follows the class until the user picks one.
  const suggested = cls.data?.planIndustryCode;
  useEffect(() => {
    if (open && suggested && !form.getFieldValue('planIndustryCode')) form.setFieldValue('planIndustryCode', suggested);
  }, [open, suggested, form]);

  const send = async (v: Values) => {
    const full: Record<string, unknown> = {
      uscc: v.uscc.trim().toUpperCase(), name: v.name.trim(), countyCode: v.countyCode, parkCode: v.parkCode?.trim() || null,
      industryCode: v.industryCode?.trim() || null, planIndustryCode: v.planIndustryCode || null, tier: v.tier,
      aboveScale: v.aboveScale, highTech: v.highTech, seiConfirmed: v.seiConfirmed, active: v.active,
    };
    let body = full;
    if (record) {
      // Only what changed, with the version read (an enterprise user may not send its code or county at all).
      const before = toValues(record) as unknown as Record<string, unknown>;
      const norm = (x: unknown) => (x === '' || x === undefined ? null : x);
      body = Object.fromEntries(Object.entries(full).filter(([k, x]) => norm(x) !== norm(before[k])));
      body.rowVersion = record.rowVersion;
    }
    try {
      await save.mutateAsync({ orgId: record?.orgId ?? null, body });
      void message.success(t('enterpriseRegistry.saved'));
      onClose();
    } catch (err) {
      if (err instanceof ApiError) {
        const fields = err.issues
          .map((i) => ({ name: (i.field ?? i.path) as keyof Values, errors: [i18n.language === 'en' ? (i.reasonEn ?? i.message) : (i.reason ?? i.message)] }))
          .filter((f) => f.name in full);
        if (fields.length) form.setFields(fields);
      }
      void message.error(err instanceof Error ? err.message : String(err));
    }
  };

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    const newlyPartial = partial && !v.seiConfirmed && (!record || record.industryCode !== v.industryCode?.trim());
    if (!newlyPartial) return send(v);
    // The confirm step for a `*` class: only the user knows whether the products are SEI.
    modal.confirm({
      title: t('enterpriseRegistry.seiConfirmed'),
      content: t('enterpriseRegistry.partialHelp'),
      okText: t('enterpriseRegistry.confirmed'),
      cancelText: t('enterpriseRegistry.notConfirmed'),
      onOk: () => { form.setFieldValue('seiConfirmed', true); return send({ ...v, seiConfirmed: true }); },
      onCancel: () => send(v),
    });
  };

  return (
    <Modal
      open={open} width={760} destroyOnHidden title={record ? `${t('enterpriseRegistry.edit')} · ${record.name}` : t('enterpriseRegistry.add')}
      okText={t('enterpriseRegistry.save')} cancelText={t('enterpriseRegistry.cancel')} onCancel={onClose} onOk={() => void submit()} confirmLoading={save.isPending}
      okButtonProps={{ 'data-testid': 'enterprise-save' } as Record<string, string>}
    >
      <Form form={form} layout="vertical" data-testid="enterprise-form" preserve={false} initialValues={toValues(record)}>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item
              name="uscc" label={t('enterpriseRegistry.uscc')} extra={t('enterpriseRegistry.usccHelp')}
              rules={[{ required: true, whitespace: true }, { len: 18, message: t('enterpriseRegistry.usccLength') }]} normalize={(v: string) => v.toUpperCase()}
            >
              <Input maxLength={18} disabled={!!record && lockIdentity} data-testid="enterprise-uscc" style={{ fontFamily: 'monospace' }} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="name" label={t('enterpriseRegistry.name')} rules={[{ required: true, whitespace: true }]}>
              <Input maxLength={200} data-testid="enterprise-name" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="countyCode" label={t('enterpriseRegistry.county')} rules={[{ required: true }]}>
              <Select showSearch optionFilterProp="label" disabled={!!record && lockIdentity} options={countyChoices.map((c) => ({ value: c.code, label: c.name }))} data-testid="enterprise-county" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="parkCode" label={t('enterpriseRegistry.park')} extra={t('enterpriseRegistry.parkHelp')}>
              <Select allowClear showSearch optionFilterProp="label" options={parkOptions} placeholder={t('enterpriseRegistry.parkNone')} data-testid="enterprise-park" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="industryCode" label={t('enterpriseRegistry.industryCode')} extra={t('enterpriseRegistry.industryCodeHelp')} rules={[{ pattern: /^\d{4}$/, message: t('enterpriseRegistry.industryCodeFormat') }]}>
              <Input maxLength={4} data-testid="enterprise-industry-code" style={{ fontFamily: 'monospace', width: 120 }} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="planIndustryCode" label={t('enterpriseRegistry.planIndustry')}>
              <Select allowClear options={industries.map((i) => ({ value: i.code, label: i18n.language === 'en' ? i.nameEn : i.name }))} />
            </Form.Item>
          </Col>
          <Col span={24} style={{ marginBottom: 12 }}>
            <ClassificationView industryCode={industryCode} planIndustry={planIndustry} />
          </Col>
          {partial && (
            <Col span={24}>
              <Form.Item name="seiConfirmed" valuePropName="checked">
                <Checkbox data-testid="enterprise-sei-confirmed">{t('enterpriseRegistry.seiConfirmed')}</Checkbox>
              </Form.Item>
            </Col>
          )}
          <Col span={12}>
            <Form.Item name="tier" label={t('enterpriseRegistry.tier')}>
              <Radio.Group optionType="button" options={TIERS.map((x) => ({ value: x, label: t(`enterpriseRegistry.tiers.${x}`) }))} />
            </Form.Item>
          </Col>
          <Col span={4}><Form.Item name="aboveScale" label={t('enterpriseRegistry.aboveScale')} valuePropName="checked"><Switch /></Form.Item></Col>
          <Col span={4}><Form.Item name="highTech" label={t('enterpriseRegistry.highTech')} valuePropName="checked"><Switch /></Form.Item></Col>
          <Col span={4}><Form.Item name="active" label={t('enterpriseRegistry.active')} valuePropName="checked"><Switch /></Form.Item></Col>
        </Row>
      </Form>
    </Modal>
  );
}
