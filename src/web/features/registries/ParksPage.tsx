import { Alert, Col, Form, Input, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { PARK_STATUS_LABELS, PARK_TYPE_LABELS, type Park } from '../../../shared/registries';
import { CodeSelect, DateInput, EnumSelect, enumOptions, useCodeOptions } from './fields';
import { RegistryFormModal } from './RegistryFormModal';
import { DemoTag, RegistryPage } from './RegistryPage';

const FIELDS = ['name', 'type', 'countyCode', 'leadIndustries', 'status', 'recognisedOn', 'note'] as const;
const toForm = (r: Park | null) => ({ ...Object.fromEntries(FIELDS.map((f) => [f, r?.[f] ?? null])), leadIndustries: r?.leadIndustries ?? [] });
const toBody = (v: Record<string, unknown>) => ({ ...Object.fromEntries(FIELDS.map((f) => [f, v[f] === '' || v[f] === undefined ? null : v[f]])), leadIndustries: v.leadIndustries ?? [] });

export function ParksPage() {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const codes = useCodeOptions();
  const label = (l: { zh: string; en: string } | undefined) => (l ? (en ? l.en : l.zh) : '—');
  return (
    <RegistryPage<'park'>
      kind="park"
      title={t('registry.park.title')}
      search={{
        text: (r) => [r.name, r.countyName, r.countyCode, r.note],
        county: (r) => r.countyCode,
        status: { label: t('registry.status'), options: enumOptions(PARK_STATUS_LABELS, en), of: (r) => r.status },
      }}
      summary={(items, asOf) => (
        <Alert type="info" showIcon data-testid="park-count" message={t('registry.countsSummary', { date: asOf, count: items.filter((p) => p.countsAsOf).length, target: '≥ 10' })} />
      )}
      columns={[
        { title: t('registry.name'), dataIndex: 'name', width: 280, render: (v: string, r) => <>{v} <DemoTag demo={r.demo} source={r.source} /></> },
        { title: t('registry.type'), key: 'type', width: 140, render: (_, r) => label(PARK_TYPE_LABELS[r.type]) },
        { title: t('registry.county'), dataIndex: 'countyName', width: 110 },
        { title: t('registry.park.leadIndustries'), key: 'lead', width: 180, render: (_, r) => r.leadIndustries.map((c) => codes.industryName.get(c) ?? c).join('、') },
        { title: t('registry.status'), key: 'status', width: 90, render: (_, r) => (r.status ? label(PARK_STATUS_LABELS[r.status]) : '—') },
        { title: t('registry.recognisedOn'), dataIndex: 'recognisedOn', width: 110 },
        { title: t('registry.countsAsOf'), key: 'counts', width: 90, render: (_, r) => (r.countsAsOf ? '✓' : '') },
        { title: t('registry.note'), dataIndex: 'note', ellipsis: true },
      ]}
      renderForm={(state, close) => (
        <RegistryFormModal<Park> kind="park" state={state} onClose={close} toForm={toForm} toBody={toBody}>
          {() => (
            <Row gutter={12}>
              <Col span={24}><Form.Item name="name" label={t('registry.name')} rules={[{ required: true }]}><Input /></Form.Item></Col>
              <Col span={12}><Form.Item name="type" label={t('registry.type')} rules={[{ required: true }]}><EnumSelect labels={PARK_TYPE_LABELS} testId="park-type" /></Form.Item></Col>
              <Col span={12}><Form.Item name="countyCode" label={t('registry.county')}><CodeSelect options={codes.counties} /></Form.Item></Col>
              <Col span={24}><Form.Item name="leadIndustries" label={t('registry.park.leadIndustries')}><CodeSelect mode="multiple" options={codes.industries} /></Form.Item></Col>
              <Col span={12}><Form.Item name="status" label={t('registry.status')}><EnumSelect allowClear labels={PARK_STATUS_LABELS} /></Form.Item></Col>
              <Col span={12}><Form.Item name="recognisedOn" label={t('registry.recognisedOn')}><DateInput /></Form.Item></Col>
              <Col span={24}><Form.Item name="note" label={t('registry.note')}><Input.TextArea rows={2} /></Form.Item></Col>
            </Row>
          )}
        </RegistryFormModal>
      )}
    />
  );
}
