// 系统管理 › 审计日志: filter by entity, entity id, actor, action and dates; one page at a time with the
// total; each entry expands to its before and after.
import { Button, DatePicker, Form, Input, Space, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type AuditEntry, type AuditFilter, useAuditLog } from '../../api/admin';

interface FilterValues {
  entity?: string;
  entityId?: string;
  actor?: string;
  action?: string;
  dates?: [Dayjs | null, Dayjs | null] | null;
}

const json = (v: unknown) => (v == null ? null : JSON.stringify(v, null, 2));

function Change({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  const block = (title: string, v: unknown) => (
    <div style={{ flex: 1, minWidth: 0 }}>
      <Typography.Text strong>{title}</Typography.Text>
      <pre style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all', margin: 0, fontSize: 12 }}>{json(v) ?? t('auditLog.noChange')}</pre>
    </div>
  );
  return <div style={{ display: 'flex', gap: 16 }} data-testid="audit-change">{block(t('auditLog.before'), entry.before)}{block(t('auditLog.after'), entry.after)}</div>;
}

export function AuditLogTab() {
  const { t } = useTranslation();
  const [form] = Form.useForm<FilterValues>();
  const [filter, setFilter] = useState<AuditFilter>({ page: 1, pageSize: 20 });
  const log = useAuditLog(filter);

  const apply = (v: FilterValues) =>
    setFilter((f) => ({
      page: 1, pageSize: f.pageSize,
      entity: v.entity?.trim(), entityId: v.entityId?.trim(), actor: v.actor?.trim(), action: v.action?.trim(),
      from: v.dates?.[0]?.format('YYYY-MM-DD'), to: v.dates?.[1]?.format('YYYY-MM-DD'),
    }));

  const columns: TableColumnsType<AuditEntry> = [
    { title: t('auditLog.at'), dataIndex: 'at', width: 180, render: (v: string) => new Date(v).toLocaleString() },
    { title: t('auditLog.actor'), dataIndex: 'actorName', width: 120 },
    { title: t('auditLog.action'), dataIndex: 'action', width: 130 },
    { title: t('auditLog.entity'), dataIndex: 'entity', width: 130 },
    { title: t('auditLog.entityId'), dataIndex: 'entityId', ellipsis: true },
  ];

  return (
    <>
      <Form<FilterValues> form={form} layout="inline" onFinish={apply} style={{ marginBottom: 12, rowGap: 8 }} data-testid="audit-filter">
        <Form.Item name="entity" label={t('auditLog.entity')}><Input allowClear style={{ width: 120 }} /></Form.Item>
        <Form.Item name="entityId" label={t('auditLog.entityId')}><Input allowClear style={{ width: 180 }} /></Form.Item>
        <Form.Item name="actor" label={t('auditLog.actor')}><Input allowClear style={{ width: 110 }} /></Form.Item>
        <Form.Item name="action" label={t('auditLog.action')}><Input allowClear style={{ width: 110 }} /></Form.Item>
        <Form.Item name="dates" label={t('auditLog.dates')}><DatePicker.RangePicker allowEmpty={[true, true]} /></Form.Item>
        <Space>
          <Button type="primary" htmlType="submit">{t('auditLog.filter')}</Button>
          <Button onClick={() => { form.resetFields(); apply({}); }}>{t('auditLog.reset')}</Button>
        </Space>
      </Form>
      {log.isError && <Typography.Text type="danger">{log.error.message}</Typography.Text>}
      <Table<AuditEntry>
        rowKey="id" size="small" columns={columns} loading={log.isFetching} dataSource={log.data?.entries ?? []} data-testid="audit-table"
        expandable={{ expandedRowRender: (e) => <Change entry={e} />, rowExpandable: (e) => e.before != null || e.after != null }}
        pagination={{
          current: filter.page, pageSize: filter.pageSize, total: log.data?.total ?? 0, showSizeChanger: true,
          showTotal: (n) => t('auditLog.total', { count: n }),
          onChange: (page, pageSize) => setFilter((f) => ({ ...f, page: pageSize === f.pageSize ? page : 1, pageSize })),
        }}
      />
    </>
  );
}
