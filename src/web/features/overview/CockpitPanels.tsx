// The cockpit's small panels: registry counts against T4/T5, project lights, statistics reporting status,
// the latest alerts and the supervision panel. Each links to the records behind it.
import { Card, Col, List, Progress, Row, Space, Statistic, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Cockpit } from '../../../shared/cockpit';
import { LightTag } from '../targets/format';

const LIGHT_HEX = { green: '#52c41a', yellow: '#faad14', red: '#f5222d', closed: '#8c8c8c', none: '#d9d9d9' };

export function RegistriesPanel({ c }: { c: Cockpit }) {
  const { t, i18n } = useTranslation();
  return (
    <Card size="small" title={t('cockpit.registries')} data-testid="cockpit-registries" className="cockpit-card" style={{ height: '100%' }}>
      {c.registries.map((r) => (
        <Link key={r.code} to={r.code === 'T4' ? '/platforms' : '/parks'} style={{ display: 'block', marginBottom: 8 }} data-testid={`registry-${r.code}`}>
          <Space style={{ justifyContent: 'space-between', width: '100%' }}>
            <Typography.Text>{r.code} {i18n.language === 'en' ? r.nameEn : r.name}</Typography.Text>
            <LightTag light={r.light} />
          </Space>
          <Progress percent={r.count == null ? 0 : Math.round((r.count / r.target) * 100)} format={() => `${r.count ?? '—'} / ${r.target} ${r.unit}`} strokeColor={LIGHT_HEX[r.light ?? 'none']} />
        </Link>
      ))}
    </Card>
  );
}

export function ProjectsPanel({ c }: { c: Cockpit }) {
  const { t } = useTranslation();
  const p = c.projects;
  return (
    <Card size="small" title={t('cockpit.projects')} data-testid="cockpit-projects" className="cockpit-card" style={{ height: '100%' }} extra={<Link to="/projects" className="no-print">{t('cockpit.drill')}</Link>}>
      {p ? (
        <Row gutter={8}>
          {(['green', 'yellow', 'red', 'none'] as const).map((k) => (
            <Col span={6} key={k}><Statistic title={t(`cockpit.lights.${k}`)} value={p[k]} valueStyle={{ color: LIGHT_HEX[k] }} /></Col>
          ))}
        </Row>
      ) : <Typography.Text type="secondary">{t('cockpit.noData')}</Typography.Text>}
    </Card>
  );
}

export function ReportingPanel({ c }: { c: Cockpit }) {
  const { t } = useTranslation();
  const r = c.reporting;
  return (
    <Card size="small" title={t('cockpit.reporting', { period: r?.period ?? '' })} data-testid="cockpit-reporting" className="cockpit-card" style={{ height: '100%' }} extra={r && <Link to={`/statistics/completeness`} className="no-print">{t('cockpit.drill')}</Link>}>
      {r ? (
        <>
          <Space size={24} wrap>
            <Statistic title={t('cockpit.completeness')} value={r.completeness == null ? '—' : r.completeness.toFixed(1)} suffix="%" />
            <Statistic title={t('cockpit.timeliness')} value={r.timeliness == null ? '—' : r.timeliness.toFixed(1)} suffix="%" />
          </Space>
          <div style={{ marginTop: 6 }}>
            {t('cockpit.expected')} {r.expected} · {t('cockpit.received')} {r.received} · {t('cockpit.onTime')} {r.onTime} · {t('cockpit.late')} {r.late} · {t('cockpit.approved')} {r.approved} · <b>{t('cockpit.missing')} {r.missing}</b>
          </div>
        </>
      ) : <Typography.Text type="secondary">{t('cockpit.noData')}</Typography.Text>}
    </Card>
  );
}

export function AlertsPanel({ c }: { c: Cockpit }) {
  const { t, i18n } = useTranslation();
  return (
    <Card size="small" title={t('cockpit.alerts')} data-testid="cockpit-alerts" className="cockpit-card" style={{ height: '100%' }}>
      <List
        size="small"
        dataSource={c.alerts}
        locale={{ emptyText: t('cockpit.noAlerts') }}
        renderItem={(a) => (
          <List.Item data-testid={`alert-${a.kind}`}>
            <Space>
              <Tag color={a.severity === 'high' ? 'red' : 'orange'}>{a.severity === 'high' ? '!' : 'i'}</Tag>
              <Link to={a.link}>{i18n.language === 'en' ? a.text.en : a.text.zh}</Link>
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}

export function SupervisionPanel({ c }: { c: Cockpit }) {
  const { t } = useTranslation();
  const s = c.supervision;
  if (!s) return null;
  return (
    <Card size="small" title={t('cockpit.supervision')} data-testid="cockpit-supervision" className="cockpit-card" style={{ height: '100%' }} extra={<Link to="/supervision/board" className="no-print">{t('cockpit.drill')}</Link>}>
      <Row gutter={8}>
        {(['green', 'yellow', 'red', 'closed'] as const).map((k) => (
          <Col span={6} key={k}><Statistic title={k === 'closed' ? '✓' : t(`cockpit.lights.${k}`)} value={s.counts[k]} valueStyle={{ color: LIGHT_HEX[k] }} /></Col>
        ))}
      </Row>
      {s.redUnits.length > 0 && (
        <div style={{ marginTop: 8, fontSize: 12 }}>
          {t('cockpit.redUnits')}：{s.redUnits.map((u) => `${u.name}（${u.red}）`).join('、')}
        </div>
      )}
    </Card>
  );
}
