// A task's progress reports: the list (percent, 进展情况/存在问题/下步打算, evidence, who submitted and
// reviewed), the unit's form (save a draft or submit; evidence goes up after the report is saved) and the
// coordinator's accept / return with a reason.
import { PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import type { UseQueryResult } from '@tanstack/react-query';
import { Button, Card, Empty, Form, Input, InputNumber, List, Modal, Select, Space, Tag, Typography, Upload } from 'antd';
import type { ButtonProps } from 'antd';
import type { UploadFile } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProgressReport, ReportStatus } from '../../../shared/supervision';
import { api } from '../../api/client';
import { evidenceUrl, useCreateReport, useReportEvidence, useReviewReport, useUpdateReport, type TaskDetail } from '../../api/supervision';
import { fileToBase64 } from '../../components/ImportPreview';
import { QueryResult } from '../../components/QueryResult';
import { periodOf, pct, useRunAction, useSupervisionAccess } from './common';

const STATUS_COLORS: Record<ReportStatus, string> = { draft: 'default', submitted: 'processing', accepted: 'success', returned: 'error' };

export function ReportsPanel({ task, reports }: { task: TaskDetail; reports: UseQueryResult<ProgressReport[]> }) {
  const { t } = useTranslation();
  const access = useSupervisionAccess();
  const [editing, setEditing] = useState<ProgressReport | 'new' | null>(null);
  const closed = task.status === 'closed';
  return (
    <QueryResult query={reports}>
      {(list) => (
        <Space direction="vertical" size={12} style={{ width: '100%' }} data-testid="reports">
          {access.report && !closed && editing === null && (
            <Button type="primary" onClick={() => setEditing('new')} data-testid="report-new">{t('supervision.reports.new')}</Button>
          )}
          {editing !== null && <ReportForm task={task} report={editing === 'new' ? null : editing} onDone={() => setEditing(null)} />}
          {list.length === 0 ? (
            <Empty description={t('supervision.reports.empty')} />
          ) : (
            <List<ProgressReport>
              dataSource={[...list].sort((a, b) => b.period.localeCompare(a.period))}
              rowKey="id"
              renderItem={(r) => <ReportItem report={r} canEdit={access.report && !closed && (r.status === 'draft' || r.status === 'returned')} onEdit={() => setEditing(r)} />}
            />
          )}
        </Space>
      )}
    </QueryResult>
  );
}

