// The county map: the 2018 reference polygons (fetched from /api/cockpit/map.geojson on first draw)
// coloured by the figure of each division in the period's vintage — the server maps 2020 divisions to
// the polygon of the same territory (src/core/cockpit/map-regions.ts). Clicking a county drills down.
import { Alert, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { CockpitMap, MapRegion } from '../../../shared/cockpit';
import { useMapGeo } from '../../api/cockpit';
import { EChart, type ChartOption } from '../../components/EChart';
import { ChartCard, fmtValue } from './common';
import { fmtPct } from '../statistics/common';

const MAP_NAME = 'xingtai-2018';

export function CountyMap({ map, unit, height = 420 }: { map: CockpitMap; unit: string; height?: number }) {
  const { t } = useTranslation();
  const geo = useMapGeo();
  const navigate = useNavigate();
  const [registered, setRegistered] = useState(false);
  useEffect(() => {
    if (!geo.data) return;
    let live = true;
    void import('../../components/echarts-map').then((m) => { m.registerMap(MAP_NAME, geo.data); if (live) setRegistered(true); });
    return () => { live = false; };
  }, [geo.data]);
  const ready = registered;
  const values = map.regions.map((r) => r.value).filter((v): v is number => v != null);
  const option = useMemo<ChartOption>(() => ({
    tooltip: {
      trigger: 'item',
      formatter: (p: unknown) => {
        const r = map.regions.find((x) => x.featureName === (p as { name: string }).name);
        if (!r) return '';
        const v = r.confidential ? t('cockpit.confidential') : `${fmtValue(r.value)} ${unit}`;
        return `<b>${r.name}</b><br/>${v}${r.yoy != null ? `<br/>${t('cockpit.yoy')} ${fmtPct(r.yoy)}` : ''}${r.note ? `<br/><span style="color:#888">${r.note}</span>` : ''}`;
      },
    },
    visualMap: { type: 'continuous', min: values.length ? Math.min(...values) : 0, max: values.length ? Math.max(...values) : 1, text: [t('cockpit.value'), ''], calculable: true, left: 8, bottom: 8, inRange: { color: ['#e6f4ff', '#1677ff', '#003eb3'] } },
    series: [{
      type: 'map', map: MAP_NAME, roam: false, label: { show: true, fontSize: 10, formatter: (p: unknown) => map.regions.find((x) => x.featureName === (p as { name: string }).name)?.name ?? '' },
      data: map.regions.map((r) => ({ name: r.featureName, value: r.confidential ? undefined : (r.value ?? undefined), itemStyle: r.pending ? { areaColor: '#f0f0f0' } : undefined })),
    }],
  }), [map, unit, t, values]);
  const rows = map.regions;
  return (
    <ChartCard<MapRegion>
      title={<>{t('cockpit.map')} <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="map-vintage">{t('cockpit.mapVintage', { vintage: map.vintage })}</Typography.Text></>}
      testId="cockpit-map"
      rows={rows}
      rowKey="feature"
      height={height - 60}
      columns={[
        { title: t('cockpit.county'), dataIndex: 'name' },
        { title: `${t('cockpit.value')}（${unit}）`, align: 'right', render: (_: unknown, r: MapRegion) => (r.confidential ? t('cockpit.confidential') : fmtValue(r.value)) },
        { title: t('cockpit.yoy'), align: 'right', render: (_: unknown, r: MapRegion) => fmtPct(r.yoy) },
        { title: '2018', dataIndex: 'featureName' },
      ]}
      chart={
        <>
          {ready
            ? <EChart option={option} height={height} ariaLabel={t('cockpit.map')} testId="county-map-chart" onItemClick={({ dataIndex }) => { const r = map.regions[dataIndex]; if (r && !r.pending) navigate(`/cockpit/county/${r.key}?period=${map.period}`); }} />
            : <div style={{ height }} />}
          {map.vintage === 2020 && <Alert type="info" showIcon style={{ marginTop: 8 }} message={t('cockpit.mapVintageNote')} data-testid="map-vintage-note" />}
          {map.offMap.length > 0 && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('cockpit.offMap')}{map.offMap.map((o) => `${o.name} ${o.value == null ? '—' : fmtValue(o.value)}`).join('；')}
            </Typography.Text>
          )}
        </>
      }
    />
  );
}
