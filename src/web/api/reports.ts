// Server state of the 报告 page (the briefing report and the publication records) and of the public page.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { PublicAggregate, PublicCatalogueItem, Publication, PublicationCreate, PublicTarget } from '../../shared/publication';
import type { BriefingReport, ReportFormat } from '../../shared/reports';
import { api } from './client';

export const reportKeys = {
  briefing: (period: string) => ['reports', 'briefing', period] as const,
  publications: ['publications'] as const,
  public: ['public'] as const,
};

export const reportUrl = (period: string, format: Exclude<ReportFormat, 'json'>) =>
  `/api/reports/briefing?period=${encodeURIComponent(period)}&format=${format}`;

export function useBriefing(period: string) {
  return useQuery({
    queryKey: reportKeys.briefing(period),
    queryFn: () => api.get<BriefingReport>(`/api/reports/briefing?period=${encodeURIComponent(period)}&format=json`),
    placeholderData: keepPreviousData,
  });
}

export function usePublications(enabled: boolean) {
  return useQuery({ queryKey: reportKeys.publications, queryFn: () => api.get<{ publications: Publication[] }>('/api/publications'), enabled });
}

export function usePublish() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: PublicationCreate) => api.post<Publication>('/api/publications', body),
    onSettled: () => qc.invalidateQueries({ queryKey: reportKeys.publications }),
  });
}

export function useWithdraw() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (p: Pick<Publication, 'id' | 'rowVersion'>) => api.delete<unknown>(`/api/publications/${encodeURIComponent(p.id)}?rowVersion=${p.rowVersion}`),
    onSettled: () => qc.invalidateQueries({ queryKey: reportKeys.publications }),
  });
}

export function usePublicCatalogue() {
  return useQuery({ queryKey: [...reportKeys.public, 'catalogue'], queryFn: () => api.get<{ items: PublicCatalogueItem[] }>('/api/public/catalogue') });
}

export function usePublicTargets(period: string) {
  return useQuery({
    queryKey: [...reportKeys.public, 'targets', period],
    queryFn: () => api.get<{ period: string; asOf: string; targets: PublicTarget[] }>(`/api/public/targets?period=${encodeURIComponent(period)}`),
  });
}

export function usePublicAggregate(item: Pick<PublicCatalogueItem, 'indicatorCode' | 'dim' | 'period'>) {
  return useQuery({
    queryKey: [...reportKeys.public, 'aggregate', item.indicatorCode, item.dim, item.period],
    queryFn: () => api.get<PublicAggregate>(`/api/public/aggregates?indicator=${encodeURIComponent(item.indicatorCode ?? '')}&dim=${item.dim}&period=${encodeURIComponent(item.period)}`),
  });
}
