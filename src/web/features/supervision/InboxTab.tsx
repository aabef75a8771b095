// 我的待办: what the signed-in user has to do — tasks to sign, reports due, reports to review, closures
// to verify, reminders received — each opening its task; signing and marking a reminder read happen here.
import { Badge, Button, Empty, Segmented, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { INBOX_KINDS, type InboxItem, type InboxKind } from '../../../shared/supervision';
import { useInbox, useReadReminder, useSign } from '../../api/supervision';
import { QueryResult } from '../../components/QueryResult';
import { useRunAction, useSupervisionAccess, useTaskParam } from './common';

const KIND_COLORS: Record<InboxKind, string> = { sign: 'blue', report_due: 'orange', review_report: 'purple', verify_closure: 'cyan', reminder: 'red' };

export function InboxTab({ asOf }: { asOf?: string }) {
  const inbox = useInbox(asOf);
  return <QueryResult query={inbox}>{(data) => <InboxList items={data.items} counts={data.counts} asOf={data.asOf} />}</QueryResult>;
}

function InboxList({ items, counts, asOf }: { items: InboxItem[]; counts: Record<InboxKind, number>; asOf: string }) {
  const { t } = useTranslation();
  const access = useSupervisionAccess();
  const [kind, setKind] = useState<InboxKind | 'all'>('all');
  const [, openTask] = useTaskParam();
  const sign = useSign();
  const read = useReadReminder();
  const run = useRunAction();
  const shown = kind === 'all' ? items : items.filter((i) => i.kind === kind);

  const action = (item: InboxItem) => {
    if (item.kind === 'sign' && access.sign && item.rowVersion != null) {
      return (
        <Button size="small" type="primary" loading={sign.isPending && sign.variables?.id === item.taskId} data-testid="inbox-sign"
          onClick={() => void run(() => sign.mutateAsync({ id: item.taskId, rowVersion: item.rowVersion! }), t('supervision.signed'))}>
          {t('supervision.actions.sign')}
        </Button>
      );
    }
    if (item.kind === 'reminder' && item.reminderId) {
      return (
        <Button size="small" data-testid="inbox-read" onClick={() => void run(() => read.mutateAsync(item.reminderId!))}>
          {t('supervision.actions.markRead')}
        </Button>
      );
    }
    const label = { report_due: 'writeReport', review_report: 'review', verify_closure: 'verify' }[item.kind as string] ?? 'open';
    return (
      <Button size="small" type={item.kind === 'report_due' ? 'primary' : 'default'} data-testid={`inbox-${item.kind}`} onClick={() => openTask(item.taskId)}>
        {t(`supervision.actions.${label as 'open'}`)}
      </Button>
    );
  };

  const columns: TableColumnsType<InboxItem> = [
    { title: t('supervision.inbox.kind'), key: 'kind', width: 130, render: (_, i) => <Tag color={KIND_COLORS[i.kind]}>{t(`supervision.inboxKinds.${i.kind}`)}</Tag> },
    {
      title: t('supervision.columns.task'),
      key: 'task',
      render: (_, i) => (
        <Typography.Link onClick={() => openTask(i.taskId)} data-testid="inbox-task">
          <Tag>{i.taskCode}</Tag>
          {i.taskTitle}
        </Typography.Link>
      ),
    },
    { title: t('supervision.columns.period'), dataIndex: 'period', width: 100, render: (p: string | null) => p ?? '—' },
    {
      title: t('supervision.columns.dueOn'),
      dataIndex: 'dueOn',
      width: 120,
      render: (d: string | null) => (d ? <Typography.Text type={d < asOf ? 'danger' : undefined}>{d}</Typography.Text> : '—'),
    },
    { title: t('supervision.inbox.at'), dataIndex: 'at', width: 170, render: (d: string | null) => (d ? d.slice(0, 16).replace('T', ' ') : '—') },
    { title: t('supervision.columns.actions'), key: 'actions', width: 120, render: (_, i) => action(i) },
  ];

  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }} data-testid="inbox">
      <Space wrap>
        <Segmented<InboxKind | 'all'>
          value={kind}
          onChange={setKind}
          options={[
            { value: 'all', label: <Badge count={items.length} size="small" offset={[8, -2]} showZero color="blue">{t('common.all')}</Badge> },
            ...INBOX_KINDS.map((k) => ({
              value: k,
              label: <Badge count={counts[k] ?? 0} size="small" offset={[8, -2]} color={KIND_COLORS[k]}><span data-testid={`inbox-filter-${k}`}>{t(`supervision.inboxKinds.${k}`)}</span></Badge>,
            })),
          ]}
        />
        <Typography.Text type="secondary">{t('supervision.asOfIs', { date: asOf })}</Typography.Text>
      </Space>
      <Table<InboxItem>
        rowKey={(i) => `${i.kind}-${i.taskId}-${i.reportId ?? ''}-${i.closureId ?? ''}-${i.reminderId ?? ''}-${i.period ?? ''}`}
        size="small"
        columns={columns}
        dataSource={shown}
        pagination={shown.length > 20 ? { pageSize: 20 } : false}
        locale={{ emptyText: <Empty description={t('supervision.inbox.empty')} /> }}
        data-testid="inbox-table"
      />
    </Space>
  );
}
