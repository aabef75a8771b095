// The county map draws the 2018 reference polygons (reference/xingtai-counties-2018.geojson). Figures of a
// period are on that period's division vintage (src/core/statistics/divisions.ts): from 2020 on, 任县's
// polygon carries 任泽区 (130505), 南和县's 南和区 (130506), 桥东/桥西 carry 襄都/信都, and 邢台县's polygon
// (abolished, split between 襄都区 and 信都区) carries only its enterprises not yet re-assigned (待划归).
// So a figure of either vintage lands on the polygon of the same territory.
import type { AggregateResultRow } from '../../shared/statistics';
import type { MapRegion } from '../../shared/cockpit';
import { divisionMapping, type DivisionRecord, type Vintage } from '../statistics/divisions';

export interface MapFeature { code: string; name: string }

export function mapRegions(
  features: readonly MapFeature[], divisions: readonly DivisionRecord[], vintage: Vintage, rows: readonly AggregateResultRow[],
): { regions: MapRegion[]; offMap: { key: string; name: string; value: number | null }[] } {
  const mapping = divisionMapping(divisions, vintage);
  const byKey = new Map(rows.map((r) => [r.key, r]));
  const used = new Set<string>();
  const regions = features.map((f): MapRegion => {
    const d = mapping.map(f.code) ?? { key: f.code, name: f.name };
    const row = byKey.get(d.key);
    if (row) used.add(d.key);
    const rec = divisions.find((x) => x.code === f.code);
    const region: MapRegion = {
      feature: f.code, featureName: f.name, key: d.key, name: d.pending ? `${f.name}（${vintage}年已撤销）` : d.name,
      value: row?.value ?? null, yoy: row?.yoy ?? null, n: row?.n ?? 0,
    };
    if (row?.confidential) region.confidential = true;
    if (d.pending) region.pending = true;
    if (d.pending || d.key !== f.code || d.name !== f.name) region.note = d.pending ? d.name : `${f.name} → ${d.name}${rec?.notes ? `（${rec.notes}）` : ''}`;
    return region;
  });
  const offMap = rows.filter((r) => !used.has(r.key)).map((r) => ({ key: r.key, name: r.name, value: r.value }));
  return { regions, offMap };
}