function ReportItem({ report: r, canEdit, onEdit }: { report: ProgressReport; canEdit: boolean; onEdit: () => void }) {
  const { t } = useTranslation();
  const access = useSupervisionAccess();
  const review = useReviewReport();
  const run = useRunAction();
  const [returning, setReturning] = useState(false);
  const [form] = Form.useForm<{ reason: string }>();
  return (
    <List.Item data-testid="report-item" data-status={r.status}>
      <Space direction="vertical" size={4} style={{ width: '100%' }}>
        <Space wrap>
          <Typography.Text strong>{r.period}</Typography.Text>
          <Tag color={STATUS_COLORS[r.status]} data-testid="report-status">{t(`supervision.reportStatuses.${r.status}`)}</Tag>
          <span>{t('supervision.reports.percent')} {pct(r.percentDone)}</span>
          {r.org && <Typography.Text type="secondary">{r.org.name}</Typography.Text>}
          {r.submittedAt && <Typography.Text type="secondary">{t('supervision.reports.submittedBy', { who: r.submittedBy, at: r.submittedAt.slice(0, 16).replace('T', ' ') })}</Typography.Text>}
          {r.reviewedAt && <Typography.Text type="secondary">{t('supervision.reports.reviewedBy', { who: r.reviewedBy, at: r.reviewedAt.slice(0, 16).replace('T', ' ') })}</Typography.Text>}
        </Space>
        {r.returnReason && <Typography.Text type="danger">{t('supervision.returnReason')}：{r.returnReason}</Typography.Text>}
        <Typography.Paragraph style={{ margin: 0 }}><b>{t('supervision.reports.progress')}：</b>{r.progress || '—'}</Typography.Paragraph>
        <Typography.Paragraph style={{ margin: 0 }}><b>{t('supervision.reports.problems')}：</b>{r.problems || '—'}</Typography.Paragraph>
        <Typography.Paragraph style={{ margin: 0 }}><b>{t('supervision.reports.nextSteps')}：</b>{r.nextSteps || '—'}</Typography.Paragraph>
        {r.evidence.length > 0 && (
          <Space wrap>
            {r.evidence.map((e) => (
              <a key={e.id} href={evidenceUrl(e.id)} data-testid="evidence-link"><PaperClipOutlined /> {e.fileName}</a>
            ))}
          </Space>
        )}
        <Space>
          {canEdit && <Button size="small" onClick={onEdit} data-testid="report-edit">{t('supervision.actions.edit')}</Button>}
          {access.review && r.status === 'submitted' && (
            <>
              <Button size="small" type="primary" data-testid="report-accept" loading={review.isPending && review.variables?.body.decision === 'accept'}
                onClick={() => void run(() => review.mutateAsync({ id: r.id, body: { rowVersion: r.rowVersion, decision: 'accept' } }), t('supervision.reports.accepted'))}>
                {t('supervision.actions.accept')}
              </Button>
              <Button size="small" danger onClick={() => setReturning(true)} data-testid="report-return">{t('supervision.actions.return')}</Button>
            </>
          )}
        </Space>
      </Space>
      <Modal
        open={returning}
        title={`${t('supervision.actions.return')} · ${r.period}`}
        onCancel={() => setReturning(false)}
        destroyOnHidden
        okButtonProps={{ danger: true, loading: review.isPending, 'data-testid': 'return-confirm' } as ButtonProps}
        onOk={async () => {
          const v = await form.validateFields().catch(() => null);
          if (v && (await run(() => review.mutateAsync({ id: r.id, body: { rowVersion: r.rowVersion, decision: 'return', reason: v.reason } }), t('supervision.reports.returned')))) setReturning(false);
        }}
      >
        <Form form={form} layout="vertical" preserve={false}>
          <Form.Item name="reason" label={t('supervision.returnReason')} rules={[{ required: true, whitespace: true, message: t('supervision.reasonRequired') }]}>
            <Input.TextArea rows={3} maxLength={1000} data-testid="return-reason" />
          </Form.Item>
        </Form>
      </Modal>
    </List.Item>
  );
}

/** Periods the task reports on up to the as-of date, latest first. */
function reportablePeriods(task: TaskDetail): string[] {
  const out: string[] = [];
  const end = task.light.asOf < task.dueOn ? task.light.asOf : task.dueOn;
  let d = new Date(`${task.startOn}T00:00:00Z`);
  const step = task.reportingCycle === 'monthly' ? 1 : 3;
  for (let guard = 0; guard < 200 && d.toISOString().slice(0, 10) <= end; guard++) {
    const p = periodOf(d.toISOString().slice(0, 10), task.reportingCycle);
    if (!out.includes(p)) out.push(p);
    d = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + step, 1));
  }
  const current = periodOf(end, task.reportingCycle);
  if (!out.includes(current)) out.push(current);
  return out.reverse();
}

interface ReportValues {
  period: string;
  percentDone: number;
  progress: string;
  problems: string;
  nextSteps: string;
}

