// One meeting: the agenda in order with presenters, the attendance (edited by the office), the decision on
// each item (recorded by a leading-group member or the secretary; 有条件通过 asks for its conditions) and
// the minutes (纪要) as a Word download.
import { Button, Card, Checkbox, Descriptions, Form, Input, Modal, Radio, Space, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { DECISIONS, type AgendaEntry, type Attendee, type Decision, type Meeting } from '../../../shared/review';
import { minutesUrl, useMeeting, useReviewAction, useReviewMe } from '../../api/review';
import { DemoBadge } from '../../components/DemoBadge';
import { useFailure, useLabels, useReviewAccess, wan } from './common';

function AttendanceCard({ meeting, editable }: { meeting: Meeting; editable: boolean }) {
  const { t } = useTranslation();
  const fail = useFailure();
  const [rows, setRows] = useState<Attendee[]>(meeting.attendance);
  useEffect(() => setRows(meeting.attendance), [meeting.attendance]);
  const save = useReviewAction<{ rowVersion: number; attendees: Attendee[] }>('put', () => `/api/review/meetings/${meeting.id}/attendance`);
  const set = (i: number, patch: Partial<Attendee>) => setRows(rows.map((r, k) => (k === i ? { ...r, ...patch } : r)));
  return (
    <Card size="small" title={t('review.attendance')} data-testid="attendance">
      <Table<Attendee> rowKey={(_, i) => String(i)} size="small" pagination={false} dataSource={rows} columns={[
        { title: t('review.name'), render: (_, r, i) => (editable ? <Input value={r.name} onChange={(e) => set(i, { name: e.target.value })} data-testid={`attendee-name-${i}`} /> : r.name) },
        { title: t('review.position'), render: (_, r, i) => (editable ? <Input value={r.position ?? ''} onChange={(e) => set(i, { position: e.target.value || null })} /> : r.position) },
        { title: t('review.present'), render: (_, r, i) => <Checkbox checked={r.present} disabled={!editable} onChange={(e) => set(i, { present: e.target.checked })} data-testid={`attendee-present-${i}`} /> },
        { title: t('review.note'), render: (_, r, i) => (editable ? <Input value={r.note ?? ''} onChange={(e) => set(i, { note: e.target.value || null })} /> : r.note) },
      ]} />
      {editable && (
        <Space style={{ marginTop: 8 }}>
          <Button onClick={() => setRows([...rows, { name: '', userId: null, position: null, present: true, note: null }])} data-testid="attendee-add">{t('review.addAttendee')}</Button>
          <Button type="primary" loading={save.isPending} data-testid="attendance-save"
            onClick={() => save.mutate({ rowVersion: meeting.rowVersion, attendees: rows.filter((r) => r.name.trim()) }, { onError: fail })}>{t('review.saveAttendance')}</Button>
        </Space>
      )}
    </Card>
  );
}

function DecisionModal({ meeting, entry, onClose }: { meeting: Meeting; entry: AgendaEntry | null; onClose: () => void }) {
  const { t } = useTranslation();
  const L = useLabels();
  const fail = useFailure();
  const [form] = Form.useForm<{ decision: Decision; conditions?: string; note?: string }>();
  const decision = Form.useWatch('decision', form);
  const save = useReviewAction<{ rowVersion: number; itemId: string; decision: Decision; conditions?: string; note?: string }>('post', () => `/api/review/meetings/${meeting.id}/decisions`);
  if (!entry) return null;
  const onOk = async () => {
    const v = await form.validateFields();
    save.mutate({ rowVersion: meeting.rowVersion, itemId: entry.itemId, ...v }, { onSuccess: onClose, onError: fail });
  };
  return (
    <Modal open title={t('review.decideTitle', { title: entry.title })} onCancel={onClose} onOk={onOk} okText={t('review.save')} cancelText={t('review.cancel')}
      confirmLoading={save.isPending} okButtonProps={{ 'data-testid': 'decision-save' } as never} destroyOnHidden>
      <Form form={form} layout="vertical">
        <Form.Item name="decision" label={t('review.decision')} rules={[{ required: true }]}>
          <Radio.Group data-testid="decision-choice">{DECISIONS.map((d) => <Radio key={d} value={d} data-testid={`decision-${d}`}>{L.decision(d)}</Radio>)}</Radio.Group>
        </Form.Item>
        {decision === 'conditional' && (
          <Form.Item name="conditions" label={t('review.conditions')} rules={[{ required: true }]}><Input.TextArea rows={3} data-testid="decision-conditions" /></Form.Item>
        )}
        <Form.Item name="note" label={t('review.note')}><Input.TextArea rows={2} /></Form.Item>
      </Form>
    </Modal>
  );
}

export function MeetingPage() {
  const { t } = useTranslation();
  const L = useLabels();
  const { id = '' } = useParams();
  const m = useMeeting(id);
  const me = useReviewMe();
  const access = useReviewAccess();
  const [deciding, setDeciding] = useState<AgendaEntry | null>(null);
  if (!m.data) return <Card loading={m.isLoading}>{m.error ? String(m.error) : null}</Card>;
  const meeting = m.data;
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="meeting-page">
      <Link to="/reviews/meetings">{t('review.back')}</Link>
      <Typography.Title level={3}>{meeting.title}{meeting.demo && <DemoBadge />}</Typography.Title>
      <Descriptions size="small" column={3} items={[
        { key: 'c', label: t('review.code'), children: meeting.code },
        { key: 'd', label: t('review.heldOn'), children: meeting.heldOn },
        { key: 'p', label: t('review.place'), children: meeting.place ?? '—' },
      ]} />
      <Button href={minutesUrl(meeting.id)} data-testid="minutes-download">{t('review.minutes')}</Button>
      <Card size="small" title={t('review.agenda')}>
        <Table<AgendaEntry> rowKey="itemId" size="small" pagination={false} dataSource={meeting.agenda} data-testid="agenda" columns={[
          { title: '#', dataIndex: 'sort', width: 50 },
          { title: t('review.title'), render: (_, a) => <Link to={`/reviews/items/${a.itemId}`}>{a.code} {a.title}</Link> },
          { title: t('review.unit'), render: (_, a) => a.submittingOrg.name },
          { title: t('review.presenter'), dataIndex: 'presenter' },
          { title: t('review.amount'), dataIndex: 'amount', align: 'right', render: wan },
          { title: t('review.decision'), render: (_, a) => <span data-testid="agenda-decision">{L.decision(a.decision)}{a.conditions ? `：${a.conditions}` : ''}</span> },
          { title: '', render: (_, a) => (!a.decision && me.data?.canDecide ? <Button size="small" onClick={() => setDeciding(a)} data-testid="decide-open">{t('review.decide')}</Button> : null) },
        ]} />
        {!me.data?.canDecide && <Typography.Text type="secondary">{t('review.secretaryHint')}</Typography.Text>}
      </Card>
      <AttendanceCard meeting={meeting} editable={access.schedule || !!me.data?.secretary} />
      <DecisionModal meeting={meeting} entry={deciding} onClose={() => setDeciding(null)} />
    </Space>
  );
}
