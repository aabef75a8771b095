// The item form (审议事项): drafting a new item, editing a draft or submitted one, and drafting an
// amendment (变更) of a decided item — a new item that names it, since decided items never change.
// Attachments (材料) go up after the item is saved, one file per call, checked by content on the server.
// An edit names the row version it read; a 409 keeps the dialog open, says the item changed and loads the
// current version into the form.
import { UploadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, Input, InputNumber, Modal, Select, Upload, type UploadFile } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { REVIEW_TYPES, type ReviewItem, type ReviewType } from '../../../shared/review';
import type { SupervisionTreeNode } from '../../../shared/supervision';
import { ApiError } from '../../api/client';
import { useOrganizations, usePlan } from '../../api/hooks';
import { itemFilesPath, reviewKeys, useReviewAction, useReviewUpload } from '../../api/review';
import { useTree } from '../../api/supervision';
import { useRegistry } from '../../api/targets';
import { fileToBase64 } from '../../components/ImportPreview';
import { useLabels, useReviewAccess } from './common';

interface Values {
  type: ReviewType; title: string; submittingOrgId: string; summary?: string; amount?: number | null;
  projectId?: string | null; supervisionTaskId?: string | null; industryCode?: string | null; countyOrgId?: string | null;
}

const valuesOf = (i: ReviewItem): Values => ({
  type: i.type, title: i.title, submittingOrgId: i.submittingOrg.id, summary: i.summary, amount: i.amount, projectId: i.project?.id ?? null,
  supervisionTaskId: i.supervisionTask?.id ?? null, industryCode: i.industry?.code ?? null, countyOrgId: i.county?.id ?? null,
});

function flattenTasks(nodes: SupervisionTreeNode[], out: SupervisionTreeNode[] = []): SupervisionTreeNode[] {
  for (const n of nodes) {
    if (n.kind === 'task') out.push(n);
    if (n.children?.length) flattenTasks(n.children, out);
  }
  return out;
}

/** Choices of the form: units (departments, counties), counties, projects, the plan's industries, supervised tasks. */
function useChoices() {
  const orgs = useOrganizations();
  const plan = usePlan();
  const projects = useRegistry('project', dayjs().format('YYYY-MM'));
  const tree = useTree();
  return useMemo(() => {
    const all = (orgs.data ?? []).filter((o) => o.active !== false);
    return {
      units: all.filter((o) => o.kind === 'department' || o.kind === 'county' || o.kind === 'zone').map((o) => ({ value: o.id, label: o.name, code: o.code })),
      counties: all.filter((o) => o.kind === 'county' || o.kind === 'zone').map((o) => ({ value: o.id, label: o.name })),
      projects: (projects.data?.items ?? []).map((p) => ({ value: p.id, label: p.name })),
      industries: (plan.data?.industries ?? []).map((x) => ({ value: x.code, label: x.name })),
      tasks: flattenTasks(tree.data?.nodes ?? []).map((n) => ({ value: n.id, label: `${n.code} ${n.title}` })),
    };
  }, [orgs.data, plan.data, projects.data, tree.data]);
}

