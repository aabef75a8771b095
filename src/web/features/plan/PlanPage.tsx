import { Card, Descriptions, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PlanDetail } from '../../../shared/plan';
import { usePlan } from '../../api/hooks';
import { QueryResult } from '../../components/QueryResult';
import { EntitiesPanel } from './EntitiesPanel';
import { IndustriesTable } from './IndustriesTable';
import { PlanOutline } from './PlanOutline';
import { TargetsTable } from './TargetsTable';

const STATUS_COLORS = { draft: 'default', published: 'green', archived: 'gold' } as const;

export function PlanPage() {
  const plan = usePlan('default');
  return <QueryResult query={plan}>{(data) => <PlanView plan={data} />}</QueryResult>;
}

function PlanView({ plan }: { plan: PlanDetail }) {
  const { t, i18n } = useTranslation();
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card>
        <Typography.Title level={3} style={{ marginTop: 0 }} data-testid="plan-title">
          {plan.title}
        </Typography.Title>
        {i18n.language === 'en' && <Typography.Paragraph type="secondary">{plan.titleEn}</Typography.Paragraph>}
        <Descriptions column={{ xs: 1, md: 2, xl: 4 }} size="small">
          <Descriptions.Item label={t('plan.issuer')}>{plan.issuer}</Descriptions.Item>
          <Descriptions.Item label={t('plan.period')}>{`${plan.periodStart}–${plan.periodEnd}`}</Descriptions.Item>
          <Descriptions.Item label={t('plan.status')}>
            <Tag color={STATUS_COLORS[plan.status]}>{t(`plan.statuses.${plan.status}`)}</Tag>
          </Descriptions.Item>
          <Descriptions.Item label={t('plan.leadOrg')}>{plan.leadOrg?.name ?? t('common.none')}</Descriptions.Item>
          <Descriptions.Item label={t('plan.basis')} span="filled">
            {plan.basis.length ? plan.basis.join('；') : t('common.none')}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card title={t('plan.outline')}>
        <PlanOutline sections={plan.sections} />
      </Card>
      <Card title={t('plan.targets')}>
        <TargetsTable targets={plan.targets} />
      </Card>
      <Card title={t('plan.industries')}>
        <IndustriesTable industries={plan.industries} />
      </Card>
      <Card title={t('plan.entities')}>
        <EntitiesPanel entities={plan.entities} sections={plan.sections} />
      </Card>
    </Space>
  );
}
