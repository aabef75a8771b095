// 统计监测: one tab per sub-route (/statistics/entry, /statistics/review, …); tabs the user may not use
// are not shown. The data-entry selection lives in the query string so a review row can link to it.
import { Card, Tabs, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate, useParams } from 'react-router';
import { useMe } from '../../api/hooks';
import { AnalysisTab } from './AnalysisTab';
import { useStatisticsAccess } from './common';
import { CompletenessTab } from './CompletenessTab';
import { DataEntryTab } from './DataEntryTab';
import { DatasetsTab } from './DatasetsTab';
import { ImportTab } from './ImportTab';
import { OutliersTab } from './OutliersTab';
import { ReviewTab } from './ReviewTab';
import { ViolationsTab } from './ViolationsTab';

export const STATISTICS_TABS = ['entry', 'review', 'import', 'validation', 'outliers', 'completeness', 'analysis', 'datasets'] as const;
export type StatisticsTab = (typeof STATISTICS_TABS)[number];

export function StatisticsPage() {
  const { t } = useTranslation();
  const access = useStatisticsAccess();
  const me = useMe();
  const navigate = useNavigate();
  const location = useLocation();
  const { tab } = useParams<{ tab?: string }>();
  const allowed: Record<StatisticsTab, boolean> = {
    entry: access.canEnter || access.canRead,
    review: access.canApprove,
    import: access.canImport,
    validation: access.canRead,
    outliers: access.canRead,
    completeness: access.canRead,
    analysis: access.canRead,
    datasets: !!me.data?.permissions.dataset?.read,
  };
  const visible = STATISTICS_TABS.filter((k) => allowed[k]);
  const fallback: StatisticsTab = access.canEnter && !access.canApprove ? 'entry' : access.canApprove ? 'review' : 'analysis';
  const active = (visible as readonly string[]).includes(tab ?? '') ? (tab as StatisticsTab) : fallback;
  const content: Record<StatisticsTab, () => ReactNode> = {
    entry: () => <DataEntryTab />,
    review: () => <ReviewTab />,
    import: () => <ImportTab />,
    validation: () => <ViolationsTab />,
    outliers: () => <OutliersTab />,
    completeness: () => <CompletenessTab />,
    analysis: () => <AnalysisTab />,
    datasets: () => <DatasetsTab />,
  };
  if (!access.ready) return null;
  return (
    <Card
      title={<Typography.Title level={4} style={{ margin: 0 }}>{t('statistics.title')}</Typography.Title>}
      styles={{ body: { paddingTop: 0 } }}
    >
      <Tabs
        activeKey={active}
        data-testid="statistics-tabs"
        destroyOnHidden
        onChange={(key) => void navigate(`/statistics/${key}${key === 'entry' ? location.search : ''}`)}
        items={visible.map((key) => ({ key, label: <span data-testid={`tab-${key}`}>{t(`statistics.tabs.${key}`)}</span>, children: content[key]() }))}
      />
    </Card>
  );
}
