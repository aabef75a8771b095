// The draft structure beside the text: outline, editable targets, industries (SEI categories and lead
// department), entities by kind, and what the parser could not place.
import { List, Select, Table, Tabs, Tag, Tree, Typography } from 'antd';
import type { DataNode } from 'antd/es/tree';
import { useTranslation } from 'react-i18next';
import type { IndustryInput } from '../../../shared/plan-file';
import type { ParsedSection, PlanParseResponse } from '../../../shared/plan-parse';
import { KIND_COLORS } from './HighlightedText';
import { TargetsEditor, type TargetRow } from './TargetsEditor';

export type IndustryRow = IndustryInput & { leadOrg: string | null };

const SEI_LEVEL1: [string, string][] = [['1', '新一代信息技术'], ['2', '高端装备制造'], ['3', '新材料'], ['4', '生物'], ['5', '新能源汽车'], ['6', '新能源'], ['7', '节能环保'], ['8', '数字创意'], ['9', '相关服务']];

const treeOf = (list: ParsedSection[]): DataNode[] => list.map((s) => ({ key: s.key, title: `${s.key === '0' ? '' : s.number}${s.title}`, children: treeOf(s.children) }));

interface Props {
  result: PlanParseResponse;
  targets: TargetRow[];
  onTargets: (rows: TargetRow[]) => void;
  industries: IndustryRow[];
  onIndustries: (rows: IndustryRow[]) => void;
  departments: { value: string; label: string }[];
}

export function DraftTabs({ result, targets, onTargets, industries, onIndustries, departments }: Props) {
  const { t } = useTranslation();
  const p = result.parsed;
  const set = (code: string, patch: Partial<IndustryRow>) => onIndustries(industries.map((i) => (i.code === code ? { ...i, ...patch } : i)));
  const seiOptions = SEI_LEVEL1.map(([v, l]) => ({ value: v, label: `${v} ${l}` }));
  return (
    <Tabs
      defaultActiveKey="targets"
      items={[
        { key: 'outline', label: t('planParse.outline'), children: <Tree treeData={treeOf(p.sections)} defaultExpandAll selectable={false} data-testid="plan-parse-outline" /> },
        {
          key: 'targets', label: `${t('planParse.targets')} (${targets.length})`,
          children: (
            <>
              <TargetsEditor rows={targets} onChange={onTargets} />
              {p.actuals.length > 0 && (
                <Typography.Paragraph style={{ marginTop: 8 }} type="secondary">
                  {t('planParse.actuals')}：{p.actuals.map((a) => `${a.indicator} ${a.value}${a.unit}（${a.year ?? '?'}）`).join('；')}
                </Typography.Paragraph>
              )}
            </>
          ),
        },
        {
          key: 'industries', label: `${t('planParse.industries')} (${industries.length})`,
          children: (
            <Table<IndustryRow>
              size="small" rowKey="code" pagination={false} dataSource={industries} data-testid="plan-parse-industries"
              columns={[
                { title: t('planParse.industries'), dataIndex: 'name' },
                { title: t('planParse.section'), dataIndex: 'sectionKey', width: 70 },
                { title: t('planParse.seiCategories'), render: (_, r) => <Select mode="multiple" style={{ minWidth: 200 }} value={r.seiCategories} options={seiOptions} onChange={(v) => set(r.code, { seiCategories: v })} /> },
                { title: t('planParse.leadDept'), render: (_, r) => <Select allowClear style={{ minWidth: 160 }} value={r.leadOrg} options={departments} onChange={(v) => set(r.code, { leadOrg: v ?? null })} /> },
              ]}
            />
          ),
        },
        {
          key: 'entities', label: t('planParse.entities'),
          children: Object.entries(p.entities).map(([kind, list]) => (
            <div key={kind} style={{ marginBottom: 8 }} data-testid={`plan-parse-entities-${kind}`}>
              <Typography.Text strong>{t(`planParse.groups.${kind as 'counties'}`)}（{list.length}）：</Typography.Text>
              {(list as PlanParseResponse['parsed']['entities']['counties']).map((e) => (
                <Tag key={e.name} color={KIND_COLORS[kind]} style={{ color: '#000', marginBottom: 4 }} title={e.sectionPaths.join(', ')}>{e.name}</Tag>
              ))}
            </div>
          )),
        },
        {
          key: 'unplaced', label: `${t('planParse.unplaced')} (${p.unplaced.length + result.left.length})`,
          children: (
            <List size="small" dataSource={[...p.unplaced.map((u) => `${u.line ? `#${u.line} ` : ''}${u.reason}${u.text ? `「${u.text.slice(0, 60)}」` : ''}`), ...result.left.map((l) => `${t('planParse.left')}：${l}`)]} locale={{ emptyText: t('planParse.none') }} renderItem={(x) => <List.Item>{x}</List.Item>} />
          ),
        },
      ]}
    />
  );
}
