// 领导小组审议: the items list (filters and the shared search box), the meetings (and scheduling one) and the
// funds overview with charts. Tabs are sub-routes: /reviews, /reviews/meetings, /reviews/funds.
import { ArrowDownOutlined, ArrowUpOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, DatePicker, Form, Input, Modal, Select, Space, Table, Tabs, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ITEM_STATUSES, REVIEW_TYPES, type Meeting, type ReviewItem } from '../../../shared/review';
import { useMeetings, useReviewAction, useReviewItems } from '../../api/review';
import { EMPTY_SEARCH, matchesSearch, SearchBox, type SearchValue } from '../../components/SearchBox';
import { DemoBadge } from '../../components/DemoBadge';
import { useFailure, useLabels, useReviewAccess, wan } from './common';
import { FundsTab } from './FundsTab';
import { ItemForm } from './ItemForm';

function ItemsTab() {
  const { t } = useTranslation();
  const L = useLabels();
  const items = useReviewItems();
  const [search, setSearch] = useState<SearchValue>(EMPTY_SEARCH);
  const [type, setType] = useState<string | undefined>();
  const access = useReviewAccess();
  const [creating, setCreating] = useState(false);
  const rows = useMemo(() => (items.data ?? []).filter((i) => (!type || i.type === type) && matchesSearch(search, {
    text: [i.code, i.title, i.submittingOrg.name, i.project?.name], county: i.county?.id ? undefined : null, status: i.status,
  })), [items.data, search, type]);
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {access.create && <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="item-new" style={{ alignSelf: 'flex-start' }}>{t('review.newItem')}</Button>}
      {creating && <ItemForm open onClose={() => setCreating(false)} />}
      <SearchBox value={search} onChange={setSearch} county={false} placeholder={t('review.search')} testId="review-search"
        statusOptions={ITEM_STATUSES.map((s) => ({ value: s, label: L.status(s) }))} statusLabel={t('review.status')}>
        <Select allowClear style={{ width: 160 }} placeholder={t('review.allTypes')} value={type} onChange={setType} data-testid="review-type"
          options={REVIEW_TYPES.map((x) => ({ value: x, label: L.type(x) }))} />
      </SearchBox>
      <Table<ReviewItem> rowKey="id" size="small" loading={items.isLoading} dataSource={rows} data-testid="review-items" pagination={{ pageSize: 20 }}
        columns={[
          { title: t('review.code'), dataIndex: 'code', width: 130 },
          { title: t('review.title'), render: (_, r) => <><Link to={`/reviews/items/${r.id}`}>{r.title}</Link>{r.demo && <DemoBadge />}</> },
          { title: t('review.type'), render: (_, r) => L.type(r.type), width: 120 },
          { title: t('review.unit'), render: (_, r) => r.submittingOrg.name, width: 150 },
          { title: t('review.amount'), dataIndex: 'amount', align: 'right', render: wan, width: 110 },
          { title: t('review.status'), render: (_, r) => L.status(r.status), width: 100 },
          { title: t('review.decision'), render: (_, r) => L.decision(r.decision), width: 120 },
        ]} />
    </Space>
  );
}

interface AgendaLine { itemId: string; presenter: string }

