import { Card, Col, List, Row, Space, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PlanDetail } from '../../../shared/plan';
import { usePlan } from '../../api/hooks';
import { QueryResult } from '../../components/QueryResult';
import { ComparatorTag, formatTargetValue } from '../plan/target-format';
import { taskAreas } from '../tasks/task-areas';
import { TasksPerAreaChart } from './TasksPerAreaChart';

export function OverviewPage() {
  const plan = usePlan('default');
  return <QueryResult query={plan}>{(data) => <OverviewView plan={data} />}</QueryResult>;
}

function OverviewView({ plan }: { plan: PlanDetail }) {
  const { t, i18n } = useTranslation();
  const english = i18n.language === 'en';
  const counts = [
    { key: 'targets', title: t('overview.targets'), value: plan.targets.length },
    { key: 'industries', title: t('overview.industries'), value: plan.industries.length },
    { key: 'task-areas', title: t('overview.taskAreas'), value: taskAreas(plan).length },
    { key: 'tasks', title: t('overview.tasks'), value: plan.tasks.length },
  ];
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card size="small">
        <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
          <Typography.Text strong>{english ? plan.titleEn : plan.title}</Typography.Text>
          <Link to="/plan">{t('overview.planLink')}</Link>
        </Space>
      </Card>
      <Row gutter={[16, 16]}>
        {counts.map((c) => (
          <Col key={c.key} xs={12} lg={6}>
            <Card data-testid={`count-${c.key}`}>
              <Statistic title={c.title} value={c.value} />
            </Card>
          </Col>
        ))}
      </Row>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Card title={t('overview.targetsTitle', { year: plan.periodEnd })} style={{ height: '100%' }}>
            <List
              dataSource={plan.targets}
              rowKey="id"
              data-testid="overview-targets"
              renderItem={(target) => (
                <List.Item extra={<ComparatorTag comparator={target.comparator} />}>
                  <List.Item.Meta title={english ? target.nameEn : target.name} description={`${target.year}`} />
                  <Typography.Text strong style={{ fontSize: 20, marginInline: 16, whiteSpace: 'nowrap' }}>
                    {formatTargetValue(target)} <Typography.Text type="secondary">{target.unit}</Typography.Text>
                  </Typography.Text>
                </List.Item>
              )}
            />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title={t('overview.tasksPerArea')} style={{ height: '100%' }}>
            <TasksPerAreaChart plan={plan} />
          </Card>
        </Col>
      </Row>
    </Space>
  );
}
