// 目标指标: a card per target (gauge, light, anticipated status), then the chosen target's trend with
// the target line and projection, and the components table behind the figures.
import { Alert, Card, Col, DatePicker, Row, Space, Switch, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTarget, useTargets } from '../../api/targets';
import { QueryResult } from '../../components/QueryResult';
import { ComponentsTable } from './ComponentsTable';
import { TargetCard } from './TargetCard';
import { TargetTrendChart } from './TargetTrendChart';

/** The plan period's last day: the Xingtai targets are due by the end of 2020. */
export const DEFAULT_AS_OF = '2020-12-31';

export function TargetsPage() {
  const { t, i18n } = useTranslation();
  const [asOf, setAsOf] = useState(DEFAULT_AS_OF);
  const [selected, setSelected] = useState<string | null>('T1');
  const [approvedOnly, setApprovedOnly] = useState(false);
  const list = useTargets(asOf, approvedOnly);
  const detail = useTarget(selected, asOf, approvedOnly);
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card size="small">
        <Space wrap>
          <Typography.Title level={4} style={{ margin: 0 }}>{t('targetPage.title')}</Typography.Title>
          <span>{t('targetPage.asOf')}</span>
          <DatePicker
            allowClear={false}
            value={dayjs(asOf)}
            onChange={(d) => d && setAsOf(d.format('YYYY-MM-DD'))}
            data-testid="targets-as-of"
          />
          <Tooltip title={t('targetPage.approvedOnlyHelp')}>
            <Space size={6}>
              <Switch checked={approvedOnly} onChange={setApprovedOnly} data-testid="targets-approved-only" aria-label={t('targetPage.approvedOnly')} />
              <span>{t('targetPage.approvedOnly')}</span>
            </Space>
          </Tooltip>
        </Space>
        <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0', fontSize: 12 }}>{t('targetPage.method')}</Typography.Paragraph>
      </Card>
      <QueryResult query={list}>
        {(data) => (
          <>
          {data.stale && data.computedAt && (
            <Alert type="info" showIcon style={{ marginBottom: 12 }} data-testid="targets-stale" message={t('targetPage.stale', { time: dayjs(data.computedAt).format('YYYY-MM-DD HH:mm:ss') })} />
          )}
          <Row gutter={[12, 12]} data-testid="target-cards">
            {data.targets.map((a) => (
              <Col key={a.target.id} xs={24} sm={12} lg={8} xxl={{ flex: '20%' }}>
                <TargetCard a={a} selected={selected === a.target.code} onSelect={() => setSelected(a.target.code)} />
              </Col>
            ))}
          </Row>
          </>
        )}
      </QueryResult>
      {selected && (
        <QueryResult query={detail}>
          {(d) => (
            <Row gutter={[12, 12]}>
              <Col xs={24} xl={12}>
                <Card size="small" title={`${t('targetPage.trend')} · ${d.target.code} ${i18n.language === 'en' ? d.target.nameEn : d.target.name}`}>
                  {d.series.length === 0 && !d.actual ? <Alert type="info" message={t('targetPage.noData')} /> : <TargetTrendChart d={d} />}
                </Card>
              </Col>
              <Col xs={24} xl={12}>
                <Card size="small" title={t('targetPage.components')}>
                  {d.messages.map((m) => <Alert key={m.en} type="warning" showIcon style={{ marginBottom: 8 }} message={i18n.language === 'en' ? m.en : m.zh} />)}
                  <ComponentsTable components={d.components} />
                </Card>
              </Col>
            </Row>
          )}
        </QueryResult>
      )}
    </Space>
  );
}
