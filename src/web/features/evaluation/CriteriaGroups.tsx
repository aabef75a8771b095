// The criteria tree of a scheme: groups (准则) of criteria drawn from the catalogue the product offers,
// each criterion with its unit (the catalogue's: the figure is read in it), its direction and — for fixed
// weights — its weight; the AHP pairwise grid of each group when the weighting uses AHP.
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Input, InputNumber, Select, Space, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CriterionInfo, SchemeCriterion, SchemeDefinition, SchemeGroup } from '../../../shared/evaluation';
import { PairwiseGrid } from './PairwiseGrid';

type Cell = number | string;
export const ones = (n: number): Cell[][] => Array.from({ length: n }, () => Array.from({ length: n }, () => 1 as Cell));
export const resize = (m: Cell[][] | undefined, n: number): Cell[][] => (m && m.length === n ? m : ones(n));

/** A key not yet used by the scheme's groups (g1, g2, …): keys name the groups in runs and CR lines. */
export function freshKey(groups: SchemeGroup[]): string {
  const used = new Set(groups.map((g) => g.key));
  let n = groups.length + 1;
  while (used.has(`g${n}`)) n += 1;
  return `g${n}`;
}

interface Props {
  def: SchemeDefinition;
  criteria: CriterionInfo[];
  canEdit: boolean;
  onChange: (groups: SchemeGroup[]) => void;
}

export function CriteriaGroups({ def, criteria, canEdit, onChange }: Props) {
  const { t, i18n } = useTranslation();
  const pick = (l: { zh: string; en: string }) => (i18n.language === 'en' ? l.en : l.zh);
  const info = (source: string) => criteria.find((c) => c.source === source);
  const nameOf = (source: string) => { const c = info(source); return c ? pick(c.name) : source; };
  const usesAhp = def.weighting === 'ahp' || def.weighting === 'combined';
  const fixed = def.weighting === 'fixed';
  const available = criteria.filter((c) => c.subjects.includes(def.subjectKind));
  const groups = def.groups;
  const setGroup = (gi: number, patch: Partial<SchemeGroup>) => onChange(groups.map((g, i) => (i === gi ? { ...g, ...patch } : g)));
  const setCriterion = (gi: number, ci: number, patch: Partial<SchemeCriterion>) => setGroup(gi, { criteria: groups[gi].criteria.map((c, i) => (i === ci ? { ...c, ...patch } : c)) });

  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }}>
      {fixed && <Typography.Text type="secondary">{t('evaluation.weightFixedHint')}</Typography.Text>}
      {groups.map((g, gi) => (
        <Card
          key={g.key}
          size="small"
          data-testid={`group-${g.key}`}
          title={canEdit
            ? <Space><span>{t('evaluation.group')}</span><Input style={{ width: 240 }} value={g.name} placeholder={t('evaluation.groupName')} aria-label={t('evaluation.groupName')} onChange={(e) => setGroup(gi, { name: e.target.value })} data-testid={`group-name-${gi}`} /></Space>
            : `${t('evaluation.group')}：${g.name}`}
          extra={canEdit && groups.length > 1 && (
            <Button size="small" danger icon={<DeleteOutlined />} onClick={() => onChange(groups.filter((_, i) => i !== gi))} data-testid={`group-remove-${gi}`}>{t('evaluation.removeGroup')}</Button>
          )}
        >
          <Space direction="vertical" size={8} style={{ width: '100%' }}>
            <Select
              mode="multiple" style={{ width: '100%' }} disabled={!canEdit} value={g.criteria.map((c) => c.source)} aria-label={t('evaluation.criteria')}
              placeholder={t('evaluation.pickCriteria')} data-testid={`group-criteria-${gi}`} optionFilterProp="label"
              options={available.map((c) => ({ value: c.source, label: `${pick(c.name)}（${c.unit}）` }))}
              onChange={(sources: string[]) => setGroup(gi, { criteria: sources.map((s) => g.criteria.find((c) => c.source === s) ?? { source: s }), pairwise: ones(sources.length) })}
            />
            {g.criteria.length > 0 && (
              <Table<SchemeCriterion & { i: number }>
                size="small" pagination={false} rowKey="source" dataSource={g.criteria.map((c, i) => ({ ...c, i }))}
                columns={[
                  { title: t('evaluation.criteria'), dataIndex: 'source', render: (s: string) => nameOf(s) },
                  { title: t('evaluation.unit'), dataIndex: 'source', key: 'unit', width: 70, render: (s: string) => info(s)?.unit ?? '' },
                  {
                    title: t('evaluation.direction'), key: 'direction', width: 200,
                    render: (_: unknown, c) => (
                      <Select size="small" style={{ width: 190 }} disabled={!canEdit} value={c.direction ?? info(c.source)?.direction ?? 1} data-testid={`direction-${gi}-${c.i}`}
                        onChange={(v: 1 | -1) => setCriterion(gi, c.i, { direction: v })}
                        options={[{ value: 1, label: t('evaluation.benefit') }, { value: -1, label: t('evaluation.cost') }]} />
                    ),
                  },
                  ...(fixed ? [{
                    title: t('evaluation.weightFixed'), key: 'weight', width: 130,
                    render: (_: unknown, c: SchemeCriterion & { i: number }) => (
                      <InputNumber size="small" min={0} step={0.05} disabled={!canEdit} value={c.weight ?? null} data-testid={`weight-${gi}-${c.i}`} aria-label={`${t('evaluation.weightFixed')} ${nameOf(c.source)}`}
                        onChange={(v) => setCriterion(gi, c.i, { weight: v === null ? undefined : v })} />
                    ),
                  }] : []),
                ]}
              />
            )}
            {usesAhp && g.criteria.length > 1 && (
              <PairwiseGrid testId={`pairwise-${g.key}`} editable={canEdit} labels={g.criteria.map((c) => nameOf(c.source))} value={resize(g.pairwise, g.criteria.length)} onChange={(m) => setGroup(gi, { pairwise: m })} />
            )}
          </Space>
        </Card>
      ))}
      {canEdit && (
        <Button icon={<PlusOutlined />} onClick={() => onChange([...groups, { key: freshKey(groups), name: t('evaluation.newGroup', { n: groups.length + 1 }), criteria: [] }])} data-testid="group-add">
          {t('evaluation.addGroup')}
        </Button>
      )}
    </Space>
  );
}
