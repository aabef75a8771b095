// 评价考核: pick a scheme; its settings (editor with the AHP grids and live CR) and its results (runs,
// ranking, charts, downloads). Editing and running are for roles that may create evaluations.
import { Card, Empty, Select, Space, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSchemes } from '../../api/evaluation';
import { useMe } from '../../api/hooks';
import { DemoBadge } from '../../components/DemoBadge';
import { QueryResult } from '../../components/QueryResult';
import { RunResults } from './RunResults';
import { SchemeEditor } from './SchemeEditor';

export function EvaluationPage() {
  const { t } = useTranslation();
  const schemes = useSchemes();
  const me = useMe();
  const [picked, setPicked] = useState<string | undefined>();
  const may = me.data?.permissions?.evaluation;
  return (
    <Card title={t('evaluation.title')} data-testid="evaluation-page">
      <QueryResult query={schemes}>
        {({ schemes: list, criteria }) => {
          const scheme = list.find((s) => s.id === picked) ?? list[0];
          if (!scheme) return <Empty description={t('evaluation.noSchemes')} />;
          return (
            <Space direction="vertical" size={12} style={{ width: '100%' }}>
              <Space>
                <Typography.Text>{t('evaluation.scheme')}</Typography.Text>
                <Select style={{ width: 360 }} value={scheme.id} onChange={setPicked} options={list.map((s) => ({ value: s.id, label: s.name }))} data-testid="scheme-select" />
                {scheme.demo && <DemoBadge />}
              </Space>
              {scheme.description && <Typography.Text type="secondary">{scheme.description}</Typography.Text>}
              <Tabs
                defaultActiveKey="results"
                items={[
                  { key: 'results', label: <span data-testid="tab-results">{t('evaluation.tabs.results')}</span>, children: <RunResults scheme={scheme} canRun={!!may?.create} /> },
                  { key: 'scheme', label: <span data-testid="tab-scheme">{t('evaluation.tabs.scheme')}</span>, children: <SchemeEditor key={`${scheme.id}:${scheme.rowVersion}`} scheme={scheme} criteria={criteria} canEdit={!!may?.update} /> },
                ]}
              />
            </Space>
          );
        }}
      </QueryResult>
    </Card>
  );
}
