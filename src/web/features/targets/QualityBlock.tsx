// How sure a target's figure is: the share of its actual by review status, the weakest status, the
// reporters missing from the period, and (after the target year) that the plan period has ended.
import { Space, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { StatusGroup, TargetAssessment } from '../../../shared/targets';
import { fmt, useUnit } from './format';

const STATUS_COLORS: Record<StatusGroup, string> = { approved: '#52c41a', submitted: '#1677ff', draft: '#d9d9d9' };

export function QualityBlock({ a }: { a: TargetAssessment }) {
  const { t } = useTranslation();
  const unitOf = useUnit();
  const q = a.quality;
  if (!q) return null;
  const name = (s: StatusGroup) => t(`targetPage.statusNames.${s}`);
  // A ratio's shares are of its numerator, in the numerator's unit: name the indicator rather than the target's unit.
  const ofOther = q.shares && q.shares.of !== a.target.indicatorCode;
  const unit = ofOther ? '' : ` ${unitOf(a.target.unit)}`;
  return (
    <Space direction="vertical" size={2} style={{ width: '100%', fontSize: 12 }} data-testid="target-quality">
      {q.shares ? (
        <>
          <Tooltip title={q.shares.suppressed ? t('targetPage.sharesHidden') : undefined}>
            <div style={{ display: 'flex', height: 8, borderRadius: 4, overflow: 'hidden', background: '#f0f0f0' }} aria-label={t('targetPage.byStatus')}>
              {q.shares.parts.map((p) => (p.pct ? <div key={p.status} style={{ width: `${p.pct}%`, background: STATUS_COLORS[p.status] }} /> : null))}
            </div>
          </Tooltip>
          <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="target-status-shares">
            {`${t('targetPage.byStatus')} ${q.shares.period}${ofOther ? t('targetPage.sharesOf', { of: q.shares.of }) : ''}: `}
            {q.shares.parts.map((p) => t('targetPage.statusPart', { name: name(p.status), value: p.value == null ? '—' : `${fmt(p.value)}${unit}`, pct: p.pct == null ? '—' : `${fmt(p.pct, 1)}%`, n: p.n })).join(' · ')}
          </Typography.Text>
        </>
      ) : (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('targetPage.registerCount')}</Typography.Text>
      )}
      <Space size={4} wrap>
        {q.weakestStatus && <Tag color={q.weakestStatus === 'approved' ? 'green' : 'gold'} data-testid="target-weakest-status">{t('targetPage.weakest', { name: name(q.weakestStatus) })}</Tag>}
        {q.approvedOnly && <Tag color="green">{t('targetPage.approvedOnly')}</Tag>}
      </Space>
      {q.missing && q.missing.n > 0 && (
        <Typography.Text type="warning" style={{ fontSize: 12 }} data-testid="target-missing">
          {t('targetPage.missing', { n: q.missing.n, year: q.missing.previousYear, period: q.missing.period })}
          {q.missing.earlierPeriods.length > 0 && t('targetPage.missingValue', { periods: q.missing.earlierPeriods.join('/'), value: q.missing.value == null ? '—' : `${fmt(q.missing.value)}${unit}` })}
        </Typography.Text>
      )}
    </Space>
  );
}
