// The supervision board: special actions with their tasks and lights, filtered by light, unit, county,
// special action and text. Every light shows its reasons and figures; a row opens the task.
import { Alert, Button, Collapse, Empty, Input, Pagination, Progress, Select, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BOARD_DEFAULT_LIMIT, LIGHTS, type BoardRow, type BoardTaskRow, type TaskLight } from '../../../shared/supervision';
import { useOrganizations } from '../../api/hooks';
import { useBoard, useBulkRemind, useImportPlan, useSign } from '../../api/supervision';
import { QueryResult } from '../../components/QueryResult';
import { LIGHT_COLORS, LightTag, pct, useRunAction, useSupervisionAccess, useTaskParam } from './common';
import { RemindButton } from './RemindButton';

export function BoardTab({ asOf }: { asOf?: string }) {
  const { t } = useTranslation();
  const access = useSupervisionAccess();
  const orgs = useOrganizations();
  const [light, setLight] = useState<TaskLight | undefined>();
  const [orgId, setOrgId] = useState<string | undefined>();
  const [county, setCounty] = useState<string | undefined>();
  const [action, setAction] = useState<string | undefined>();
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  // Filters run on the server, so paging and counts agree; any filter change goes back to page 1.
  const board = useBoard({ asOf, light, orgId, countyId: county, specialActionId: action, q: q || undefined, offset: (page - 1) * BOARD_DEFAULT_LIMIT, limit: BOARD_DEFAULT_LIMIT });
  const filter = <T,>(set: (v: T) => void) => (v: T) => { set(v); setPage(1); };
  const importPlan = useImportPlan();
  const bulk = useBulkRemind();
  const run = useRunAction();
  const redIds = (board.data?.rows ?? []).flatMap((r) => r.tasks.filter((x) => x.light.light === 'red').map((x) => x.id));

  const unitOptions = (orgs.data ?? []).filter((o) => o.kind === 'department').map((o) => ({ value: o.id, label: o.name }));
  const countyOptions = (orgs.data ?? []).filter((o) => o.kind === 'county' || o.kind === 'zone').map((o) => ({ value: o.id, label: o.name }));
  const actionOptions = (board.data?.specialActions ?? []).map((a) => ({ value: a.id, label: `${a.code} ${a.title}` }));

  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }} data-testid="board">
      <Space wrap>
        <Select allowClear placeholder={t('supervision.filters.light')} value={light} onChange={filter(setLight)} style={{ width: 120 }} data-testid="filter-light"
          options={LIGHTS.map((l) => ({ value: l, label: t(`supervision.lights.${l}`) }))} />
        <Select allowClear showSearch optionFilterProp="label" placeholder={t('supervision.filters.unit')} value={orgId} onChange={filter(setOrgId)} style={{ width: 200 }} options={unitOptions} data-testid="filter-unit" />
        <Select allowClear showSearch optionFilterProp="label" placeholder={t('supervision.filters.county')} value={county} onChange={filter(setCounty)} style={{ width: 160 }} options={countyOptions} data-testid="filter-county" />
        <Select allowClear showSearch optionFilterProp="label" placeholder={t('supervision.filters.specialAction')} value={action} onChange={filter(setAction)} style={{ width: 260 }} options={actionOptions} data-testid="filter-action" />
        <Input.Search allowClear placeholder={t('supervision.filters.search')} onSearch={filter(setQ)} style={{ width: 220 }} data-testid="filter-search" />
        {access.coordinate && (
          <Button loading={importPlan.isPending} data-testid="import-plan" onClick={() => void run(() => importPlan.mutateAsync(), t('supervision.imported'))}>
            {t('supervision.actions.importPlan')}
          </Button>
        )}
        {access.remind && redIds.length > 0 && (
          <Button danger loading={bulk.isPending} data-testid="remind-red"
            onClick={() => void run(() => bulk.mutateAsync({ taskIds: redIds }), t('supervision.remindedRed', { count: redIds.length }))}>
            {t('supervision.actions.remindRed', { count: redIds.length })}
          </Button>
        )}
      </Space>
      <QueryResult query={board}>
        {(data) => {
          const rows = data.rows.filter((r) => r.tasks.length > 0);
          const shown = rows.reduce((n, r) => n + r.tasks.length, 0);
          return (
            <>
              <Space wrap data-testid="board-counts">
                <Typography.Text type="secondary">{t('supervision.asOfIs', { date: data.asOf })}</Typography.Text>
                {LIGHTS.map((l) => (
                  <Tag key={l} color={LIGHT_COLORS[l]} style={{ cursor: 'pointer' }} onClick={() => filter(setLight)(light === l ? undefined : l)} data-testid={`count-${l}`}>
                    {t(`supervision.lights.${l}`)} {data.counts[l] ?? 0}
                  </Tag>
                ))}
              </Space>
              {data.total > shown && (
                <Alert type="info" showIcon data-testid="board-paged"
                  message={t('supervision.board.paged', { from: data.offset + 1, to: data.offset + shown, total: data.total })} />
              )}
              {rows.length === 0 ? (
                <Empty description={data.total === 0 && !light && !orgId && !county && !action && !q ? t('supervision.board.noTree') : t('supervision.board.empty')} />
              ) : (
                <Collapse
                  defaultActiveKey={rows.map((r) => r.specialAction.id)}
                  items={rows.map((r) => ({ key: r.specialAction.id, label: <ActionHeader row={r} />, children: <TaskRows tasks={r.tasks} /> }))}
                />
              )}
              {data.total > data.limit && (
                <Pagination current={page} pageSize={data.limit} total={data.total} showSizeChanger={false} onChange={setPage} data-testid="board-pages" />
              )}
            </>
          );
        }}
      </QueryResult>
    </Space>
  );
}

