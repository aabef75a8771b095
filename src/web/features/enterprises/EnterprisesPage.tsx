// 企业库: the enterprise registry, searched and filtered on the server (county, plan industry, SEI
// category, tier, 规上, 高新) and paged; create/edit, history of changes, bulk import by permission.
import { DownloadOutlined, HistoryOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Card, Select, Space, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TIERS, type Enterprise } from '../../../shared/statistics';
import { useMe, useOrganizations, usePlan } from '../../api/hooks';
import { useEnterprises, type EnterpriseQuery } from '../../api/statistics';
import { QueryResult } from '../../components/QueryResult';
import { SearchBox, type SearchValue } from '../../components/SearchBox';
import { EnterpriseFormModal } from './EnterpriseFormModal';
import { EnterpriseHistoryDrawer } from './EnterpriseHistoryDrawer';
import { EnterpriseImportModal } from './EnterpriseImportModal';
import { SeiCell, useSeiL1Options } from './sei';

const PAGE_SIZE = 20;

export function EnterprisesPage() {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const me = useMe();
  const orgs = useOrganizations();
  const plan = usePlan();
  const grants = me.data?.permissions.enterprise ?? {};
  const [filter, setFilter] = useState<Omit<EnterpriseQuery, 'limit' | 'offset'>>({});
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState<{ open: boolean; record: Enterprise | null }>({ open: false, record: null });
  const [historyOf, setHistoryOf] = useState<string | null>(null);
  const [importing, setImporting] = useState(false);
  const query = useEnterprises({ ...filter, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
  const update = (patch: Partial<EnterpriseQuery>) => { setFilter((f) => ({ ...f, ...patch })); setPage(1); };
  const search: SearchValue = { q: filter.q ?? '', county: filter.county };
  const changeSearch = useCallback((v: SearchValue) => { setFilter((f) => ({ ...f, q: v.q.trim() || undefined, county: v.county })); setPage(1); }, []);

  const counties = (orgs.data ?? []).filter((o) => o.kind === 'county' || o.kind === 'zone');
  const industries = plan.data?.industries ?? [];
  const seiOptions = useSeiL1Options();
  const industryName = new Map(industries.map((i) => [i.code, en ? i.nameEn : i.name]));
  const yesNo = [{ value: '', label: t('enterpriseRegistry.any') }, { value: '1', label: t('enterpriseRegistry.yes') }, { value: '0', label: t('enterpriseRegistry.no') }];
  const flag = (v: boolean) => (v ? <Tag color="blue">{t('enterpriseRegistry.yes')}</Tag> : <Typography.Text type="secondary">{t('enterpriseRegistry.no')}</Typography.Text>);

  const columns: TableColumnsType<Enterprise> = [
    {
      title: t('enterpriseRegistry.name'), key: 'name', width: 260, fixed: 'left',
      render: (_, e) => (
        <Space direction="vertical" size={0}>
          <span>{e.name} {e.demo && <Tag color="volcano">{t('enterpriseRegistry.demo')}</Tag>}{!e.active && <Tag>{t('enterpriseRegistry.active')}: {t('enterpriseRegistry.no')}</Tag>}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }} copyable>{e.uscc}</Typography.Text>
        </Space>
      ),
    },
    { title: t('enterpriseRegistry.county'), key: 'county', width: 90, render: (_, e) => e.county.name },
    { title: t('enterpriseRegistry.park'), key: 'park', width: 160, render: (_, e) => e.parkName ?? e.parkCode ?? '—' },
    {
      title: t('enterpriseRegistry.industry'), key: 'industry', width: 180,
      render: (_, e) => (e.industryCode ? <><Typography.Text code>{e.industryCode}</Typography.Text> {e.industryName}</> : '—'),
    },
    { title: t('enterpriseRegistry.seiCategory'), key: 'sei', width: 200, render: (_, e) => <SeiCell sei={e.sei} /> },
    { title: t('enterpriseRegistry.planIndustry'), key: 'plan', width: 110, render: (_, e) => (e.planIndustryCode ? (industryName.get(e.planIndustryCode) ?? e.planIndustryCode) : '—') },
    { title: t('enterpriseRegistry.tier'), key: 'tier', width: 70, render: (_, e) => t(`enterpriseRegistry.tiers.${e.tier}`) },
    { title: t('enterpriseRegistry.aboveScale'), key: 'above', width: 60, render: (_, e) => flag(e.aboveScale) },
    { title: t('enterpriseRegistry.highTech'), key: 'hightech', width: 60, render: (_, e) => flag(e.highTech) },
    {
      title: '', key: 'actions', width: 100, fixed: 'right',
      render: (_, e) => (
        <Space size={4}>
          {grants.update && <Button size="small" type="link" onClick={() => setEditing({ open: true, record: e })} data-testid="enterprise-edit">{t('enterpriseRegistry.edit')}</Button>}
          <Tooltip title={t('enterpriseRegistry.historyTitle')}>
            <Button size="small" type="link" icon={<HistoryOutlined />} onClick={() => setHistoryOf(e.orgId)} aria-label={t('enterpriseRegistry.history')} />
          </Tooltip>
        </Space>
      ),
    },
  ];

  return (
    <Card title={<Typography.Title level={4} style={{ margin: 0 }}>{t('enterpriseRegistry.title')}</Typography.Title>}>
      <Space direction="vertical" size={12} style={{ width: '100%' }}>
        <SearchBox value={search} onChange={changeSearch} placeholder={t('enterpriseRegistry.search')} testId="enterprise-search" county={me.data?.user.role !== 'county'}>
          <Select
            allowClear placeholder={t('enterpriseRegistry.planIndustry')} style={{ width: 190 }} value={filter.industry}
            onChange={(v?: string) => update({ industry: v })} options={industries.map((i) => ({ value: i.code, label: en ? i.nameEn : i.name }))} data-testid="filter-industry"
          />
          <Select
            allowClear placeholder={t('enterpriseRegistry.sei')} style={{ width: 180 }} value={filter.sei}
            onChange={(v?: string) => update({ sei: v })} options={seiOptions} data-testid="filter-sei"
          />
          <Select
            allowClear placeholder={t('enterpriseRegistry.tier')} style={{ width: 110 }} value={filter.tier}
            onChange={(v?: string) => update({ tier: v })} options={TIERS.map((x) => ({ value: x, label: t(`enterpriseRegistry.tiers.${x}`) }))} data-testid="filter-tier"
          />
          <Space size={4}><span>{t('enterpriseRegistry.aboveScale')}</span><Select style={{ width: 80 }} value={filter.aboveScale ?? ''} onChange={(v: string) => update({ aboveScale: v || undefined })} options={yesNo} /></Space>
          <Space size={4}><span>{t('enterpriseRegistry.highTech')}</span><Select style={{ width: 80 }} value={filter.highTech ?? ''} onChange={(v: string) => update({ highTech: v || undefined })} options={yesNo} /></Space>
        </SearchBox>
        <Space wrap>
          {grants.create && <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ open: true, record: null })} data-testid="enterprise-add">{t('enterpriseRegistry.add')}</Button>}
          {grants.create && <Button icon={<UploadOutlined />} onClick={() => setImporting(true)} data-testid="enterprise-import">{t('enterpriseRegistry.import')}</Button>}
          {grants.create && <Button icon={<DownloadOutlined />} href="/api/enterprises/template">{t('enterpriseRegistry.template')}</Button>}
        </Space>
        <QueryResult query={query}>
          {(data) => (
            <Table<Enterprise>
              rowKey="orgId" size="small" dataSource={data.items} columns={columns} scroll={{ x: 1130 }} data-testid="enterprise-table" loading={query.isFetching}
              pagination={{ current: page, pageSize: PAGE_SIZE, total: data.total, showSizeChanger: false, onChange: setPage, showTotal: (n) => t(data.totalCapped ? 'enterpriseRegistry.totalCapped' : 'enterpriseRegistry.total', { count: n }) }}
            />
          )}
        </QueryResult>
      </Space>
      <EnterpriseFormModal
        open={editing.open} record={editing.record} onClose={() => setEditing({ open: false, record: null })}
        counties={counties} industries={industries} lockIdentity={me.data?.user.role === 'enterprise'}
      />
      <EnterpriseHistoryDrawer orgId={historyOf} onClose={() => setHistoryOf(null)} />
      <EnterpriseImportModal open={importing} onClose={() => setImporting(false)} />
    </Card>
  );
}
