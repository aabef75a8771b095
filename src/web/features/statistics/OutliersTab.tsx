// 异常值: values far from the organisation's own history (z-score > 3, modified z-score > 3.5 after
// Iglewicz & Hoaglin, or outside the indicator's bounds). A reviewer confirms the value or corrects it.
import { App, Button, Form, Input, InputNumber, Modal, Space, Switch, Table, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useIndicators, useOutliers, useReviewOutlier } from '../../api/statistics';
import type { OutlierItem } from '../../../shared/statistics';
import { QueryResult } from '../../components/QueryResult';
import { ApiError } from '../../api/client';
import { convertPeriod, DEFAULT_PERIOD, fmtNum, fmtTime, PeriodPicker, StatusTag, useStatisticsAccess } from './common';
import { ReportActions } from './ReportActions';

export function OutliersTab() {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const { message } = App.useApp();
  const access = useStatisticsAccess();
  const indicators = useIndicators();
  const [period, setPeriod] = useState(DEFAULT_PERIOD);
  const [includeReviewed, setIncludeReviewed] = useState(false);
  const [correcting, setCorrecting] = useState<OutlierItem | null>(null);
  const [form] = Form.useForm<{ value: number; note?: string }>();
  const p = convertPeriod(period, 'month');
  const outliers = useOutliers(p, includeReviewed);
  const review = useReviewOutlier();
  const ind = new Map((indicators.data ?? []).map((i) => [i.code, i]));

  const decide = async (o: OutlierItem, decision: 'confirmed' | 'corrected', value?: number, note?: string) => {
    try {
      await review.mutateAsync({ orgCode: o.orgCode, indicatorCode: o.indicatorCode, period: o.period, decision, value, note });
      void message.success(t(`statistics.decisions.${decision}`));
      return true;
    } catch (err) {
      void message.error(err instanceof Error ? err.message : String(err));
      // Locked meanwhile (submitted by someone else): the dialog cannot succeed, so it closes and the list shows the lock.
      if (err instanceof ApiError && err.code === 'LOCKED') setCorrecting(null);
      return false;
    }
  };
  /** Who may return the report holding a locked value: the county a submitted report, 统计局 any received one. */
  const canReturn = (o: OutlierItem) => !!o.report && access.canApprove && (o.report.status === 'submitted' || (access.isCityLevel && ['county_reviewed', 'approved'].includes(o.report.status)));

  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }}>
      <Space wrap>
        <span>{t('statistics.period')}</span>
        <PeriodPicker kind="month" value={p} onChange={setPeriod} testId="outliers-period" />
        <Switch checked={includeReviewed} onChange={setIncludeReviewed} /> <span>{t('statistics.includeReviewed')}</span>
      </Space>
      <QueryResult query={outliers}>
        {(rows) => (
          <Table<OutlierItem>
            size="small" rowKey={(o) => `${o.orgCode}-${o.indicatorCode}`} dataSource={rows} data-testid="outliers-table" scroll={{ x: 'max-content' }}
            locale={{ emptyText: t('statistics.noOutliers') }} pagination={{ pageSize: 20, hideOnSinglePage: true }}
            columns={[
              {
                title: t('statistics.orgName'), key: 'org', width: 220,
                render: (_, o) => <Space direction="vertical" size={0}><span>{o.orgName}</span><Typography.Text type="secondary" style={{ fontSize: 12 }}>{o.orgCode}</Typography.Text></Space>,
              },
              { title: t('statistics.indicator'), key: 'ind', width: 150, render: (_, o) => { const i = ind.get(o.indicatorCode); return i ? (en ? i.nameEn : i.name) : o.indicatorCode; } },
              { title: t('statistics.value'), key: 'value', align: 'right', width: 110, render: (_, o) => fmtNum(o.value, 1) },
              {
                title: t('statistics.tested'), key: 'tested', align: 'right', width: 130,
                render: (_, o) => (
                  <Tooltip title={t(`statistics.outlierBasis.${o.basis}Help`)}>
                    <span data-testid="outlier-tested">{o.basis === 'yoy' ? <><Tag>{t('statistics.outlierBasis.yoy')}</Tag>{fmtNum(o.tested, 1)}%</> : fmtNum(o.tested, 1)}</span>
                  </Tooltip>
                ),
              },
              { title: t('statistics.history'), dataIndex: 'history', align: 'right', width: 80 },
              {
                title: t('statistics.findings'), key: 'findings', width: 190,
                render: (_, o) => (
                  <Space direction="vertical" size={0}>
                    {o.findings.map((f) => (
                      <span key={f.method}>
                        <Tag color="orange">{t(`statistics.methods.${f.method}`)}</Tag>
                        {f.score != null ? `${f.score.toFixed(1)} / ${f.threshold}` : ''}
                      </span>
                    ))}
                  </Space>
                ),
              },
              {
                title: t('statistics.expected'), key: 'range', width: 150,
                render: (_, o) => {
                  const f = o.findings[0];
                  // Bounds are values; z-score ranges are in the tested unit (growth in % on a yoy basis).
                  const unit = o.basis === 'yoy' && f?.method !== 'bounds' ? '%' : '';
                  return f ? `${fmtNum(f.low, 1)}${unit} ~ ${fmtNum(f.high, 1)}${unit}` : '';
                },
              },
              {
                title: t('lists.reportStatus'), key: 'report', width: 100,
                render: (_, o) => (o.report
                  ? <Tooltip title={o.report.lockReason ? (en ? o.report.lockReason.en : o.report.lockReason.zh) : undefined}><span data-testid="outlier-report-status"><StatusTag status={o.report.status} /></span></Tooltip>
                  : <Typography.Text type="secondary">{t('lists.noReport')}</Typography.Text>),
              },
              {
                title: t('statistics.reviewState'), key: 'review', width: 140,
                render: (_, o) => (o.review ? <Space direction="vertical" size={0}><Tag color="green">{t(`statistics.decisions.${o.review.decision as 'confirmed'}`)}</Tag><Typography.Text type="secondary" style={{ fontSize: 12 }}>{o.review.actorName} · {fmtTime(o.review.at)}</Typography.Text></Space> : null),
              },
              ...(access.canEnter ? [{
                title: t('statistics.actions'), key: 'actions', width: 170,
                render: (_: unknown, o: OutlierItem) => (
                  <Space size={4} wrap>
                    <Button size="small" onClick={() => void decide(o, 'confirmed')} data-testid="outlier-confirm">{t('statistics.confirm')}</Button>
                    {!o.report?.locked && <Button size="small" onClick={() => { form.setFieldsValue({ value: o.value, note: '' }); setCorrecting(o); }} data-testid="outlier-correct">{t('statistics.correct')}</Button>}
                    {o.report?.locked && canReturn(o) && (
                      <Tooltip title={t('lists.lockedCannotCorrect', { status: t(`statistics.statuses.${o.report.status as 'draft'}`) })}>
                        <span><ReportActions size="small" target={{ dataset: o.report.dataset, org: o.orgCode, period: o.period, rowVersion: o.report.rowVersion }} can={{ review: false, approve: false, return: true }} /></span>
                      </Tooltip>
                    )}
                    {o.report?.locked && !canReturn(o) && (
                      <Tooltip title={o.report.status === 'draft' || o.report.status === 'returned' ? (en ? o.report.lockReason?.en : o.report.lockReason?.zh) : t('lists.lockedAskReturn')}>
                        <Button size="small" disabled data-testid="outlier-correct-locked">{t('statistics.correct')}</Button>
                      </Tooltip>
                    )}
                  </Space>
                ),
              }] : []),
            ]}
          />
        )}
      </QueryResult>
      <Modal
        open={!!correcting} title={`${t('statistics.correctTitle')} · ${correcting?.orgName ?? ''} ${correcting ? ((en ? ind.get(correcting.indicatorCode)?.nameEn : ind.get(correcting.indicatorCode)?.name) ?? correcting.indicatorCode) : ''}`}
        onCancel={() => setCorrecting(null)} okButtonProps={{ loading: review.isPending }}
        onOk={async () => {
          const v = await form.validateFields().catch(() => null);
          if (v && correcting && (await decide(correcting, 'corrected', v.value, v.note))) setCorrecting(null);
        }}
      >
        <Form form={form} layout="vertical">
          <Form.Item name="value" label={t('statistics.newValue')} rules={[{ required: true }]}><InputNumber style={{ width: '100%' }} /></Form.Item>
          <Form.Item name="note" label={t('statistics.note')}><Input.TextArea rows={2} maxLength={500} /></Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
