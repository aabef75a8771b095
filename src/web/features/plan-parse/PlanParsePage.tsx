// 计划文本解析: paste or upload plan text → the text with every recognised target and entity highlighted
// beside the draft structure → edit targets, assign industries and lead departments → create the draft
// plan (POST /api/plans, a new draft version). Parsing stores nothing.
import { InboxOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Form, Input, InputNumber, Row, Select, Space, Typography, Upload } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanFile } from '../../../shared/plan-file';
import type { PlanParseResponse } from '../../../shared/plan-parse';
import { ApiError } from '../../api/client';
import { useOrganizations } from '../../api/hooks';
import { useCreateDraftPlan, useParsePlanText } from '../../api/plan-parse';
import { DraftTabs, type IndustryRow } from './DraftTabs';
import { HighlightedText } from './HighlightedText';
import type { TargetRow } from './TargetsEditor';

interface Meta {
  title: string;
  code: string;
  issuer: string;
  periodStart: number;
  periodEnd: number;
  leadOrg: string | null;
}

const toBase64 = async (file: File) => {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
};

export function PlanParsePage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [text, setText] = useState('');
  const parse = useParsePlanText();
  const create = useCreateDraftPlan();
  const orgs = useOrganizations();
  const [result, setResult] = useState<PlanParseResponse | null>(null);
  const [meta, setMeta] = useState<Meta | null>(null);
  const [targets, setTargets] = useState<TargetRow[]>([]);
  const [industries, setIndustries] = useState<IndustryRow[]>([]);
  const departments = useMemo(() => (orgs.data ?? []).filter((o) => o.kind === 'department' || o.kind === 'leading_group').map((o) => ({ value: o.code, label: o.name })), [orgs.data]);

  const accept = (r: PlanParseResponse) => {
    setResult(r);
    create.reset();
    const p = r.planFile.plan;
    setMeta({ title: p.title, code: p.code, issuer: p.issuer, periodStart: p.periodStart, periodEnd: p.periodEnd, leadOrg: p.leadOrg ?? null });
    setTargets(r.parsed.targets.map((x, i) => ({ key: i, include: true, indicator: x.indicator, comparator: x.comparator, value: x.value, valueMax: x.valueMax, unit: x.unit, year: x.year, sectionPath: x.sectionPath, text: x.text, direction: x.direction })));
    const leads = new Map(r.planFile.tasks.map((task) => [task.industryCode, task.leadOrg ?? null]));
    setIndustries(r.planFile.industries.map((i) => ({ ...i, leadOrg: leads.get(i.code) ?? null })));
  };
  const run = (input: Parameters<typeof parse.mutate>[0]) => parse.mutate(input, { onSuccess: accept });

  const submit = () => {
    if (!result || !meta) return;
    const kept = targets.filter((r) => r.include && r.value != null);
    const file: PlanFile = {
      ...result.planFile,
      plan: { ...result.planFile.plan, ...meta },
      industries: industries.map(({ leadOrg: _lead, ...i }) => i),
      targets: kept.map((r, i) => ({
        code: `T${i + 1}`, name: r.indicator, nameEn: `Target T${i + 1}`, indicatorCode: `T${i + 1}`, comparator: r.comparator, value: r.value!,
        valueMax: r.comparator === 'range' ? r.valueMax : null, unit: r.unit, year: r.year ?? meta.periodEnd, baselineYear: meta.periodStart - 1,
        baselineValue: null, tolerance: null, direction: r.direction, sectionKey: r.sectionPath, sourceText: r.text,
      })),
      tasks: result.planFile.tasks.map((task) => {
        const lead = industries.find((i) => i.code === task.industryCode)?.leadOrg;
        return lead ? { ...task, leadOrg: lead, responsibleOrgs: task.responsibleOrgs.filter((o) => o !== lead) } : task;
      }),
    };
    create.mutate(file, { onSuccess: (p) => message.success(t('planParse.created', { title: p.title, version: p.version })) });
  };

  const error = parse.error ?? create.error;
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card title={t('nav.planParser')}>
        <Typography.Paragraph type="secondary">{t('planParse.intro')}</Typography.Paragraph>
        <Row gutter={16}>
          <Col xs={24} lg={16}>
            <Input.TextArea value={text} onChange={(e) => setText(e.target.value)} rows={8} placeholder={t('planParse.placeholder')} aria-label={t('planParse.paste')} data-testid="plan-parse-input" />
          </Col>
          <Col xs={24} lg={8}>
            <Upload.Dragger accept=".txt,.docx,.pdf,text/plain" showUploadList={false} beforeUpload={(f) => { void toBase64(f).then((b) => run({ fileBase64: b, fileName: f.name })); return false; }}>
              <p className="ant-upload-drag-icon"><InboxOutlined /></p>
              <p>{t('planParse.upload')}（.txt / .docx / .pdf）</p>
            </Upload.Dragger>
          </Col>
        </Row>
        <Button type="primary" style={{ marginTop: 12 }} loading={parse.isPending} disabled={!text.trim()} onClick={() => run({ text })} data-testid="plan-parse-run">
          {t('planParse.run')}
        </Button>
        {error && <Alert style={{ marginTop: 12 }} type="error" showIcon message={error instanceof ApiError ? error.message : String(error)} description={error instanceof ApiError && error.issues.length ? error.issues.slice(0, 8).map((i) => `${i.path}: ${i.message}`).join('；') : undefined} />}
      </Card>
      {result && meta && (
        <Row gutter={16}>
          <Col xs={24} xl={11}>
            <Card title={t('planParse.text')} size="small">
              <HighlightedText parsed={result.parsed} />
            </Card>
          </Col>
          <Col xs={24} xl={13}>
            <Card title={t('planParse.structure')} size="small" extra={<Typography.Text type="secondary">{t('planParse.stats', { sections: result.planFile.sections.length, targets: result.parsed.targets.length, entities: result.planFile.entities.length, ms: result.parsed.stats.ms ?? '?' })}</Typography.Text>}>
              <Form layout="vertical" size="small">
                <Row gutter={8}>
                  <Col span={24}><Form.Item label={t('planParse.title')}><Input value={meta.title} onChange={(e) => setMeta({ ...meta, title: e.target.value })} data-testid="plan-parse-title" /></Form.Item></Col>
                  <Col span={8}><Form.Item label={t('planParse.code')}><Input value={meta.code} onChange={(e) => setMeta({ ...meta, code: e.target.value })} data-testid="plan-parse-code" /></Form.Item></Col>
                  <Col span={8}><Form.Item label={t('planParse.issuer')}><Input value={meta.issuer} onChange={(e) => setMeta({ ...meta, issuer: e.target.value })} /></Form.Item></Col>
                  <Col span={8}>
                    <Form.Item label={t('planParse.period')}>
                      <Space.Compact>
                        <InputNumber value={meta.periodStart} onChange={(v) => v && setMeta({ ...meta, periodStart: v })} style={{ width: 80 }} />
                        <InputNumber value={meta.periodEnd} onChange={(v) => v && setMeta({ ...meta, periodEnd: v })} style={{ width: 80 }} />
                      </Space.Compact>
                    </Form.Item>
                  </Col>
                  <Col span={24}><Form.Item label={t('planParse.leadPlan')}><Select allowClear value={meta.leadOrg} options={departments} onChange={(v) => setMeta({ ...meta, leadOrg: v ?? null })} /></Form.Item></Col>
                </Row>
              </Form>
              <DraftTabs result={result} targets={targets} onTargets={setTargets} industries={industries} onIndustries={setIndustries} departments={departments} />
              <Space style={{ marginTop: 12 }}>
                <Button type="primary" onClick={submit} loading={create.isPending} data-testid="plan-parse-create">{t('planParse.create')}</Button>
              </Space>
              {create.data && <Alert style={{ marginTop: 12 }} type="success" showIcon data-testid="plan-parse-created" message={t('planParse.created', { title: create.data.title, version: create.data.version })} />}
            </Card>
          </Col>
        </Row>
      )}
    </Space>
  );
}
