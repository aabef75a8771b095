// Server state of the cockpit, the pages behind its figures and the pivot (issue 12).
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Cockpit, EnterpriseFigures, EnterprisePage, Pivot } from '../../shared/cockpit';
import type { SeriesPoint } from '../../shared/statistics';
import { api } from './client';

export function useCockpit(period: string, refetchMs?: number) {
  return useQuery({
    queryKey: ['cockpit', period],
    queryFn: () => api.get<Cockpit>(`/api/cockpit?period=${encodeURIComponent(period)}`),
    placeholderData: keepPreviousData,
    refetchInterval: refetchMs,
  });
}

export function useMapGeo() {
  return useQuery({ queryKey: ['cockpit', 'geo'], queryFn: () => api.get<GeoJsonLike>('/api/cockpit/map.geojson'), staleTime: Infinity });
}
export interface GeoJsonLike { type: 'FeatureCollection'; features: { id?: string; properties: { name: string } }[] }

export function useEnterpriseFigures(q: { period: string; county?: string; industry?: string; sei?: string }) {
  const qs = new URLSearchParams(Object.entries(q).filter(([, v]) => !!v) as [string, string][]).toString();
  return useQuery({ queryKey: ['cockpit', 'enterprises', qs], queryFn: () => api.get<EnterpriseFigures>(`/api/cockpit/enterprises?${qs}`), placeholderData: keepPreviousData });
}

export function useEnterprisePage(id: string, year: number) {
  return useQuery({ queryKey: ['cockpit', 'enterprise', id, year], queryFn: () => api.get<EnterprisePage>(`/api/cockpit/enterprises/${encodeURIComponent(id)}?year=${year}`) });
}

export function useKeySeries(q: { indicator: string; dim: string; key: string; from: string; to: string }) {
  const qs = new URLSearchParams(q).toString();
  return useQuery({ queryKey: ['cockpit', 'series', qs], queryFn: () => api.get<{ name: string; points: SeriesPoint[] }>(`/api/statistics/series?${qs}`) });
}

export const pivotQuery = (q: { indicators: string[]; dim: string; periods: string[] }) =>
  `indicators=${encodeURIComponent(q.indicators.join(','))}&dim=${q.dim}&periods=${encodeURIComponent(q.periods.join(','))}`;

export function usePivot(q: { indicators: string[]; dim: string; periods: string[] } | null) {
  return useQuery({ queryKey: ['pivot', q && pivotQuery(q)], queryFn: () => api.get<Pivot>(`/api/pivot?${pivotQuery(q!)}`), enabled: !!q && q.indicators.length > 0 && q.periods.length > 0, placeholderData: keepPreviousData });
}
