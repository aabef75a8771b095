// One review item: its facts, the meetings it was on with their decisions, its follow-up tasks (交办) with
// their lights and closure, its funds (schedule, payments, 支付率 and light), files, amendments and history.
import { Card, Descriptions, List, Space, Table, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { Light } from '../../../shared/review';
import { fileUrl, useReviewItem } from '../../api/review';
import { DemoBadge } from '../../components/DemoBadge';
import { LightTag, pct, useLabels, useReviewAccess, wan } from './common';
import { EvidenceUpload, FundsActions, ScheduleTable } from './FundsForms';
import { ItemActions } from './ItemActions';

export function ItemPage() {
  const { t } = useTranslation();
  const L = useLabels();
  const { id = '' } = useParams();
  const q = useReviewItem(id);
  const access = useReviewAccess();
  if (!q.data) return <Card loading={q.isLoading}>{q.error ? String(q.error) : null}</Card>;
  const it = q.data;
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="item-page">
      <Link to="/reviews">{t('review.back')}</Link>
      <Typography.Title level={3}>{it.title}{it.demo && <DemoBadge />}</Typography.Title>
      <ItemActions item={it} />
      <Descriptions size="small" bordered column={2} items={[
        { key: 'code', label: t('review.code'), children: it.code },
        { key: 'type', label: t('review.type'), children: L.type(it.type) },
        { key: 'unit', label: t('review.unit'), children: it.submittingOrg.name },
        { key: 'status', label: t('review.status'), children: <Tag data-testid="item-status">{L.status(it.status)}</Tag> },
        { key: 'amount', label: t('review.amount'), children: wan(it.amount) },
        { key: 'decision', label: t('review.decision'), children: `${L.decision(it.decision)}${it.conditions ? `：${it.conditions}` : ''}` },
        { key: 'project', label: t('review.project'), children: it.project?.name ?? '—' },
        { key: 'industry', label: t('review.industry'), children: it.industry?.name ?? '—' },
        { key: 'county', label: t('review.county'), children: it.county?.name ?? '—' },
        { key: 'amends', label: t('review.amends'), children: it.amendsItem ? <Link to={`/reviews/items/${it.amendsItem.id}`}>{it.amendsItem.code}</Link> : '—' },
        { key: 'summary', label: t('review.summary'), children: it.summary, span: 2 },
      ]} />
      <Card size="small" title={t('review.meetings')}>
        <List size="small" dataSource={it.meetings} renderItem={(m) => <List.Item><Link to={`/reviews/meetings/${m.meetingId}`}>{m.heldOn} {m.title}</Link>：{L.decision(m.decision)}{m.conditions ? `（${m.conditions}）` : ''}</List.Item>} />
      </Card>
      <Card size="small" title={t('review.followUps')}>
        <Table rowKey="taskId" size="small" pagination={false} dataSource={it.followUps} locale={{ emptyText: t('review.noFollowUps') }} data-testid="item-followups" columns={[
          { title: t('review.code'), render: (_, f) => <Link to={`/supervision/tasks/${f.taskId}`}>{f.code}</Link> },
          { title: t('review.title'), dataIndex: 'title' },
          { title: t('review.leadOrg'), render: (_, f) => f.lead?.name ?? '—' },
          { title: t('review.dueOn'), dataIndex: 'dueOn' },
          { title: t('review.light'), render: (_, f) => (f.status === 'closed' ? <Tag>{L.status('implemented')}</Tag> : <LightTag light={f.light as Light} />) },
        ]} />
      </Card>
      {it.funds.approved > 0 && (
        <Card size="small" title={t('review.funds')} extra={<FundsActions item={it} canSchedule={access.funds} canPay={access.pay(it)} />} data-testid="item-funds">
          <Descriptions size="small" column={5} items={[
            { key: 'a', label: t('review.approved'), children: wan(it.funds.approved) },
            { key: 's', label: t('review.scheduledToDate'), children: wan(it.funds.scheduledToDate) },
            { key: 'p', label: t('review.paid'), children: wan(it.funds.paidToDate) },
            { key: 'r', label: t('review.paymentRate'), children: pct(it.funds.paymentRate) },
            { key: 'l', label: t('review.light'), children: <LightTag light={it.funds.light} /> },
          ]} />
          <ScheduleTable item={it} />
          <Table rowKey="id" size="small" pagination={false} dataSource={it.disbursements} data-testid="item-disbursements" title={() => t('review.disbursements')} columns={[
            { title: t('review.paidOn'), dataIndex: 'paidOn' },
            { title: t('review.paid'), dataIndex: 'amount', align: 'right', render: wan },
            { title: t('review.voucher'), dataIndex: 'voucherRef' },
            { title: t('review.evidence'), render: (_, d) => <Space wrap>{d.evidence.map((e) => <a key={e.id} href={fileUrl(e.id)}>{e.fileName}</a>)}{access.pay(it) && <EvidenceUpload disbursementId={d.id} />}</Space> },
          ]} />
        </Card>
      )}
      {it.attachments.length > 0 && (
        <Card size="small" title={t('review.attachments')}>{it.attachments.map((f) => <div key={f.id}><a href={fileUrl(f.id)}>{f.fileName}</a></div>)}</Card>
      )}
      {it.amendments.length > 0 && (
        <Card size="small" title={t('review.amendments')}>{it.amendments.map((a) => <div key={a.id}><Link to={`/reviews/items/${a.id}`}>{a.code} {a.title}</Link> {L.status(a.status)}</div>)}</Card>
      )}
      <Card size="small" title={t('review.history')}>
        <Timeline items={it.history.map((h) => ({ children: `${h.at.slice(0, 16).replace('T', ' ')} ${h.actor} ${h.action}` }))} data-testid="item-history" />
      </Card>
    </Space>
  );
}