/** `item` set → edit it; `amends` set → a new item amending that decided one; neither → a new draft. */
export function ItemForm({ open, onClose, item, amends }: { open: boolean; onClose: () => void; item?: ReviewItem; amends?: ReviewItem }) {
  const { t } = useTranslation();
  const L = useLabels();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const access = useReviewAccess();
  const choices = useChoices();
  const [form] = Form.useForm<Values>();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [conflict, setConflict] = useState<string | null>(null);
  const type = Form.useWatch('type', form);
  const create = useReviewAction<Values & { amendsItemId?: string }, ReviewItem>('post', () => '/api/review/items');
  const update = useReviewAction<Values & { rowVersion: number }, ReviewItem>('put', () => `/api/review/items/${item?.id}`);
  const upload = useReviewUpload();
  // A unit drafts in its own name only; the office picks the unit.
  const ownUnit = access.create === 'own' ? choices.units.find((u) => u.code === access.orgCode)?.value : undefined;

  // Fill the form once per opening (not on every refetch of the item, which would also hide a 409).
  const filled = useRef(false);
  useEffect(() => {
    if (!open) { filled.current = false; return; }
    if (filled.current) return;
    filled.current = true;
    setFiles([]);
    setConflict(null);
    if (item) form.setFieldsValue(valuesOf(item));
    else if (amends) form.setFieldsValue({ ...valuesOf(amends), submittingOrgId: ownUnit ?? amends.submittingOrg.id, title: t('review.amendDefault', { title: amends.title }), summary: '' });
    else form.setFieldsValue({ type: 'project', submittingOrgId: ownUnit });
  }, [open, item, amends, ownUnit, form, t]);
  // A unit's own name, once the organisations have loaded (a unit may only draft in its own name).
  useEffect(() => { if (open && ownUnit && !item) form.setFieldValue('submittingOrgId', ownUnit); }, [open, ownUnit, item, form]);
  // After a 409 the dialog shows the item as it now is.
  useEffect(() => { if (conflict && item) form.setFieldsValue(valuesOf(item)); }, [conflict, item, form]);

  const onOk = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    const body: Values = { ...v, amount: v.amount ?? null, projectId: v.projectId ?? null, supervisionTaskId: v.supervisionTaskId ?? null, industryCode: v.industryCode ?? null, countyOrgId: v.countyOrgId ?? null, summary: v.summary ?? '' };
    let saved: ReviewItem;
    try {
      saved = item ? await update.mutateAsync({ ...body, rowVersion: item.rowVersion }) : await create.mutateAsync({ ...body, amendsItemId: amends?.id });
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) {
        setConflict(err.message);
        await qc.invalidateQueries({ queryKey: reviewKeys.all });
        return;
      }
      void message.error(err instanceof Error ? err.message : String(err));
      return;
    }
    for (const f of files) {
      try {
        await upload.mutateAsync({ path: itemFilesPath(saved.id), fileName: f.name, fileBase64: await fileToBase64(f.originFileObj as File) });
      } catch (err) {
        void message.error(`${f.name}：${err instanceof Error ? err.message : String(err)}`);
      }
    }
    void message.success(t('review.saved'));
    onClose();
    if (!item) navigate(`/reviews/items/${saved.id}`);
  };

  const title = item ? t('review.editItem') : amends ? t('review.amendTitle', { code: amends.code }) : t('review.newItem');
  return (
    <Modal open={open} title={title} width={720} onCancel={onClose} onOk={() => void onOk()} okText={t('review.save')} cancelText={t('review.cancel')}
      confirmLoading={create.isPending || update.isPending || upload.isPending} okButtonProps={{ 'data-testid': 'item-save' } as never} destroyOnHidden>
      {conflict && <Alert type="error" showIcon style={{ marginBottom: 12 }} data-testid="item-conflict" message={t('review.conflictTitle')} description={`${conflict} — ${t('review.conflictReloaded')}`} />}
      {amends && <Alert type="info" showIcon style={{ marginBottom: 12 }} message={t('review.amendHint', { code: amends.code })} />}
      <Form form={form} layout="vertical">
        <Form.Item name="type" label={t('review.type')} rules={[{ required: true }]}>
          <Select data-testid="item-type" options={REVIEW_TYPES.map((x) => ({ value: x, label: L.type(x) }))} />
        </Form.Item>
        <Form.Item name="title" label={t('review.title')} rules={[{ required: true, whitespace: true, message: t('review.required') }]}>
          <Input maxLength={200} data-testid="item-title" />
        </Form.Item>
        <Form.Item name="submittingOrgId" label={t('review.unit')} rules={[{ required: true, message: t('review.required') }]}>
          <Select showSearch optionFilterProp="label" disabled={access.create === 'own'} options={choices.units} data-testid="item-unit" />
        </Form.Item>
        <Form.Item name="summary" label={t('review.summary')}><Input.TextArea rows={3} maxLength={8000} data-testid="item-summary" /></Form.Item>
        <Form.Item name="amount" label={t('review.amount')} extra={t('review.amountHint')}
          rules={[{ required: type !== 'decision', message: t('review.amountRequired') }]}>
          <InputNumber min={0} style={{ width: 200 }} data-testid="item-amount" />
        </Form.Item>
        <Form.Item name="projectId" label={t('review.project')} extra={t('review.projectHint')}>
          <Select allowClear showSearch optionFilterProp="label" options={choices.projects} data-testid="item-project" />
        </Form.Item>
        <Form.Item name="industryCode" label={t('review.industry')}><Select allowClear options={choices.industries} data-testid="item-industry" /></Form.Item>
        <Form.Item name="countyOrgId" label={t('review.county')}><Select allowClear showSearch optionFilterProp="label" options={choices.counties} /></Form.Item>
        <Form.Item name="supervisionTaskId" label={t('review.task')}><Select allowClear showSearch optionFilterProp="label" options={choices.tasks} /></Form.Item>
        <Form.Item label={t('review.attachments')} extra={t('review.filesHint')}>
          <Upload multiple fileList={files} beforeUpload={() => false} onChange={({ fileList }) => setFiles(fileList)} accept=".pdf,.jpg,.jpeg,.png,.doc,.docx,.xls,.xlsx">
            <Button icon={<UploadOutlined />} data-testid="item-files">{t('review.chooseFiles')}</Button>
          </Upload>
        </Form.Item>
      </Form>
    </Modal>
  );
}
