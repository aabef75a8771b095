import { CheckCircleFilled } from '@ant-design/icons';
import { Card, Table, Tabs, Tag, Tooltip } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Organization } from '../../../shared/plan';
import { useMe, useOrganizations } from '../../api/hooks';
import { QueryResult } from '../../components/QueryResult';
import { AuditLogTab } from './AuditLogTab';
import { UsersTab } from './UsersTab';

type OrgKind = Organization['kind'];
const KINDS: OrgKind[] = ['city', 'county', 'zone', 'department', 'leading_group', 'enterprise', 'institution'];

/** 系统管理: users (admin), the audit log (admin, coordinator, leader), organisations — tabs by permission. */
export function AdminPage() {
  const { t } = useTranslation();
  const me = useMe();
  const organizations = useOrganizations();
  const perms = me.data?.permissions;
  const items = [
    ...(perms?.user?.read ? [{ key: 'users', label: t('userAdmin.tabs.users'), children: <UsersTab /> }] : []),
    {
      key: 'organizations', label: t('userAdmin.tabs.organizations'),
      children: <QueryResult query={organizations}>{(orgs) => <OrganizationsTable organizations={orgs} />}</QueryResult>,
    },
    ...(perms?.audit?.read ? [{ key: 'audit', label: t('userAdmin.tabs.audit'), children: <AuditLogTab /> }] : []),
  ];
  return (
    <Card>
      <Tabs items={items} destroyOnHidden data-testid="admin-tabs" />
    </Card>
  );
}

function OrganizationsTable({ organizations }: { organizations: Organization[] }) {
  const { t, i18n } = useTranslation();
  const english = i18n.language === 'en';
  const present = new Set(organizations.map((o) => o.kind));
  const columns: TableColumnsType<Organization> = [
    { title: t('admin.code'), dataIndex: 'code', width: 200 },
    {
      title: t('admin.name'),
      key: 'name',
      render: (_, o) => {
        const name = english && o.nameEn ? o.nameEn : o.name;
        return o.fullName && o.fullName !== o.name ? <Tooltip title={o.fullName}>{name}</Tooltip> : name;
      },
    },
    {
      title: t('admin.kind'),
      dataIndex: 'kind',
      width: 160,
      filters: KINDS.filter((k) => present.has(k)).map((k) => ({ text: t(`admin.kinds.${k}`), value: k })),
      onFilter: (value, o) => o.kind === value,
      render: (kind: OrgKind) => <Tag>{t(`admin.kinds.${kind}`)}</Tag>,
    },
    {
      title: t('admin.lead'),
      dataIndex: 'isLead',
      width: 120,
      render: (isLead: boolean) =>
        isLead ? (
          <Tag icon={<CheckCircleFilled />} color="success">
            {t('admin.leadYes')}
          </Tag>
        ) : null,
    },
  ];
  return (
    <Table<Organization>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={organizations}
      pagination={{ pageSize: 20, showSizeChanger: true }}
      data-testid="organizations-table"
    />
  );
}