/** 安排会议: the office picks submitted items, puts them in order and names each one's presenter. */
function NewMeeting({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const items = useReviewItems();
  const fail = useFailure();
  const navigate = useNavigate();
  const submitted = (items.data ?? []).filter((i) => i.status === 'submitted');
  const [lines, setLines] = useState<AgendaLine[]>([]);
  const create = useReviewAction<{ title: string; heldOn: string; place?: string; agenda: { itemId: string; rowVersion: number; presenter: string }[] }, Meeting>('post', () => '/api/review/meetings');
  const [form] = Form.useForm<{ title: string; heldOn: dayjs.Dayjs; place?: string }>();
  const byId = new Map(submitted.map((i) => [i.id, i]));
  const pick = (ids: string[]) => setLines(ids.map((id) => lines.find((l) => l.itemId === id) ?? { itemId: id, presenter: byId.get(id)?.submittingOrg.name ?? '' }));
  const move = (i: number, d: -1 | 1) => { const next = [...lines]; [next[i], next[i + d]] = [next[i + d]!, next[i]!]; setLines(next); };
  const onOk = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v || !lines.length || lines.some((l) => !l.presenter.trim())) return;
    const agenda = lines.map((l) => ({ itemId: l.itemId, rowVersion: byId.get(l.itemId)?.rowVersion ?? 0, presenter: l.presenter.trim() }));
    create.mutate({ title: v.title, heldOn: v.heldOn.format('YYYY-MM-DD'), place: v.place, agenda }, { onSuccess: (m) => { setLines([]); onClose(); navigate(`/reviews/meetings/${m.id}`); }, onError: fail });
  };
  return (
    <Modal open={open} width={760} title={t('review.newMeeting')} onCancel={onClose} onOk={() => void onOk()} okText={t('review.schedule')} cancelText={t('review.cancel')} confirmLoading={create.isPending} okButtonProps={{ 'data-testid': 'meeting-create', disabled: !lines.length || lines.some((l) => !l.presenter.trim()) } as never} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ heldOn: dayjs() }}>
        <Form.Item name="title" label={t('review.meetingTitle')} rules={[{ required: true }]}><Input data-testid="meeting-title" /></Form.Item>
        <Form.Item name="heldOn" label={t('review.heldOn')} rules={[{ required: true }]}><DatePicker /></Form.Item>
        <Form.Item name="place" label={t('review.place')}><Input /></Form.Item>
        <Form.Item label={t('review.pickItems')} extra={submitted.length ? undefined : t('review.noSubmitted')}>
          <Select mode="multiple" value={lines.map((l) => l.itemId)} onChange={pick} data-testid="meeting-items" optionFilterProp="label" options={submitted.map((i) => ({ value: i.id, label: `${i.code} ${i.title}` }))} />
        </Form.Item>
      </Form>
      <Table<AgendaLine> rowKey="itemId" size="small" pagination={false} dataSource={lines} data-testid="agenda-editor" locale={{ emptyText: t('review.agendaEmpty') }} columns={[
        { title: '#', render: (_, __, i) => i + 1, width: 40 },
        { title: t('review.title'), render: (_, l) => `${byId.get(l.itemId)?.code ?? ''} ${byId.get(l.itemId)?.title ?? ''}` },
        { title: t('review.presenter'), width: 220, render: (_, l, i) => <Input value={l.presenter} status={l.presenter.trim() ? undefined : 'error'} data-testid={`agenda-presenter-${i}`}
          onChange={(e) => setLines(lines.map((x, k) => (k === i ? { ...x, presenter: e.target.value } : x)))} /> },
        { title: t('review.order'), width: 90, render: (_, __, i) => <Space size={4}>
          <Button size="small" icon={<ArrowUpOutlined />} disabled={i === 0} onClick={() => move(i, -1)} aria-label={t('review.up')} data-testid={`agenda-up-${i}`} />
          <Button size="small" icon={<ArrowDownOutlined />} disabled={i === lines.length - 1} onClick={() => move(i, 1)} aria-label={t('review.down')} />
        </Space> },
      ]} />
    </Modal>
  );
}

function MeetingsTab() {
  const { t } = useTranslation();
  const meetings = useMeetings();
  const access = useReviewAccess();
  const [open, setOpen] = useState(false);
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {access.schedule && <Button type="primary" onClick={() => setOpen(true)} data-testid="meeting-new">{t('review.newMeeting')}</Button>}
      <Table<Meeting> rowKey="id" size="small" loading={meetings.isLoading} dataSource={meetings.data ?? []} data-testid="review-meetings"
        columns={[
          { title: t('review.code'), dataIndex: 'code', width: 130 },
          { title: t('review.meeting'), render: (_, m) => <><Link to={`/reviews/meetings/${m.id}`}>{m.title}</Link>{m.demo && <DemoBadge />}</> },
          { title: t('review.heldOn'), dataIndex: 'heldOn', width: 120 },
          { title: t('review.agenda'), render: (_, m) => m.agenda.length, width: 80, align: 'right' },
          { title: t('review.status'), render: (_, m) => (m.status === 'decided' ? t('review.decided') : t('review.scheduled')), width: 110 },
        ]} />
      <NewMeeting open={open} onClose={() => setOpen(false)} />
    </Space>
  );
}

export function ReviewPage() {
  const { t } = useTranslation();
  const { tab = 'items' } = useParams();
  const navigate = useNavigate();
  return (
    <>
      <Typography.Title level={3}>{t('nav.reviews')}</Typography.Title>
      <Tabs activeKey={tab} onChange={(k) => navigate(k === 'items' ? '/reviews' : `/reviews/${k}`)} data-testid="review-tabs" destroyOnHidden
        items={[
          { key: 'items', label: <span data-testid="tab-items">{t('review.tabs.items')}</span>, children: <ItemsTab /> },
          { key: 'meetings', label: <span data-testid="tab-meetings">{t('review.tabs.meetings')}</span>, children: <MeetingsTab /> },
          { key: 'funds', label: <span data-testid="tab-funds">{t('review.tabs.funds')}</span>, children: <FundsTab /> },
        ]} />
    </>
  );
}
