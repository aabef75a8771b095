// The task drawer (?task=<id>): the task with its units, dates, light and figures, its assignment and
// 签收, its sub-tasks and milestones, and tabs for progress reports, 销号 and 催办/问效. The coordinator
// decomposes here: confirms proposed dates, edits, adds sub-tasks and milestones, assigns and re-assigns.
import { Button, Descriptions, Drawer, Popconfirm, Progress, Space, Table, Tabs, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrgRef, SupervisionNode } from '../../../shared/supervision';
import { useClosures, useDeleteNode, useReports, useSign, useTask, useUpdateNode, type TaskDetail } from '../../api/supervision';
import { QueryResult } from '../../components/QueryResult';
import { ClosurePanel } from './ClosurePanel';
import { LightFigures, LightTag, pct, useRunAction, useSupervisionAccess, useTaskParam } from './common';
import { FollowUpPanel } from './FollowUpPanel';
import { LightHistoryPanel } from './LightHistoryPanel';
import { RemindButton } from './RemindButton';
import { ReportsPanel } from './ReportsPanel';
import { AssignModal, NodeModal } from './TaskModals';

export function TaskDrawer({ asOf }: { asOf?: string }) {
  const { t } = useTranslation();
  const [taskId, openTask] = useTaskParam();
  const task = useTask(taskId, asOf);
  return (
    <Drawer
      open={!!taskId}
      onClose={() => openTask(null)}
      width={Math.min(980, typeof window === 'undefined' ? 980 : window.innerWidth - 80)}
      title={task.data ? `${task.data.code} ${task.data.title}` : t('supervision.task')}
      destroyOnHidden
      data-testid="task-drawer"
    >
      {taskId && <QueryResult query={task}>{(data) => <TaskView task={data} />}</QueryResult>}
    </Drawer>
  );
}

const orgNames = (orgs: OrgRef[]) => (orgs.length ? orgs.map((o) => o.name).join('、') : '—');

