// 总览 = the leaders' cockpit (issue 12): one period selector; the five target cards; trends against the
// target lines; breakdown by plan industry and SEI category; county ranking and map; registries, project
// lights, reporting status, alerts and supervision. One request (GET /api/cockpit). 大屏 mode fills the
// screen and refreshes itself; print styles (cockpit.css) drop the controls.
import { Alert, Button, Col, Row, Space, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Cockpit } from '../../../shared/cockpit';
import { useCockpit } from '../../api/cockpit';
import { QueryResult } from '../../components/QueryResult';
import { fmtTime } from '../statistics/common';
import { BreakdownChart, TrendChart } from './CockpitCharts';
import { AlertsPanel, ProjectsPanel, RegistriesPanel, ReportingPanel, SupervisionPanel } from './CockpitPanels';
import { PeriodSelector, usePeriod } from './common';
import { CountyMap } from './CountyMap';
import { TargetCards } from './TargetCards';
import './cockpit.css';

const REFRESH_S = 60;

export function OverviewPage() {
  const { t } = useTranslation();
  const [period, setPeriod] = usePeriod();
  const [wall, setWall] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const cockpit = useCockpit(period, wall ? REFRESH_S * 1000 : undefined);
  // Leaving browser full screen (Esc) leaves 大屏 mode too.
  useEffect(() => {
    const onChange = () => { if (!document.fullscreenElement) setWall(false); };
    document.addEventListener('fullscreenchange', onChange);
    return () => document.removeEventListener('fullscreenchange', onChange);
  }, []);
  const toggleWall = async () => {
    if (!wall) { setWall(true); await root.current?.requestFullscreen?.().catch(() => undefined); }
    else { setWall(false); if (document.fullscreenElement) await document.exitFullscreen().catch(() => undefined); }
  };
  return (
    <div ref={root} className={wall ? 'cockpit cockpit-wall' : 'cockpit'} data-testid="cockpit">
      <Space wrap style={{ width: '100%', justifyContent: 'space-between', marginBottom: 12 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>{t('cockpit.title')}</Typography.Title>
        <Space wrap className="no-print">
          <PeriodSelector period={period} onChange={setPeriod} />
          <Button onClick={toggleWall} data-testid="cockpit-wall">{wall ? t('cockpit.exitBigScreen') : t('cockpit.bigScreen')}</Button>
          <Button onClick={() => window.print()}>{t('cockpit.print')}</Button>
        </Space>
      </Space>
      <QueryResult query={cockpit}>{(c) => <CockpitView c={c} wall={wall} />}</QueryResult>
    </div>
  );
}

function CockpitView({ c, wall }: { c: Cockpit; wall: boolean }) {
  const { t } = useTranslation();
  const p = c.period;
  const unit = c.counties?.indicator.unit ?? '';
  // The first draw after navigation, for the browser test's measurement.
  useEffect(() => { performance.mark('cockpit-drawn'); }, []);
  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }} data-testid="cockpit-ready" data-period={c.period}>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('cockpit.generatedAt', { at: fmtTime(c.generatedAt) })}{wall ? ` · ${t('cockpit.autoRefresh', { s: REFRESH_S })}` : ''}
      </Typography.Text>
      <TargetCards targets={c.targets} />
      <Row gutter={[12, 12]}>
        <Col xs={24} xl={12}><TrendChart trends={c.trends} /></Col>
        <Col xs={24} xl={12}>{c.map && <CountyMap map={c.map} unit={unit} height={wall ? 460 : 340} />}</Col>
      </Row>
      <Row gutter={[12, 12]}>
        <Col xs={24} lg={12} xl={8}>{c.industries && <BreakdownChart title={t('cockpit.byIndustry')} agg={c.industries} testId="cockpit-industries" link={(k) => (k.startsWith('_') ? null : `/cockpit/industry/${k}?period=${p}`)} />}</Col>
        <Col xs={24} lg={12} xl={8}>{c.seiCategories && <BreakdownChart title={t('cockpit.bySei')} agg={c.seiCategories} testId="cockpit-sei" />}</Col>
        <Col xs={24} xl={8}>{c.counties && <BreakdownChart title={t('cockpit.countyRanking')} agg={c.counties} testId="cockpit-counties" link={(k) => (k.startsWith('_') ? null : `/cockpit/county/${k}?period=${p}`)} height={420} />}</Col>
      </Row>
      <Row gutter={[12, 12]}>
        <Col xs={24} md={12} xl={6}><RegistriesPanel c={c} /></Col>
        <Col xs={24} md={12} xl={6}><ProjectsPanel c={c} /></Col>
        <Col xs={24} md={12} xl={6}><ReportingPanel c={c} /></Col>
        <Col xs={24} md={12} xl={6}>{c.supervision ? <SupervisionPanel c={c} /> : <AlertsPanel c={c} />}</Col>
        {c.supervision && <Col xs={24}><AlertsPanel c={c} /></Col>}
      </Row>
      {c.notes.length > 0 && <Alert type="info" showIcon message={t('cockpit.notes')} description={c.notes.map((n, i) => <div key={i}>{n.zh}</div>)} data-testid="cockpit-notes" />}
    </Space>
  );
}
