// What can be done to an item from its page, each shown only to who may do it (the API refuses the rest
// anyway): edit and submit (its unit or the office, while draft / submitted), amend (a decided item is
// never changed: 变更 drafts a new item that names it), and 交办 (the office turns an approved decision
// into a supervised task with lead unit and due date).
import { App, Button, DatePicker, Form, Input, Modal, Popconfirm, Select, Space } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { APPROVING, type ReviewItemDetail } from '../../../shared/review';
import { useOrganizations } from '../../api/hooks';
import { useReviewAction } from '../../api/review';
import { useFailure, useReviewAccess } from './common';
import { ItemForm } from './ItemForm';

function FollowUpForm({ item, open, onClose }: { item: ReviewItemDetail; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const fail = useFailure();
  const { message } = App.useApp();
  const orgs = useOrganizations();
  const [form] = Form.useForm<{ title: string; content?: string; leadOrgId: string; period: [dayjs.Dayjs, dayjs.Dayjs] }>();
  const save = useReviewAction<{ rowVersion: number; title: string; content?: string; leadOrgId: string; startOn: string; dueOn: string }>('post', () => `/api/review/items/${item.id}/follow-ups`);
  const units = (orgs.data ?? []).filter((o) => o.kind === 'department' || o.kind === 'county' || o.kind === 'zone').map((o) => ({ value: o.id, label: o.name }));
  const onOk = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    save.mutate({ rowVersion: item.rowVersion, title: v.title, content: v.content, leadOrgId: v.leadOrgId, startOn: v.period[0].format('YYYY-MM-DD'), dueOn: v.period[1].format('YYYY-MM-DD') }, {
      onSuccess: () => { void message.success(t('review.followUpCreated')); onClose(); },
      onError: fail,
    });
  };
  return (
    <Modal open={open} title={t('review.newFollowUp')} onCancel={onClose} onOk={() => void onOk()} okText={t('review.assign')} cancelText={t('review.cancel')}
      confirmLoading={save.isPending} okButtonProps={{ 'data-testid': 'followup-save' } as never} destroyOnHidden>
      <Form form={form} layout="vertical" preserve={false}
        initialValues={{ title: t('review.followUpDefault', { title: item.title }), leadOrgId: item.submittingOrg.id, period: [dayjs(), dayjs().add(6, 'month')], content: item.conditions ? t('review.followUpConditions', { conditions: item.conditions }) : undefined }}>
        <Form.Item name="title" label={t('review.followUpTitle')} rules={[{ required: true, whitespace: true, message: t('review.required') }]}><Input maxLength={200} data-testid="followup-title" /></Form.Item>
        <Form.Item name="leadOrgId" label={t('review.leadOrg')} rules={[{ required: true, message: t('review.required') }]}>
          <Select showSearch optionFilterProp="label" options={units} data-testid="followup-lead" />
        </Form.Item>
        <Form.Item name="period" label={`${t('review.startOn')} — ${t('review.dueOn')}`} rules={[{ required: true, message: t('review.required') }]}>
          <DatePicker.RangePicker data-testid="followup-period" />
        </Form.Item>
        <Form.Item name="content" label={t('review.followUpContent')}><Input.TextArea rows={3} maxLength={4000} /></Form.Item>
      </Form>
    </Modal>
  );
}

export function ItemActions({ item }: { item: ReviewItemDetail }) {
  const { t } = useTranslation();
  const fail = useFailure();
  const { message } = App.useApp();
  const access = useReviewAccess();
  const [dialog, setDialog] = useState<'edit' | 'amend' | 'followUp' | null>(null);
  const submit = useReviewAction<{ rowVersion: number }>('post', () => `/api/review/items/${item.id}/submit`);
  const open = item.status === 'draft' || item.status === 'submitted';
  const decided = item.status === 'decided' || item.status === 'implemented';
  const canEdit = open && access.editItem(item);
  const canFollowUp = access.followUp && item.status === 'decided' && !!item.decision && APPROVING.includes(item.decision);
  return (
    <Space wrap data-testid="item-actions">
      {canEdit && <Button onClick={() => setDialog('edit')} data-testid="item-edit">{t('review.edit')}</Button>}
      {canEdit && item.status === 'draft' && (
        <Popconfirm title={t('review.submitConfirm')} okText={t('review.submit')} cancelText={t('review.cancel')} okButtonProps={{ 'data-testid': 'item-submit-confirm' } as never}
          onConfirm={() => submit.mutateAsync({ rowVersion: item.rowVersion }).then(() => void message.success(t('review.submitted')), fail)}>
          <Button type="primary" loading={submit.isPending} data-testid="item-submit">{t('review.submit')}</Button>
        </Popconfirm>
      )}
      {decided && access.create && <Button onClick={() => setDialog('amend')} data-testid="item-amend">{t('review.amend')}</Button>}
      {canFollowUp && <Button type="primary" onClick={() => setDialog('followUp')} data-testid="followup-new">{t('review.newFollowUp')}</Button>}
      {/* Mounted only while open: the form's choices (projects, the task tree) load when needed. */}
      {dialog === 'edit' && <ItemForm open item={item} onClose={() => setDialog(null)} />}
      {dialog === 'amend' && <ItemForm open amends={item} onClose={() => setDialog(null)} />}
      <FollowUpForm open={dialog === 'followUp'} item={item} onClose={() => setDialog(null)} />
    </Space>
  );
}
