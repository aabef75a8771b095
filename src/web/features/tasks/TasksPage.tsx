import { Button, Card, Collapse, Empty, Select, Space, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanDetail } from '../../../shared/plan';
import { Link } from 'react-router';
import { useMe, usePlan } from '../../api/hooks';
import { QueryResult } from '../../components/QueryResult';
import { sectionHeading } from '../plan/sections';
import { MeasuresList } from './MeasuresList';
import { ALL_INDUSTRIES, NO_INDUSTRY, filterByIndustry, taskAreas } from './task-areas';
import { TaskTable } from './TaskTable';

export function TasksPage() {
  const plan = usePlan('default');
  return <QueryResult query={plan}>{(data) => <TasksView plan={data} />}</QueryResult>;
}

function TasksView({ plan }: { plan: PlanDetail }) {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const [industry, setIndustry] = useState(ALL_INDUSTRIES);
  const areas = useMemo(() => taskAreas(plan), [plan]);
  const shown = useMemo(() => filterByIndustry(areas, industry), [areas, industry]);

  const options = [
    { value: ALL_INDUSTRIES, label: t('tasks.allIndustries') },
    ...plan.industries.map((ind) => ({ value: ind.code, label: i18n.language === 'en' ? ind.nameEn : ind.name })),
    { value: NO_INDUSTRY, label: t('tasks.noIndustry') },
  ];

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={t('tasks.taskAreas', { count: areas.length })}
        extra={
          <Space>
            <Typography.Text type="secondary">{t('tasks.industry')}</Typography.Text>
            <Select value={industry} onChange={setIndustry} options={options} style={{ width: 260 }} data-testid="industry-filter" />
            {/* The supervised tasks (督查督办) with their lights, assignment and reports. */}
            {me.data?.permissions.supervision_task?.read && (
              <Link to="/supervision/board" data-testid="tasks-to-board">
                <Button>{t('supervision.tabs.board')}</Button>
              </Link>
            )}
          </Space>
        }
      >
        {shown.length === 0 ? (
          <Empty description={t('tasks.empty')} />
        ) : (
          <Collapse
            defaultActiveKey={areas[0] ? [areas[0].section.key] : []}
            data-testid="task-areas"
            items={shown.map((area) => ({
              key: area.section.key,
              label: (
                <Space>
                  <Typography.Text strong>{sectionHeading(area.section)}</Typography.Text>
                  <Tag>{t('tasks.taskCount', { count: area.tasks.length })}</Tag>
                </Space>
              ),
              children: <TaskTable tasks={area.tasks} />,
            }))}
          />
        )}
      </Card>
      <Card title={t('tasks.measures', { count: plan.measures.length })}>
        <MeasuresList measures={plan.measures} />
      </Card>
    </Space>
  );
}
