// 评价考核: pick a scheme, or create one; its settings (editor with the AHP grids and live CR), its results
// (runs, ranking, charts, downloads) and the comparison of its runs over periods. Creating, editing and
// running are for roles that may create evaluations.
import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Select, Space, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSchemes } from '../../api/evaluation';
import { useMe } from '../../api/hooks';
import { DemoBadge } from '../../components/DemoBadge';
import { QueryResult } from '../../components/QueryResult';
import { RunCompare } from './RunCompare';
import { RunResults } from './RunResults';
import { SchemeEditor } from './SchemeEditor';

export function EvaluationPage() {
  const { t } = useTranslation();
  const schemes = useSchemes();
  const me = useMe();
  const [picked, setPicked] = useState<string | undefined>();
  const [creating, setCreating] = useState(false);
  const [tab, setTab] = useState('results');
  const may = me.data?.permissions?.evaluation;
  const newButton = may?.create && !creating && <Button icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="scheme-new">{t('evaluation.newScheme')}</Button>;
  return (
    <Card title={t('evaluation.title')} data-testid="evaluation-page">
      <QueryResult query={schemes}>
        {({ schemes: list, criteria }) => {
          if (creating) {
            return (
              <Card size="small" title={t('evaluation.newSchemeTitle')} data-testid="scheme-create">
                <SchemeEditor criteria={criteria} canEdit onCancel={() => setCreating(false)} onSaved={(s) => { setPicked(s.id); setCreating(false); setTab('scheme'); }} />
              </Card>
            );
          }
          const scheme = list.find((s) => s.id === picked) ?? list[0];
          if (!scheme) return <Empty description={t('evaluation.noSchemes')}>{newButton}</Empty>;
          return (
            <Space direction="vertical" size={12} style={{ width: '100%' }}>
              <Space>
                <Typography.Text>{t('evaluation.scheme')}</Typography.Text>
                <Select style={{ width: 360 }} value={scheme.id} onChange={setPicked} options={list.map((s) => ({ value: s.id, label: s.name }))} data-testid="scheme-select" />
                {scheme.demo && <DemoBadge />}
                {newButton}
              </Space>
              {scheme.description && <Typography.Text type="secondary">{scheme.description}</Typography.Text>}
              <Tabs
                activeKey={tab}
                onChange={setTab}
                items={[
                  { key: 'results', label: <span data-testid="tab-results">{t('evaluation.tabs.results')}</span>, children: <RunResults key={scheme.id} scheme={scheme} canRun={!!may?.create} /> },
                  { key: 'compare', label: <span data-testid="tab-compare">{t('evaluation.tabs.compare')}</span>, children: <RunCompare key={scheme.id} scheme={scheme} /> },
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
