import { Card, Progress, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TargetAssessment } from '../../../shared/targets';
import { ComparatorTag, formatTargetValue } from '../plan/target-format';
import { fmt, LightTag, LIGHT_COLORS, ReliabilityTag, StatusTag, useUnit } from './format';
import { QualityBlock } from './QualityBlock';

/** One target: attainment gauge, schedule light, anticipated-progress status and projection. */
export function TargetCard({ a, selected, onSelect }: { a: TargetAssessment; selected: boolean; onSelect: () => void }) {
  const { t, i18n } = useTranslation();
  const unit = useUnit();
  const { target } = a;
  const pct = a.attainment?.attainmentPct ?? null;
  return (
    <Card
      hoverable
      size="small"
      onClick={onSelect}
      data-testid={`target-card-${target.code}`}
      style={{ height: '100%', borderColor: selected ? '#1677ff' : undefined, boxShadow: selected ? '0 0 0 1px #1677ff' : undefined }}
      title={<Typography.Text strong ellipsis={{ tooltip: true }}>{`${target.code} ${i18n.language === 'en' ? target.nameEn : target.name}`}</Typography.Text>}
      extra={<LightTag light={a.schedule?.light ?? null} testId="target-light" />}
    >
      <Space direction="vertical" size={6} style={{ width: '100%', alignItems: 'center' }}>
        <Progress
          type="dashboard"
          size={120}
          percent={pct == null ? 0 : Math.min(100, pct)}
          strokeColor={a.schedule ? LIGHT_COLORS[a.schedule.light] : undefined}
          format={() => <span data-testid="target-attainment" style={{ fontSize: 18 }}>{pct == null ? '—' : `${fmt(pct, 1)}%`}</span>}
          aria-label={t('targetPage.attainment')}
        />
        <div style={{ textAlign: 'center' }}>
          <Typography.Text type="secondary">{t('targetPage.actual')} </Typography.Text>
          <Typography.Text strong data-testid="target-actual">{a.actual ? `${fmt(a.actual.value)} ${unit(target.unit)}` : t('targetPage.noData')}</Typography.Text>
          {a.actual && <Typography.Text type="secondary"> ({a.actual.period}) </Typography.Text>}
          {a.actual && <ReliabilityTag actual={a.actual} />}
        </div>
        <div>
          <Typography.Text type="secondary">{t('targetPage.target')} </Typography.Text>
          <ComparatorTag comparator={target.comparator} /> <Typography.Text strong>{formatTargetValue(target)} {unit(target.unit)}</Typography.Text>
          <Typography.Text type="secondary"> ({target.year})</Typography.Text>
        </div>
        <Space size={4} wrap style={{ justifyContent: 'center' }}>
          {a.attainment && (
            <Typography.Text type={a.attainment.met && !a.quality?.metOnUnapproved ? 'success' : 'warning'} data-testid="target-met">
              {a.attainment.met ? (a.quality?.metOnUnapproved ? t('targetPage.metUnapproved') : t('targetPage.met')) : t('targetPage.notMet')}
            </Typography.Text>
          )}
          {a.anticipated && <StatusTag status={a.anticipated.status} testId="target-status" />}
        </Space>
        {a.planEnded && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="target-plan-ended">
            {t('targetPage.planEnded', { date: a.planEnded.deadline })}
            {a.projection?.final && ` · ${t('targetPage.finalValue', { year: a.projection.year })}: ${fmt(a.projection.value)} ${unit(target.unit)} · ${a.projection.meetsTarget ? t('targetPage.met') : t('targetPage.notMet')}`}
          </Typography.Text>
        )}
        {a.projection && !a.projection.final && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="target-projection">
            {t('targetPage.projection', { year: a.projection.year })}: {fmt(a.projection.value)} {unit(target.unit)} · {a.projection.meetsTarget ? t('targetPage.wouldMeet') : t('targetPage.wouldMiss')}
          </Typography.Text>
        )}
        <QualityBlock a={a} />
        {!a.actual && a.messages[0] && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{i18n.language === 'en' ? a.messages[0].en : a.messages[0].zh}</Typography.Text>}
      </Space>
    </Card>
  );
}
