import { Alert, Col, Form, Input, InputNumber, Row, Space, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { PROJECT_STAGE_LABELS, type Project } from '../../../shared/registries';
import { fmt, LightTag } from '../targets/format';
import { CodeSelect, DateInput, EnumSelect, enumOptions, useCodeOptions } from './fields';
import { ProjectChildLists } from './ProjectChildLists';
import { ProjectDetails } from './ProjectDetails';
import { RegistryFormModal } from './RegistryFormModal';
import { StageMilestoneOffer } from './StageMilestoneOffer';
import { DemoTag, RegistryPage } from './RegistryPage';

const FIELDS = ['name', 'owner', 'industryCode', 'countyCode', 'taskCode', 'totalInvestment', 'stage', 'plannedStart', 'actualStart', 'plannedEnd', 'note'] as const;
const LISTS = ['annualPlans', 'investments', 'milestones', 'funds'] as const;
const toForm = (r: Project | null) => ({
  ...Object.fromEntries(FIELDS.map((f) => [f, r?.[f] ?? null])),
  ...Object.fromEntries(LISTS.map((l) => [l, r?.[l] ?? []])),
});
const toBody = (v: Record<string, unknown>) => ({
  ...Object.fromEntries(FIELDS.map((f) => [f, v[f] === '' || v[f] === undefined ? null : v[f]])),
  ...Object.fromEntries(LISTS.map((l) => [l, ((v[l] as Record<string, unknown>[] | undefined) ?? []).map((row) => Object.fromEntries(Object.entries(row).map(([k, x]) => [k, x === '' || x === undefined ? null : k === 'period' ? String(x) : x])))])),
});

export function ProjectsPage() {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const codes = useCodeOptions();
  const p = (k: string) => t(`registry.project.${k}` as 'registry.project.title');
  // Each light's tooltip is its reason with the figures behind it (the expanded row lists all four).
  const reason = (r: Project, light: 'start' | 'progress' | 'funds' | 'milestones', label: string) => {
    const why = r.lights.reasons?.[light];
    return why ? `${label}: ${en ? why.en : why.zh}` : label;
  };
  return (
    <RegistryPage<'project'>
      kind="project"
      title={p('title')}
      search={{
        text: (r) => [r.name, r.owner, r.countyName, r.countyCode, r.taskCode, r.note],
        county: (r) => r.countyCode,
        status: { label: p('stage'), options: enumOptions(PROJECT_STAGE_LABELS, en), of: (r) => r.stage },
      }}
      summary={() => <Alert type="info" showIcon message={p('lightHelp')} />}
      expandedRow={(r) => <ProjectDetails p={r} />}
      columns={[
        { title: t('registry.name'), dataIndex: 'name', width: 190, render: (v: string, r) => <>{v} <DemoTag demo={r.demo} source={r.source} /></> },
        {
          title: `${p('startLight')} / ${p('progressLight')} / ${p('fundsLight')} / ${p('milestonesLight')}`, key: 'lights', width: 124,
          render: (_, r) => (
            <Space size={2} wrap style={{ maxWidth: 124 }} data-testid="project-lights">
              <Tooltip title={reason(r, 'start', p('startLight'))}><span><LightTag light={r.lights.start} /></span></Tooltip>
              <Tooltip title={reason(r, 'progress', p('progressLight'))}><span><LightTag light={r.lights.progress} /></span></Tooltip>
              <Tooltip title={reason(r, 'funds', p('fundsLight'))}><span><LightTag light={r.lights.funds} /></span></Tooltip>
              <Tooltip title={reason(r, 'milestones', p('milestonesLight'))}><span><LightTag light={r.lights.milestones} /></span></Tooltip>
            </Space>
          ),
        },
        { title: p('owner'), dataIndex: 'owner', width: 140 },
        { title: t('registry.county'), dataIndex: 'countyName', width: 90 },
        { title: p('stage'), key: 'stage', width: 64, render: (_, r) => (r.stage ? (en ? PROJECT_STAGE_LABELS[r.stage].en : PROJECT_STAGE_LABELS[r.stage].zh) : '—') },
        { title: p('totalInvestment'), key: 'total', width: 104, align: 'right', render: (_, r) => <span data-testid="project-total" style={{ whiteSpace: 'nowrap' }}>{fmt(r.totalInvestment, 0)}</span> },
        { title: p('investmentToDate'), key: 'done', width: 104, align: 'right', render: (_, r) => <span style={{ whiteSpace: 'nowrap' }}>{fmt(r.investmentToDate, 0)}</span> },
        // Planned and actual start share a column (planned above, actual below) so the table fits 1366 px.
        {
          title: `${p('plannedStart')} / ${p('actualStart')}`, key: 'start', width: 96,
          render: (_, r) => <Space direction="vertical" size={0}><span>{r.plannedStart ?? '—'}</span><span>{r.actualStart ?? '—'}</span></Space>,
        },
      ]}
      renderForm={(state, close) => (
        <RegistryFormModal<Project> kind="project" state={state} onClose={close} toForm={toForm} toBody={toBody} width={860}>
          {() => (
            <>
              <Row gutter={12}>
                <Col span={24}><Form.Item name="name" label={t('registry.name')} rules={[{ required: true }]}><Input /></Form.Item></Col>
                <Col span={12}><Form.Item name="owner" label={p('owner')}><Input /></Form.Item></Col>
                <Col span={12}><Form.Item name="countyCode" label={t('registry.county')}><CodeSelect options={codes.counties} /></Form.Item></Col>
                <Col span={12}><Form.Item name="industryCode" label={t('registry.industry')}><CodeSelect options={codes.industries} /></Form.Item></Col>
                <Col span={12}><Form.Item name="taskCode" label={p('task')}><CodeSelect options={codes.tasks} /></Form.Item></Col>
                <Col span={8}><Form.Item name="totalInvestment" label={p('totalInvestment')}><InputNumber min={0} style={{ width: '100%' }} /></Form.Item></Col>
                <Col span={8}><Form.Item name="stage" label={p('stage')}><EnumSelect allowClear labels={PROJECT_STAGE_LABELS} /></Form.Item></Col>
                <Col span={8} />
                <Col span={24}><StageMilestoneOffer /></Col>
                <Col span={8}><Form.Item name="plannedStart" label={p('plannedStart')}><DateInput picker="month" /></Form.Item></Col>
                <Col span={8}><Form.Item name="actualStart" label={p('actualStart')}><DateInput picker="month" /></Form.Item></Col>
                <Col span={8}><Form.Item name="plannedEnd" label={p('plannedEnd')}><DateInput picker="month" /></Form.Item></Col>
                <Col span={24}><Form.Item name="note" label={t('registry.note')}><Input.TextArea rows={2} /></Form.Item></Col>
              </Row>
              <ProjectChildLists />
            </>
          )}
        </RegistryFormModal>
      )}
    />
  );
}