function ReportForm({ task, report, onDone }: { task: TaskDetail; report: ProgressReport | null; onDone: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<ReportValues>();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const create = useCreateReport();
  const update = useUpdateReport();
  const upload = useReportEvidence();
  const run = useRunAction();
  const [busy, setBusy] = useState<'save' | 'submit' | null>(null);
  const periods = reportablePeriods(task);

  const save = async (submit: boolean) => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setBusy(submit ? 'submit' : 'save');
    const ok = await run(async () => {
      const fields = { percentDone: v.percentDone, progress: v.progress ?? '', problems: v.problems ?? '', nextSteps: v.nextSteps ?? '' };
      // Evidence needs a saved report: save without submitting, upload, then submit the current version.
      const saved = report
        ? await update.mutateAsync({ id: report.id, body: { ...fields, rowVersion: report.rowVersion, submit: submit && files.length === 0 } })
        : await create.mutateAsync({ taskId: task.id, body: { ...fields, period: v.period, submit: submit && files.length === 0 } });
      if (files.length === 0) return;
      for (const f of files) await upload.mutateAsync({ id: saved.id, fileName: f.name, fileBase64: await fileToBase64(f.originFileObj as File) });
      if (submit) {
        const fresh = await api.get<unknown>(`/api/supervision/tasks/${encodeURIComponent(task.id)}/reports`);
        const list = (Array.isArray(fresh) ? fresh : (fresh as { reports: ProgressReport[] }).reports) as ProgressReport[];
        const current = list.find((r) => r.id === saved.id)!;
        await update.mutateAsync({ id: saved.id, body: { rowVersion: current.rowVersion, submit: true } });
      }
    }, submit ? t('supervision.reports.submitted') : t('supervision.saved'));
    setBusy(null);
    if (ok) onDone();
  };

  return (
    <Card size="small" title={report ? `${t('supervision.actions.edit')} · ${report.period}` : t('supervision.reports.new')} data-testid="report-form">
      <Form<ReportValues>
        form={form}
        layout="vertical"
        initialValues={report ? { period: report.period, percentDone: report.percentDone, progress: report.progress, problems: report.problems, nextSteps: report.nextSteps } : { period: periods[0], percentDone: task.percentDone }}
      >
        <Space wrap size={16}>
          <Form.Item name="period" label={t('supervision.columns.period')} rules={[{ required: true, message: t('supervision.required') }]}>
            <Select disabled={!!report} style={{ width: 140 }} options={periods.map((p) => ({ value: p, label: p }))} data-testid="report-period" />
          </Form.Item>
          <Form.Item name="percentDone" label={t('supervision.reports.percent')} rules={[{ required: true, message: t('supervision.required') }]}>
            <InputNumber min={0} max={100} step={5} addonAfter="%" style={{ width: 140 }} data-testid="report-percent" />
          </Form.Item>
        </Space>
        <Form.Item name="progress" label={t('supervision.reports.progress')} rules={[{ required: true, whitespace: true, message: t('supervision.required') }]}>
          <Input.TextArea rows={3} maxLength={4000} showCount data-testid="report-progress" />
        </Form.Item>
        <Form.Item name="problems" label={t('supervision.reports.problems')}>
          <Input.TextArea rows={2} maxLength={4000} data-testid="report-problems" />
        </Form.Item>
        <Form.Item name="nextSteps" label={t('supervision.reports.nextSteps')}>
          <Input.TextArea rows={2} maxLength={4000} data-testid="report-next" />
        </Form.Item>
        <Form.Item label={t('supervision.evidence')} extra={t('supervision.evidenceHint')}>
          <Upload multiple fileList={files} beforeUpload={() => false} onChange={({ fileList }) => setFiles(fileList)} accept=".pdf,.jpg,.jpeg,.png,.doc,.docx,.xls,.xlsx">
            <Button icon={<UploadOutlined />} data-testid="report-evidence">{t('supervision.chooseFiles')}</Button>
          </Upload>
        </Form.Item>
        <Space>
          <Button onClick={() => void save(false)} loading={busy === 'save'} data-testid="report-save">{t('supervision.actions.saveDraft')}</Button>
          <Button type="primary" onClick={() => void save(true)} loading={busy === 'submit'} data-testid="report-submit">{t('supervision.actions.submit')}</Button>
          <Button onClick={onDone}>{t('supervision.actions.cancel')}</Button>
        </Space>
      </Form>
    </Card>
  );
}
