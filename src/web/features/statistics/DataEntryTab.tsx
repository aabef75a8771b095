// 数据填报: choose data set × organisation × period (kept in the query string), then the form.
// Enterprise users report for their own enterprise only; city data sets are reported for the city.
import { Alert, Empty, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useOrganizations } from '../../api/hooks';
import { useDatasets, useEnterprises, useEntryForm } from '../../api/statistics';
import type { Dataset } from '../../../shared/statistics';
import { QueryResult } from '../../components/QueryResult';
import { convertPeriod, DatasetSelect, DEFAULT_PERIOD, PeriodPicker, useStatisticsAccess } from './common';
import { EntryFormCard } from './EntryFormCard';

function EnterprisePicker({ value, onChange }: { value: string; onChange: (code: string) => void }) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const list = useEnterprises({ q: q || undefined, limit: 30, offset: 0 });
  const current = useEnterprises({ q: value, limit: 1, offset: 0 }, !!value && !q);
  const options = [...(list.data?.items ?? []), ...(current.data?.items ?? [])]
    .filter((e, i, all) => all.findIndex((x) => x.uscc === e.uscc) === i)
    .map((e) => ({ value: e.uscc, label: `${e.name} · ${e.county.name}` }));
  return (
    <Select
      showSearch
      value={value || undefined}
      placeholder={t('statistics.orgSearch')}
      filterOption={false}
      onSearch={setQ}
      onChange={(v: string) => { setQ(''); onChange(v); }}
      loading={list.isFetching}
      options={options}
      style={{ minWidth: 320 }}
      data-testid="entry-org"
    />
  );
}

export function DataEntryTab() {
  const { t } = useTranslation();
  const access = useStatisticsAccess();
  const datasets = useDatasets();
  const orgs = useOrganizations();
  const [params, setParams] = useSearchParams();
  const set = (patch: Record<string, string>) => setParams((p) => { for (const [k, v] of Object.entries(patch)) p.set(k, v); return p; }, { replace: true });

  const allowedDataset = (d: Dataset) => !access.isEnterprise || d.orgKind === 'enterprise';
  const dsList = (datasets.data ?? []).filter(allowedDataset);
  const ds = dsList.find((d) => d.code === params.get('dataset')) ?? dsList.find((d) => d.orgKind === 'enterprise') ?? dsList[0];
  const cityCode = orgs.data?.find((o) => o.kind === 'city')?.code ?? '';
  const org = access.isEnterprise ? (access.ownOrg?.code ?? '') : ds?.orgKind === 'city' ? cityCode : (params.get('org') ?? '');
  const period = ds ? convertPeriod(params.get('period') ?? DEFAULT_PERIOD, ds.frequency) : '';
  const form = useEntryForm(ds?.code ?? '', org, period);

  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }}>
      <Space wrap data-testid="entry-selection">
        <span>{t('statistics.dataset')}</span>
        <DatasetSelect value={ds?.code ?? ''} filter={allowedDataset} onChange={(code) => set({ dataset: code })} testId="entry-dataset" />
        <span>{t('statistics.org')}</span>
        {access.isEnterprise || ds?.orgKind === 'city' ? (
          <Typography.Text strong data-testid="entry-org-fixed">
            {access.isEnterprise ? access.ownOrg?.name : orgs.data?.find((o) => o.kind === 'city')?.name}
          </Typography.Text>
        ) : (
          <EnterprisePicker value={org} onChange={(code) => set({ org: code })} />
        )}
        <span>{t('statistics.period')}</span>
        {ds && <PeriodPicker kind={ds.frequency} value={period} onChange={(p) => set({ period: p })} testId="entry-period" />}
      </Space>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('statistics.keyboardHint')}</Typography.Text>
      {!org ? (
        <Empty description={t('statistics.chooseOrg')} />
      ) : access.isEnterprise && !access.ownOrg ? (
        <Alert type="warning" message={t('statistics.chooseOrg')} />
      ) : (
        <QueryResult query={form}>{(data) => <EntryFormCard key={`${data.dataset.code}/${data.org.code}/${data.period}`} data={data} />}</QueryResult>
      )}
    </Space>
  );
}