function TaskView({ task }: { task: TaskDetail }) {
  const { t } = useTranslation();
  const access = useSupervisionAccess();
  const [, openTask] = useTaskParam();
  const reports = useReports(task.id);
  const closures = useClosures(task.id);
  const sign = useSign();
  const update = useUpdateNode();
  const remove = useDeleteNode();
  const run = useRunAction();
  const [editing, setEditing] = useState<'edit' | 'subtask' | 'milestone' | null>(null);
  const [assigning, setAssigning] = useState(false);
  const closed = task.status === 'closed';
  const a = task.assignment;
  const pendingReports = (reports.data ?? []).filter((r) => r.status === 'submitted').length;
  const pendingClosure = (closures.data ?? []).some((c) => c.status === 'requested');

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }} data-testid="task-view">
      <Space wrap>
        <Tag>{t(`supervision.kinds.${task.kind}`)}</Tag>
        <Tag color={closed ? 'default' : task.status === 'done' ? 'success' : 'processing'} data-testid="task-status">{t(`supervision.statuses.${task.status}`)}</Tag>
        <LightTag light={task.light} missedReports={task.light.missedReports} dueOn={task.dueOn} percentDone={task.percentDone} compact />
        <Progress percent={Math.round(task.percentDone * 10) / 10} size="small" style={{ width: 160, margin: 0 }} />
        {task.parentId && task.kind !== 'task' && <Button size="small" type="link" onClick={() => openTask(task.parentId)}>{t('supervision.parent')}</Button>}
        <RemindButton task={task} />
      </Space>
      <LightFigures light={task.light} missedReports={task.light.missedReports} dueOn={task.dueOn} percentDone={task.percentDone} />
      <Descriptions size="small" bordered column={2} data-testid="task-descriptions" styles={{ label: { whiteSpace: 'nowrap' } }}>
        <Descriptions.Item label={t('supervision.columns.lead')}>{task.lead?.name ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('supervision.columns.responsible')}>{orgNames(task.responsible)}</Descriptions.Item>
        <Descriptions.Item label={t('supervision.columns.counties')}>{orgNames(task.counties)}</Descriptions.Item>
        <Descriptions.Item label={t('supervision.columns.dates')}>
          <Space size={4} wrap>
            <span data-testid="task-dates">{task.startOn} ~ {task.dueOn}</span>
            {task.proposed && <Tag color="gold" data-testid="proposed">{t('supervision.proposed')}</Tag>}
            {task.proposed && access.coordinate && !closed && (
              <Button size="small" type="link" data-testid="confirm-dates" onClick={() => void run(() => update.mutateAsync({ id: task.id, body: { rowVersion: task.rowVersion, confirmDates: true } }), t('supervision.datesConfirmed'))}>
                {t('supervision.actions.confirmDates')}
              </Button>
            )}
          </Space>
        </Descriptions.Item>
        <Descriptions.Item label={t('supervision.columns.cycle')}>{t(`supervision.cycles.${task.reportingCycle}`)} · {t('supervision.deadlineDay', { day: task.reportDeadlineDay })}</Descriptions.Item>
        <Descriptions.Item label={t('supervision.columns.weight')}>{task.weight}</Descriptions.Item>
        <Descriptions.Item label={t('supervision.columns.assignment')} span={2}>
          {a ? (
            <Space wrap data-testid="assignment">
              <Typography.Text strong>{a.org.name}</Typography.Text>
              <Typography.Text type="secondary">{t('supervision.assignedBy', { who: a.assignedBy, at: a.assignedAt.slice(0, 16).replace('T', ' ') })}</Typography.Text>
              {a.note && <Typography.Text type="secondary">（{a.note}）</Typography.Text>}
              {a.signedAt ? (
                <Tag color="success" data-testid="signed">{t('supervision.signedBy', { who: a.signedBy, at: a.signedAt.slice(0, 16).replace('T', ' ') })}</Tag>
              ) : (
                <Tag color="warning">{t('supervision.notSigned')}</Tag>
              )}
              {!a.signedAt && access.sign && !closed && (
                <Button size="small" type="primary" data-testid="sign" loading={sign.isPending} onClick={() => void run(() => sign.mutateAsync({ id: task.id, rowVersion: task.rowVersion }), t('supervision.signed'))}>
                  {t('supervision.actions.sign')}
                </Button>
              )}
            </Space>
          ) : (
            <Typography.Text type="secondary">{t('supervision.notAssigned')}</Typography.Text>
          )}
        </Descriptions.Item>
        {task.content && <Descriptions.Item label={t('supervision.columns.content')} span={2}><Typography.Paragraph style={{ margin: 0 }} ellipsis={{ rows: 3, expandable: 'collapsible' }}>{task.content}</Typography.Paragraph></Descriptions.Item>}
      </Descriptions>
      {access.coordinate && !closed && (
        <Space wrap data-testid="coordinator-actions">
          <Button type="primary" onClick={() => setAssigning(true)} data-testid="assign">{a ? t('supervision.actions.reassign') : t('supervision.actions.assign')}</Button>
          <Button onClick={() => setEditing('edit')} data-testid="edit-task">{t('supervision.actions.edit')}</Button>
          {task.kind !== 'milestone' && <Button onClick={() => setEditing('subtask')} data-testid="add-subtask">{t('supervision.actions.addSubtask')}</Button>}
          {task.kind !== 'milestone' && <Button onClick={() => setEditing('milestone')} data-testid="add-milestone">{t('supervision.actions.addMilestone')}</Button>}
          {task.kind !== 'task' && (
            <Popconfirm title={t('supervision.deleteConfirm', { title: task.title })} onConfirm={() => void run(() => remove.mutateAsync({ id: task.id, rowVersion: task.rowVersion }).then(() => openTask(task.parentId)), t('supervision.deleted'))}>
              <Button danger>{t('supervision.actions.delete')}</Button>
            </Popconfirm>
          )}
        </Space>
      )}
      {task.children && task.children.length > 0 && <Children nodes={task.children} />}
      <Tabs
        data-testid="task-tabs"
        items={[
          { key: 'reports', label: <span data-testid="task-tab-reports">{t('supervision.reports.title')}{pendingReports ? ` (${pendingReports})` : ''}</span>, children: <ReportsPanel task={task} reports={reports} /> },
          { key: 'closure', label: <span data-testid="task-tab-closure">{t('supervision.closure.title')}{pendingClosure ? ' (1)' : ''}</span>, children: <ClosurePanel task={task} closures={closures} /> },
          { key: 'followup', label: <span data-testid="task-tab-followup">{t('supervision.followUp')}</span>, children: <FollowUpPanel task={task} /> },
          { key: 'history', label: <span data-testid="task-tab-history">{t('supervision.history.title')}</span>, children: <LightHistoryPanel task={task} /> },
        ]}
      />
      {editing && <NodeModal mode={editing} task={task} onClose={() => setEditing(null)} />}
      {assigning && <AssignModal task={task} onClose={() => setAssigning(false)} />}
    </Space>
  );
}

function Children({ nodes }: { nodes: SupervisionNode[] }) {
  const { t } = useTranslation();
  const [, openTask] = useTaskParam();
  const columns: TableColumnsType<SupervisionNode> = [
    { title: t('supervision.columns.kind'), key: 'kind', width: 80, render: (_, n) => <Tag>{t(`supervision.kinds.${n.kind}`)}</Tag> },
    { title: t('supervision.columns.task'), key: 'title', render: (_, n) => <Typography.Link onClick={() => openTask(n.id)}>{n.code} {n.title}</Typography.Link> },
    { title: t('supervision.columns.unit'), key: 'unit', width: 150, render: (_, n) => n.assignment?.org.name ?? n.lead?.name ?? '—' },
    { title: t('supervision.columns.dates'), key: 'dates', width: 200, render: (_, n) => `${n.startOn} ~ ${n.dueOn}` },
    { title: t('supervision.columns.percent'), key: 'pct', width: 80, render: (_, n) => pct(n.percentDone) },
    { title: t('supervision.columns.light'), key: 'light', width: 90, render: (_, n) => <LightTag light={n.light} missedReports={n.light.missedReports} dueOn={n.dueOn} percentDone={n.percentDone} compact /> },
  ];
  return (
    <div data-testid="task-children">
      <Typography.Title level={5}>{t('supervision.children', { count: nodes.length })}</Typography.Title>
      <Table<SupervisionNode> rowKey="id" size="small" columns={columns} dataSource={nodes} pagination={false} expandable={{ childrenColumnName: 'none' }} />
    </div>
  );
}
