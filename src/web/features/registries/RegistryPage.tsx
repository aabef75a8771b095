// The frame every registry page shares: as-of date, toolbar, table with edit/delete by permission.
import { App, Button, Card, DatePicker, Popconfirm, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { RegistryKind } from '../../../shared/registries';
import { useMe } from '../../api/hooks';
import { useDeleteRecord, useRegistry, type RegistryRecordMap } from '../../api/targets';
import { QueryResult } from '../../components/QueryResult';
import { EMPTY_SEARCH, matchesSearch, SearchBox, type SearchValue } from '../../components/SearchBox';
import { DEFAULT_AS_OF } from '../targets/TargetsPage';
import type { EditState } from './RegistryFormModal';
import { RegistryToolbar } from './RegistryToolbar';

type Rec<K extends RegistryKind> = RegistryRecordMap[K];

export function DemoTag({ demo, source }: { demo: boolean; source?: string }) {
  const { t } = useTranslation();
  return (
    <>
      {demo && <Tag color="volcano" data-testid="record-demo">{t('registry.demo')}</Tag>}
      {source === 'plan' && <Tag color="blue">{t('registry.fromPlan')}</Tag>}
    </>
  );
}

/** What the shared search box matches in a record: its texts (name, code, owner…), county and status. */
export interface RegistrySearch<R> {
  text: (r: R) => (string | null | undefined)[];
  county: (r: R) => string | null;
  status?: { label: string; options: { value: string; label: string }[]; of: (r: R) => string | null };
}

export function RegistryPage<K extends RegistryKind>({
  kind, title, columns, summary, renderForm, expandedRow, search,
}: {
  kind: K;
  title: string;
  columns: TableColumnsType<Rec<K>>;
  summary?: (items: Rec<K>[], asOf: string) => ReactNode;
  renderForm: (state: EditState<Rec<K>>, close: () => void) => ReactNode;
  expandedRow?: (r: Rec<K>) => ReactNode;
  search: RegistrySearch<Rec<K>>;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [asOf, setAsOf] = useState(DEFAULT_AS_OF);
  const [edit, setEdit] = useState<EditState<Rec<K>>>({ record: null, open: false });
  const [filter, setFilter] = useState<SearchValue>(EMPTY_SEARCH);
  const query = useRegistry(kind, asOf);
  const remove = useDeleteRecord(kind);
  const me = useMe();
  const grants: Partial<Record<'create' | 'update' | 'delete', 'all' | 'own'>> = me.data?.permissions[kind] ?? {};
  const actions: TableColumnsType<Rec<K>> = grants.update || grants.delete ? [{
    // Not fixed to the right: a fixed column covered the cells beside it (总投资 450,000 showed as "45").
    title: '', key: 'actions', width: 110,
    render: (_, r) => (
      <Space size={4}>
        {grants.update && <Button size="small" type="link" onClick={() => setEdit({ record: r, open: true })}>{t('registry.edit')}</Button>}
        {grants.delete && (
          <Popconfirm title={t('registry.deleteConfirm', { name: r.name })} onConfirm={async () => {
            try {
              await remove.mutateAsync({ id: r.id, rowVersion: r.rowVersion });
              void message.success(t('registry.deleted'));
            } catch (err) {
              void message.error(err instanceof Error ? err.message : String(err));
            }
          }}>
            <Button size="small" type="link" danger>{t('registry.delete')}</Button>
          </Popconfirm>
        )}
      </Space>
    ),
  }] : [];
  return (
    <Card
      title={<Typography.Title level={4} style={{ margin: 0 }}>{title}</Typography.Title>}
      extra={<Space><span>{t('registry.asOf')}</span><DatePicker allowClear={false} value={dayjs(asOf)} onChange={(d) => d && setAsOf(d.format('YYYY-MM-DD'))} /></Space>}
    >
      <Space direction="vertical" size={12} style={{ width: '100%' }}>
        <RegistryToolbar kind={kind} asOf={asOf} canCreate={!!grants.create} onAdd={() => setEdit({ record: null, open: true })} />
        <SearchBox value={filter} onChange={setFilter} testId={`${kind}-search`} statusOptions={search.status?.options} statusLabel={search.status?.label} />
        <QueryResult query={query}>
          {(data) => (
            <>
              {summary?.(data.items, data.asOf)}
              <Table<Rec<K>>
                rowKey="id" size="small" columns={[...columns, ...actions]} scroll={{ x: 'max-content' }}
                dataSource={data.items.filter((r) => matchesSearch(filter, { text: search.text(r), key: r.searchKey, county: search.county(r), status: search.status?.of(r) }))}
                pagination={{ pageSize: 20, showTotal: (n) => (n === data.items.length ? t('registry.total', { count: n }) : `${t('lists.matched', { count: n })} / ${t('registry.total', { count: data.items.length })}`) }} data-testid={`${kind}-table`}
                expandable={expandedRow ? { expandedRowRender: expandedRow } : undefined}
              />
            </>
          )}
        </QueryResult>
      </Space>
      {renderForm(edit, () => setEdit({ record: null, open: false }))}
    </Card>
  );
}
