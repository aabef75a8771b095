// 系统管理 › 用户: everyone's role, organisation, e-mail and state, with add, edit, disable/enable,
// reset password and end sessions. The server keeps the rules (last admin, row versions) and says why.
import { App, Button, Input, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type AdminUser, useEditUser, useEndSessions, useResetPassword, useUsers } from '../../api/admin';
import { QueryResult } from '../../components/QueryResult';
import { UserFormModal } from './UserFormModal';

export function UsersTab() {
  const { t, i18n } = useTranslation();
  const { message, modal } = App.useApp();
  const users = useUsers();
  const edit = useEditUser();
  const reset = useResetPassword();
  const endSessions = useEndSessions();
  const [editing, setEditing] = useState<AdminUser | null | undefined>(undefined);
  const [search, setSearch] = useState('');
  const en = i18n.language === 'en';
  const fail = (err: unknown) => void message.error(err instanceof Error ? err.message : String(err));

  const setActive = (u: AdminUser, active: boolean) =>
    edit.mutateAsync({ id: u.id, edit: { rowVersion: u.rowVersion, active } }).then(() => void message.success(t('userAdmin.saved')), fail);
  const resetPassword = (u: AdminUser) =>
    reset.mutateAsync({ id: u.id, rowVersion: u.rowVersion }).then((r) => {
      modal.info({ title: t('userAdmin.resetPassword'), content: <Typography.Text copyable={{ text: r.password ?? '' }} data-testid="new-password">{t('userAdmin.newPassword', { name: u.username, password: r.password })}</Typography.Text> });
    }, fail);
  const end = (u: AdminUser) => endSessions.mutateAsync(u.id).then((r) => void message.success(t('userAdmin.sessionsEnded', { count: r.ended })), fail);

  const columns: TableColumnsType<AdminUser> = [
    { title: t('userAdmin.username'), dataIndex: 'username', width: 140, sorter: (a, b) => a.username.localeCompare(b.username) },
    { title: t('userAdmin.displayName'), dataIndex: 'displayName' },
    { title: t('userAdmin.role'), key: 'role', width: 170, render: (_, u) => <Tag color="blue">{en ? u.roleLabel.en : u.roleLabel.zh}</Tag> },
    { title: t('userAdmin.org'), key: 'org', render: (_, u) => u.org?.name ?? '—' },
    { title: t('userAdmin.email'), dataIndex: 'email', render: (v: string | null) => v ?? '—' },
    {
      title: t('userAdmin.state'), dataIndex: 'active', width: 90,
      render: (a: boolean) => (a ? <Tag color="success">{t('userAdmin.active')}</Tag> : <Tag color="default">{t('userAdmin.disabled')}</Tag>),
    },
    { title: t('userAdmin.sessions'), dataIndex: 'sessions', width: 90, align: 'right' },
    {
      title: t('userAdmin.actions'), key: 'actions', width: 330,
      render: (_, u) => (
        <Space size={0} wrap>
          <Button type="link" size="small" onClick={() => setEditing(u)} data-testid={`edit-${u.username}`}>{t('userAdmin.edit')}</Button>
          {u.active ? (
            <Popconfirm title={t('userAdmin.disableConfirm', { name: u.username })} onConfirm={() => setActive(u, false)}>
              <Button type="link" size="small" danger data-testid={`disable-${u.username}`}>{t('userAdmin.disable')}</Button>
            </Popconfirm>
          ) : (
            <Button type="link" size="small" onClick={() => void setActive(u, true)} data-testid={`enable-${u.username}`}>{t('userAdmin.enable')}</Button>
          )}
          <Popconfirm title={t('userAdmin.resetConfirm', { name: u.username })} onConfirm={() => resetPassword(u)}>
            <Button type="link" size="small">{t('userAdmin.resetPassword')}</Button>
          </Popconfirm>
          <Popconfirm title={t('userAdmin.endSessionsConfirm', { name: u.username })} onConfirm={() => end(u)}>
            <Button type="link" size="small" disabled={!u.sessions}>{t('userAdmin.endSessions')}</Button>
          </Popconfirm>
        </Space>
      ),
    },
  ];

  return (
    <>
      <Space style={{ marginBottom: 12 }}>
        <Button type="primary" onClick={() => setEditing(null)} data-testid="add-user">{t('userAdmin.add')}</Button>
        <Input.Search allowClear placeholder={t('userAdmin.search')} onChange={(e) => setSearch(e.target.value.trim().toLowerCase())} style={{ width: 260 }} />
      </Space>
      <QueryResult query={users}>
        {(list) => (
          <Table<AdminUser> rowKey="id" size="small" columns={columns} pagination={{ pageSize: 20, showSizeChanger: true }} data-testid="users-table"
            dataSource={list.filter((u) => !search || u.username.toLowerCase().includes(search) || u.displayName.toLowerCase().includes(search))} />
        )}
      </QueryResult>
      <UserFormModal open={editing !== undefined} record={editing ?? null} onClose={() => setEditing(undefined)} />
    </>
  );
}