function ActionHeader({ row }: { row: BoardRow }) {
  const { t } = useTranslation();
  const sa = row.specialAction;
  return (
    <Space wrap data-testid="special-action">
      <Typography.Text strong>{sa.code} {sa.title}</Typography.Text>
      <Progress percent={Math.round(sa.percentDone * 10) / 10} size="small" style={{ width: 120, margin: 0 }} />
      {LIGHTS.filter((l) => row.counts[l]).map((l) => (
        <Tag key={l} color={LIGHT_COLORS[l]}>{t(`supervision.lights.${l}`)} {row.counts[l]}</Tag>
      ))}
    </Space>
  );
}

export function TaskRows({ tasks }: { tasks: BoardTaskRow[] }) {
  const { t } = useTranslation();
  const access = useSupervisionAccess();
  const [, openTask] = useTaskParam();
  const sign = useSign();
  const run = useRunAction();
  const columns: TableColumnsType<BoardTaskRow> = [
      { title: t('supervision.columns.code'), dataIndex: 'code', width: 80 },
      {
        title: t('supervision.columns.task'),
        key: 'title',
        width: 300,
        render: (_, r) => <Typography.Link onClick={() => openTask(r.id)} data-testid="task-link">{r.title}</Typography.Link>,
      },
      {
        title: t('supervision.columns.unit'),
        key: 'unit',
        width: 150,
        render: (_, r) => (
          <Space direction="vertical" size={0}>
            <span>{r.assignment?.org.name ?? r.lead?.name ?? '—'}</span>
            {r.assignment ? (
              <Typography.Text type={r.assignment.signedAt ? 'success' : 'warning'} style={{ fontSize: 12 }}>
                {r.assignment.signedAt ? t('supervision.signedAt', { at: r.assignment.signedAt.slice(0, 10) }) : t('supervision.notSigned')}
              </Typography.Text>
            ) : (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('supervision.notAssigned')}</Typography.Text>
            )}
          </Space>
        ),
      },
      {
        title: t('supervision.columns.dueOn'),
        dataIndex: 'dueOn',
        width: 120,
        render: (d: string, r) => (
          <Space size={0} direction="vertical">
            <span style={{ whiteSpace: 'nowrap' }}>{d}</span>
            {r.proposed && <Tag color="gold">{t('supervision.proposed')}</Tag>}
          </Space>
        ),
      },
      { title: t('supervision.columns.percent'), key: 'pct', width: 80, render: (_, r) => pct(r.percentDone) },
      {
        title: t('supervision.columns.light'),
        key: 'light',
        width: 170,
        render: (_, r) => <LightTag light={r.light} missedReports={r.missedReports} dueOn={r.dueOn} percentDone={r.percentDone} />,
      },
      {
        title: t('supervision.columns.lastReport'),
        key: 'lastReport',
        width: 120,
        render: (_, r) => (
          <Space direction="vertical" size={0}>
            {r.lastReport ? <span>{r.lastReport.period} {t(`supervision.reportStatuses.${r.lastReport.status}`)}</span> : '—'}
            {r.pendingClosure && <Tag color="cyan">{t('supervision.pendingClosure')}</Tag>}
          </Space>
        ),
      },
      {
        title: t('supervision.columns.actions'),
        key: 'actions',
        width: 110,
        fixed: 'right',
        render: (_, r) => (
          <Space size={4} wrap>
            {access.sign && r.assignment && !r.assignment.signedAt && (
              <Button size="small" type="primary" data-testid="board-sign" onClick={() => void run(() => sign.mutateAsync({ id: r.id, rowVersion: r.rowVersion }), t('supervision.signed'))}>
                {t('supervision.actions.sign')}
              </Button>
            )}
            <RemindButton task={r} />
          </Space>
        ),
      },
  ];
  // A role that may neither sign nor remind has no actions column.
  const shown = access.sign || access.remind ? columns : columns.filter((c) => c.key !== 'actions');
  return <Table<BoardTaskRow> rowKey="id" size="small" columns={shown} dataSource={tasks} pagination={false} scroll={{ x: 1150 }} data-testid="board-tasks" />;
}
