// 审核: the reports of a data set and period a county or 统计局 user may act on. Counties review what
// their enterprises submitted; 统计局 approves what counties reviewed; either returns with a reason.
import { App, Button, Space, Switch, Table, Tag, Tooltip, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { VALUE_STATUSES, type ReportRow } from '../../../shared/statistics';
import { useOrganizations } from '../../api/hooks';
import { useReportAction, useReports } from '../../api/statistics';
import { QueryResult } from '../../components/QueryResult';
import { SearchBox, type SearchValue } from '../../components/SearchBox';
import { DatasetSelect, fmtTime, PeriodPicker, StatusTag, useDatasetPeriod, useStatisticsAccess } from './common';
import { ReportActions } from './ReportActions';

export function ReviewTab() {
  const { t } = useTranslation();
  const access = useStatisticsAccess();
  const orgs = useOrganizations();
  const { dataset, setDataset, ds, period: p, setPeriod } = useDatasetPeriod();
  const [search, setSearch] = useState<SearchValue>({ q: '', status: access.isCityLevel ? 'county_reviewed' : 'submitted' });
  const [lateOnly, setLateOnly] = useState(false);
  const reports = useReports(ds ? dataset : '', p, { ...search, late: lateOnly });
  const changeSearch = useCallback((v: SearchValue) => { setSearch(v); setSelected([]); }, []);
  const countyName = new Map((orgs.data ?? []).map((o) => [o.code, o.name]));
  const { message } = App.useApp();
  const act = useReportAction();
  const [selected, setSelected] = useState<string[]>([]);
  const [batchBusy, setBatchBusy] = useState(false);

  const canFor = (r: ReportRow) => ({
    review: access.canApprove && r.status === 'submitted',
    approve: access.canApprove && access.isCityLevel && r.status === 'county_reviewed',
    return: access.canApprove && (r.status === 'submitted' || (access.isCityLevel && ['county_reviewed', 'approved'].includes(r.status))),
  });

  /** One action over the selected reports, one request each; the ones refused are named. */
  const batch = async (action: 'review' | 'approve') => {
    const rows = (reports.data ?? []).filter((r) => selected.includes(r.org.code) && canFor(r)[action]);
    setBatchBusy(true);
    const failed: string[] = [];
    for (const r of rows) {
      try {
        await act.mutateAsync({ action, dataset: r.datasetCode, org: r.org.code, period: r.period, rowVersion: r.rowVersion });
      } catch (err) {
        failed.push(`${r.org.name}: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
    setBatchBusy(false);
    setSelected([]);
    void message.success(t('statistics.batchDone', { action: t(`statistics.${action}`), count: rows.length - failed.length }));
    if (failed.length) void message.error(failed.slice(0, 3).join('；'));
  };
  const selectable = (reports.data ?? []).filter((r) => selected.includes(r.org.code));

  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }}>
      <Space wrap>
        <span>{t('statistics.dataset')}</span>
        <DatasetSelect value={dataset} onChange={(d) => { setDataset(d); setSelected([]); }} testId="review-dataset" />
        <span>{t('statistics.period')}</span>
        {ds && <PeriodPicker kind={ds.frequency} value={p} onChange={(x) => { setPeriod(x); setSelected([]); }} testId="review-period" />}
      </Space>
      <SearchBox
        value={search} onChange={changeSearch} testId="review-search" county={access.role !== 'county'}
        statusLabel={t('statistics.statusFilter')} statusOptions={VALUE_STATUSES.map((s) => ({ value: s, label: t(`statistics.statuses.${s}`) }))}
      >
        <Space size={4}><Switch size="small" checked={lateOnly} onChange={(v) => { setLateOnly(v); setSelected([]); }} data-testid="review-late-only" /><span>{t('lists.lateOnly')}</span></Space>
      </SearchBox>
      {access.canApprove && (
        <Space wrap>
          <Button disabled={!selectable.some((r) => canFor(r).review)} loading={batchBusy} onClick={() => void batch('review')} data-testid="batch-review">
            {t('statistics.batchReview', { count: selectable.filter((r) => canFor(r).review).length })}
          </Button>
          {access.isCityLevel && (
            <Button type="primary" disabled={!selectable.some((r) => canFor(r).approve)} loading={batchBusy} onClick={() => void batch('approve')} data-testid="batch-approve">
              {t('statistics.batchApprove', { count: selectable.filter((r) => canFor(r).approve).length })}
            </Button>
          )}
        </Space>
      )}
      <QueryResult query={reports}>
        {(rows) => (
          <Table<ReportRow>
            // No fixed column: at 1366 px a fixed 操作 column covered 县级审核/审批人/退回原因; cells wrap instead and
            // the table scrolls as a whole only when it must.
            size="small" rowKey={(r) => r.org.code} dataSource={rows} data-testid="review-table" scroll={{ x: 'max-content' }}
            locale={{ emptyText: t('statistics.noReports') }}
            rowSelection={access.canApprove ? { selectedRowKeys: selected, onChange: (keys) => setSelected(keys as string[]) } : undefined}
            pagination={{ pageSize: 20, showTotal: (n) => t('registry.total', { count: n }) }}
            columns={[
              { title: t('statistics.county'), key: 'county', width: 84, render: (_, r) => countyName.get(r.org.countyCode ?? '') ?? r.org.countyCode ?? '' },
              {
                title: t('statistics.orgName'), key: 'org', width: 220,
                render: (_, r) => (
                  <Space direction="vertical" size={0}>
                    <span>{r.org.name}</span>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>{r.org.code}</Typography.Text>
                  </Space>
                ),
              },
              {
                title: t('statistics.status'), key: 'status', width: 100,
                render: (_, r) => (
                  <Space direction="vertical" size={2}>
                    <StatusTag status={r.status} />
                    {r.late && <Tooltip title={t('lists.lateHelp')}><Tag color="red" data-testid="report-late">{t('lists.late')}</Tag></Tooltip>}
                  </Space>
                ),
              },
              {
                title: t('statistics.submittedAt'), key: 'submitted', width: 140,
                render: (_, r) => (r.submittedAt ? <Space direction="vertical" size={0}><span>{fmtTime(r.submittedAt)}</span>{r.submittedBy && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{r.submittedBy}</Typography.Text>}</Space> : '—'),
              },
              { title: t('statistics.reviewedBy'), key: 'reviewed', width: 90, render: (_, r) => r.reviewedBy ?? '—' },
              { title: t('statistics.approvedBy'), key: 'approved', width: 90, render: (_, r) => r.approvedBy ?? '—' },
              { title: t('statistics.returnReason'), dataIndex: 'returnedReason', width: 160, render: (v: string | null) => <span style={{ whiteSpace: 'normal', wordBreak: 'break-word' }}>{v ?? ''}</span> },
              {
                title: t('statistics.actions'), key: 'actions', width: 170,
                render: (_, r) => (
                  <Space size={4} wrap>
                    <Link to={`/statistics/entry?dataset=${encodeURIComponent(r.datasetCode)}&org=${encodeURIComponent(r.org.code)}&period=${encodeURIComponent(r.period)}`} data-testid="review-view">
                      {t('statistics.view')}
                    </Link>
                    <ReportActions size="small" target={{ dataset: r.datasetCode, org: r.org.code, period: r.period, rowVersion: r.rowVersion }} can={canFor(r)} />
                  </Space>
                ),
              },
            ]}
          />
        )}
      </QueryResult>
    </Space>
  );
}
