// 催办 and 问效 of one task: the reminders and escalations sent about it, and its accountability records
// (约谈 / 通报批评 / 限期整改) with their red-light days; the coordinator adds records and marks them
// rectified or closed.
import { Button, DatePicker, Empty, Form, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import type { ButtonProps } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ACCOUNTABILITY_KINDS, ACCOUNTABILITY_STATUSES, type AccountabilityKind, type AccountabilityRecord, type Reminder } from '../../../shared/supervision';
import { useAccountability, useCreateAccountability, useReminders, useUpdateAccountability, type TaskDetail } from '../../api/supervision';
import { usePick, useRunAction, useSupervisionAccess } from './common';
import { ACCOUNTABILITY_KIND_LABELS } from '../../../shared/supervision';

const when = (s: string | null) => (s ? s.slice(0, 16).replace('T', ' ') : '—');

export function FollowUpPanel({ task }: { task: TaskDetail }) {
  const { t } = useTranslation();
  const access = useSupervisionAccess();
  const pick = usePick();
  const reminders = useReminders(task.id, access.readReminders);
  const records = useAccountability(task.id, access.readAccountability);
  const updateRecord = useUpdateAccountability();
  const run = useRunAction();
  const [adding, setAdding] = useState(false);
  const mine = (reminders.data ?? []).filter((r) => r.taskId === task.id);
  const recs = (records.data ?? []).filter((r) => r.taskId === task.id);

  const reminderColumns: TableColumnsType<Reminder> = [
    { title: t('supervision.followUpCols.kind'), key: 'kind', width: 110, render: (_, r) => <Tag color={r.kind === 'escalation' ? 'red' : 'orange'}>{t(`supervision.reminderKinds.${r.kind}`)}{r.level > 1 ? ` L${r.level}` : ''}</Tag> },
    { title: t('supervision.followUpCols.org'), key: 'org', width: 140, render: (_, r) => r.org.name },
    { title: t('supervision.followUpCols.message'), dataIndex: 'message' },
    { title: t('supervision.followUpCols.sent'), key: 'sent', width: 160, render: (_, r) => `${when(r.sentAt)} ${r.sentBy}` },
    { title: t('supervision.followUpCols.read'), key: 'read', width: 130, render: (_, r) => (r.readAt ? when(r.readAt) : <Tag>{t('supervision.unread')}</Tag>) },
  ];
  const recordColumns: TableColumnsType<AccountabilityRecord> = [
    { title: t('supervision.followUpCols.kind'), key: 'kind', width: 110, render: (_, r) => <Tag color="volcano">{pick(ACCOUNTABILITY_KIND_LABELS[r.kind])}</Tag> },
    { title: t('supervision.followUpCols.org'), key: 'org', width: 140, render: (_, r) => r.org.name },
    { title: t('supervision.reason'), dataIndex: 'reason' },
    { title: t('supervision.followUpCols.redDays'), dataIndex: 'redDays', width: 90 },
    { title: t('supervision.columns.dueOn'), dataIndex: 'dueOn', width: 110, render: (d: string | null) => d ?? '—' },
    {
      title: t('supervision.columns.status'),
      key: 'status',
      width: 150,
      render: (_, r) =>
        access.accountability ? (
          <Select size="small" value={r.status} style={{ width: 120 }} options={ACCOUNTABILITY_STATUSES.map((s) => ({ value: s, label: t(`supervision.accountabilityStatuses.${s}`) }))}
            onChange={(status) => void run(() => updateRecord.mutateAsync({ id: r.id, body: { rowVersion: r.rowVersion, status } }), t('supervision.saved'))} />
        ) : (
          t(`supervision.accountabilityStatuses.${r.status}`)
        ),
    },
  ];

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }} data-testid="follow-up">
      <div>
        <Typography.Title level={5}>{t('supervision.remindersTitle')}</Typography.Title>
        {mine.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('supervision.noReminders')} /> : <Table<Reminder> rowKey="id" size="small" columns={reminderColumns} dataSource={mine} pagination={false} />}
      </div>
      <div>
        <Space style={{ marginBottom: 8 }}>
          <Typography.Title level={5} style={{ margin: 0 }}>{t('supervision.accountabilityTitle')}</Typography.Title>
          {access.accountability && <Button size="small" onClick={() => setAdding(true)} data-testid="accountability-add">{t('supervision.actions.addAccountability')}</Button>}
        </Space>
        {recs.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('supervision.noAccountability')} /> : <Table<AccountabilityRecord> rowKey="id" size="small" columns={recordColumns} dataSource={recs} pagination={false} />}
      </div>
      {adding && <AccountabilityModal task={task} onClose={() => setAdding(false)} />}
    </Space>
  );
}

function AccountabilityModal({ task, onClose }: { task: TaskDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const pick = usePick();
  const create = useCreateAccountability();
  const run = useRunAction();
  const [form] = Form.useForm<{ orgId: string; kind: AccountabilityKind; reason: string; dueOn?: { format: (f: string) => string } }>();
  const orgs = [task.assignment?.org, task.lead, ...task.responsible, ...task.counties].filter((o, i, all): o is NonNullable<typeof o> => !!o && all.findIndex((x) => x?.id === o.id) === i);
  return (
    <Modal open title={t('supervision.actions.addAccountability')} onCancel={onClose} destroyOnHidden okButtonProps={{ loading: create.isPending } as ButtonProps}
      onOk={async () => {
        const v = await form.validateFields().catch(() => null);
        if (v && (await run(() => create.mutateAsync({ taskId: task.id, orgId: v.orgId, kind: v.kind, reason: v.reason, dueOn: v.dueOn ? v.dueOn.format('YYYY-MM-DD') : null }), t('supervision.saved')))) onClose();
      }}>
      <Form form={form} layout="vertical" preserve={false} initialValues={{ orgId: orgs[0]?.id, kind: 'rectify' }}>
        <Form.Item name="orgId" label={t('supervision.followUpCols.org')} rules={[{ required: true, message: t('supervision.required') }]}>
          <Select options={orgs.map((o) => ({ value: o.id, label: o.name }))} />
        </Form.Item>
        <Form.Item name="kind" label={t('supervision.followUpCols.kind')}>
          <Select options={ACCOUNTABILITY_KINDS.map((k) => ({ value: k, label: pick(ACCOUNTABILITY_KIND_LABELS[k]) }))} />
        </Form.Item>
        <Form.Item name="reason" label={t('supervision.reason')} rules={[{ required: true, whitespace: true, message: t('supervision.reasonRequired') }]}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
        <Form.Item name="dueOn" label={t('supervision.columns.dueOn')}>
          <DatePicker />
        </Form.Item>
      </Form>
    </Modal>
  );
}
