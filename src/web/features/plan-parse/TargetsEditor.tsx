// The targets found, editable before the draft is created; a blank number must be filled in to enter it.
import { Checkbox, Input, InputNumber, Select, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { COMPARATORS, type Comparator } from '../../../shared/plan-file';

export interface TargetRow {
  key: number;
  include: boolean;
  indicator: string;
  comparator: Comparator;
  value: number | null;
  valueMax: number | null;
  unit: string;
  year: number | null;
  sectionPath: string;
  text: string;
  direction: 'increase' | 'decrease';
}

export function TargetsEditor({ rows, onChange }: { rows: TargetRow[]; onChange: (rows: TargetRow[]) => void }) {
  const { t } = useTranslation();
  const set = (key: number, patch: Partial<TargetRow>) => onChange(rows.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  return (
    <Table<TargetRow>
      size="small"
      rowKey="key"
      pagination={false}
      dataSource={rows}
      data-testid="plan-parse-targets"
      scroll={{ x: 760 }}
      columns={[
        { title: t('planParse.include'), width: 60, render: (_, r) => <Checkbox checked={r.include} onChange={(e) => set(r.key, { include: e.target.checked })} /> },
        { title: t('planParse.indicator'), render: (_, r) => <Input value={r.indicator} onChange={(e) => set(r.key, { indicator: e.target.value })} aria-label={`${t('planParse.indicator')} ${r.key + 1}`} /> },
        { title: t('planParse.comparator'), width: 90, render: (_, r) => <Select value={r.comparator} style={{ width: 80 }} options={COMPARATORS.map((c) => ({ value: c, label: c }))} onChange={(v) => set(r.key, { comparator: v })} /> },
        {
          title: t('planParse.value'), width: 130,
          render: (_, r) => (
            <>
              <InputNumber value={r.value} onChange={(v) => set(r.key, { value: v ?? null })} aria-label={`${t('planParse.value')} ${r.key + 1}`} data-testid={`plan-parse-target-value-${r.key}`} />
              {r.value == null && <Tag color="red" style={{ marginTop: 4 }}>{t('planParse.blank')}</Tag>}
            </>
          ),
        },
        { title: t('planParse.valueMax'), width: 100, render: (_, r) => r.comparator === 'range' ? <InputNumber value={r.valueMax} onChange={(v) => set(r.key, { valueMax: v ?? null })} /> : null },
        { title: t('planParse.unit'), width: 80, render: (_, r) => <Input value={r.unit} onChange={(e) => set(r.key, { unit: e.target.value })} /> },
        { title: t('planParse.year'), width: 100, render: (_, r) => <InputNumber value={r.year} onChange={(v) => set(r.key, { year: v ?? null })} /> },
        { title: t('planParse.section'), dataIndex: 'sectionPath', width: 70 },
      ]}
      expandable={{ expandedRowRender: (r) => r.text }}
    />
  );
}
