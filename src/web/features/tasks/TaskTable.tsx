import { Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OrgRef, Task } from '../../../shared/plan';

function OrgTags({ orgs, color }: { orgs: OrgRef[]; color?: string }) {
  const { t } = useTranslation();
  if (orgs.length === 0) return <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
  return (
    <Space size={[4, 4]} wrap>
      {orgs.map((o) => (
        <Tag key={o.code} color={color}>
          {o.name}
        </Tag>
      ))}
    </Space>
  );
}

export function TaskTable({ tasks }: { tasks: Task[] }) {
  const { t } = useTranslation();
  const columns: TableColumnsType<Task> = [
    { title: t('tasks.code'), dataIndex: 'code', width: 80 },
    {
      title: t('tasks.title'),
      key: 'title',
      render: (_, task) => (
        <>
          <Typography.Text strong>{task.title}</Typography.Text>
          <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }} ellipsis={{ rows: 2, expandable: 'collapsible' }}>
            {task.content}
          </Typography.Paragraph>
        </>
      ),
    },
    { title: t('tasks.leadOrg'), key: 'lead', width: 150, render: (_, task) => <OrgTags orgs={task.leadOrg ? [task.leadOrg] : []} color="blue" /> },
    { title: t('tasks.responsibleOrgs'), key: 'responsible', width: 220, render: (_, task) => <OrgTags orgs={task.responsibleOrgs} /> },
    { title: t('tasks.counties'), key: 'counties', width: 200, render: (_, task) => <OrgTags orgs={task.counties} color="cyan" /> },
  ];
  return <Table<Task> rowKey="id" size="small" columns={columns} dataSource={tasks} pagination={false} scroll={{ x: 960 }} />;
}
