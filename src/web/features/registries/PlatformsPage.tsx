import { Alert, Col, Form, Input, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { PLATFORM_LEVEL_LABELS, PLATFORM_TYPE_LABELS, type Platform } from '../../../shared/registries';
import { useMe } from '../../api/hooks';
import { EvidenceCell } from './EvidenceCell';
import { CodeSelect, DateInput, EnumSelect, enumOptions, useCodeOptions } from './fields';
import { RegistryFormModal } from './RegistryFormModal';
import { DemoTag, RegistryPage } from './RegistryPage';

const FIELDS = ['name', 'type', 'level', 'hostOrg', 'industryCode', 'countyCode', 'recognisedOn', 'revokedOn', 'previousLevel', 'upgradedOn', 'evidenceFile', 'note'] as const;
const toForm = (r: Platform | null) => Object.fromEntries(FIELDS.map((f) => [f, r?.[f] ?? null]));
const toBody = (v: Record<string, unknown>) => Object.fromEntries(FIELDS.map((f) => [f, v[f] === '' || v[f] === undefined ? null : v[f]]));

export function PlatformsPage() {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const codes = useCodeOptions();
  const canUpload = !!useMe().data?.permissions.platform?.update;
  const label = (l: { zh: string; en: string } | undefined) => (l ? (en ? l.en : l.zh) : '—');
  return (
    <RegistryPage<'platform'>
      kind="platform"
      title={t('registry.platform.title')}
      search={{
        text: (r) => [r.name, r.hostOrg, r.countyName, r.countyCode, r.note],
        county: (r) => r.countyCode,
        status: { label: t('registry.platform.levelAsOf'), options: enumOptions(PLATFORM_LEVEL_LABELS, en), of: (r) => r.levelAsOf },
      }}
      summary={(items, asOf) => (
        <Alert type="info" showIcon data-testid="platform-count" message={t('registry.countsSummary', { date: asOf, count: items.filter((p) => p.countsAsOf).length, target: '≥ 120' })} />
      )}
      columns={[
        { title: t('registry.name'), dataIndex: 'name', width: 260, render: (v: string, r) => <>{v} <DemoTag demo={r.demo} /></> },
        { title: t('registry.type'), key: 'type', width: 170, render: (_, r) => label(PLATFORM_TYPE_LABELS[r.type]) },
        { title: t('registry.platform.level'), key: 'level', width: 90, render: (_, r) => label(PLATFORM_LEVEL_LABELS[r.level]) },
        { title: t('registry.platform.levelAsOf'), key: 'levelAsOf', width: 100, render: (_, r) => (r.levelAsOf ? label(PLATFORM_LEVEL_LABELS[r.levelAsOf]) : '—') },
        { title: t('registry.countsAsOf'), key: 'counts', width: 90, render: (_, r) => (r.countsAsOf ? '✓' : '') },
        { title: t('registry.platform.hostOrg'), dataIndex: 'hostOrg', width: 200 },
        { title: t('registry.county'), dataIndex: 'countyName', width: 110 },
        { title: t('registry.industry'), key: 'industry', width: 140, render: (_, r) => (r.industryCode ? (codes.industryName.get(r.industryCode) ?? r.industryCode) : '—') },
        { title: t('registry.recognisedOn'), dataIndex: 'recognisedOn', width: 110 },
        { title: t('registry.platform.upgradedOn'), dataIndex: 'upgradedOn', width: 110 },
        { title: t('registry.platform.revokedOn'), dataIndex: 'revokedOn', width: 110 },
        { title: t('registry.platform.evidenceFile'), key: 'evidence', width: 200, render: (_, r) => <EvidenceCell p={r} canUpload={canUpload} /> },
      ]}
      renderForm={(state, close) => (
        <RegistryFormModal<Platform> kind="platform" state={state} onClose={close} toForm={toForm} toBody={toBody}>
          {() => (
            <Row gutter={12}>
              <Col span={24}><Form.Item name="name" label={t('registry.name')} rules={[{ required: true }]}><Input /></Form.Item></Col>
              <Col span={12}><Form.Item name="type" label={t('registry.type')} rules={[{ required: true }]}><EnumSelect labels={PLATFORM_TYPE_LABELS} testId="platform-type" /></Form.Item></Col>
              <Col span={12}><Form.Item name="level" label={t('registry.platform.level')} rules={[{ required: true }]}><EnumSelect labels={PLATFORM_LEVEL_LABELS} testId="platform-level" /></Form.Item></Col>
              <Col span={12}><Form.Item name="hostOrg" label={t('registry.platform.hostOrg')} rules={[{ required: true }]}><Input /></Form.Item></Col>
              <Col span={12}><Form.Item name="countyCode" label={t('registry.county')}><CodeSelect options={codes.counties} /></Form.Item></Col>
              <Col span={12}><Form.Item name="industryCode" label={t('registry.industry')}><CodeSelect options={codes.industries} /></Form.Item></Col>
              <Col span={12}><Form.Item name="recognisedOn" label={t('registry.recognisedOn')} rules={[{ required: true }]}><DateInput /></Form.Item></Col>
              <Col span={8}><Form.Item name="previousLevel" label={t('registry.platform.previousLevel')}><EnumSelect allowClear labels={PLATFORM_LEVEL_LABELS} /></Form.Item></Col>
              <Col span={8}><Form.Item name="upgradedOn" label={t('registry.platform.upgradedOn')}><DateInput /></Form.Item></Col>
              <Col span={8}><Form.Item name="revokedOn" label={t('registry.platform.revokedOn')}><DateInput /></Form.Item></Col>
              <Col span={24}><Form.Item name="evidenceFile" label={t('registry.platform.evidenceFile')}><Input /></Form.Item></Col>
              <Col span={24}><Form.Item name="note" label={t('registry.note')}><Input.TextArea rows={2} /></Form.Item></Col>
            </Row>
          )}
        </RegistryFormModal>
      )}
    />
  );
}
