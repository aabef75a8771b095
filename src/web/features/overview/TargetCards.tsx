// The five target cards: actual, attainment, schedule light, anticipated status and projection; a card
// opens the target's page (its components, series and the enterprises behind it).
import { Card, Col, Row, Space, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CockpitTarget } from '../../../shared/cockpit';
import { LightTag, StatusTag } from '../targets/format';
import { fmtValue } from './common';

export function TargetCards({ targets }: { targets: CockpitTarget[] }) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  return (
    <Row gutter={[12, 12]} data-testid="cockpit-targets">
      {targets.map((c) => (
        <Col key={c.code} flex="1 1 200px">
          <Link to={`/targets?target=${c.code}`} data-testid={`target-card-${c.code}`} aria-label={`${c.code} ${en ? c.nameEn : c.name}`}>
            <Card size="small" hoverable className={`cockpit-card light-${c.light ?? 'none'}`} style={{ height: '100%', borderTop: `4px solid ${c.light === 'red' ? '#f5222d' : c.light === 'yellow' ? '#faad14' : c.light === 'green' ? '#52c41a' : '#d9d9d9'}` }}>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>{c.code} · {t('cockpit.target')} {c.comparator} {fmtValue(c.value)} {c.unit}（{c.year}）</Typography.Text>
              <Typography.Paragraph strong ellipsis={{ rows: 2 }} style={{ margin: '4px 0', minHeight: 44 }}>{en ? c.nameEn : c.name}</Typography.Paragraph>
              <Statistic value={c.actual ? fmtValue(c.actual.value) : '—'} suffix={c.unit} valueStyle={{ fontSize: 26 }} title={`${t('cockpit.actual')}${c.actual ? `（${c.actual.period}）` : ''}`} />
              <Space wrap size={4} style={{ marginTop: 6 }}>
                <span data-testid={`target-attainment-${c.code}`}>{t('cockpit.attainment')} {c.attainmentPct == null ? '—' : `${c.attainmentPct.toFixed(1)}%`}</span>
                <LightTag light={c.light} testId={`target-light-${c.code}`} />
                {c.status && <StatusTag status={c.status} />}
              </Space>
              <div style={{ fontSize: 12, marginTop: 4 }}>
                {c.projection ? `${c.projection.final ? t('cockpit.projectionFinal') : t('cockpit.projection', { year: c.projection.year })}：${fmtValue(c.projection.value)} ${c.unit}` : `${t('cockpit.projection', { year: c.year })}：—`}
              </div>
            </Card>
          </Link>
        </Col>
      ))}
    </Row>
  );
}
