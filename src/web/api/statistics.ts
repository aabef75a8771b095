// Server state of 统计监测 and 企业库 (issue 3).
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  Aggregates, CitySeriesPoint, Classification, Completeness, Dataset, DimKind, Enterprise, EnterpriseDetail, EnterprisePage, EnterpriseImportResult,
  EntryForm, FormSaveResult, Indicator, IndicatorRanges, OutlierItem, ReportAction, ReportRow, RuleWarning, SeiCategory, SeriesPoint, ValidationRule,
  ValueAuditEntry, ValueImportResult,
} from '../../shared/statistics';
import { api } from './client';

/** Query string of GET /api/enterprises as the list page sends it. */
export interface EnterpriseQuery {
  q?: string;
  county?: string;
  industry?: string;
  sei?: string;
  tier?: string;
  aboveScale?: string;
  highTech?: string;
  limit: number;
  offset: number;
}

/** Query string of the defined, non-empty entries. */
export function qs(params: Record<string, string | number | boolean | null | undefined>): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') p.set(k, String(v));
  const s = p.toString();
  return s ? `?${s}` : '';
}

export const statisticsKeys = {
  indicators: ['statistics', 'indicators'] as const,
  rules: ['statistics', 'rules'] as const,
  datasets: ['statistics', 'datasets'] as const,
  form: (dataset: string, org: string, period: string) => ['statistics', 'form', dataset, org, period] as const,
  reports: (dataset: string, period: string, filter: ReportFilter) => ['statistics', 'reports', dataset, period, filter] as const,
  audit: (org: string, period: string) => ['statistics', 'audit', org, period] as const,
  violations: (period: string, dataset: string) => ['statistics', 'violations', period, dataset] as const,
  outliers: (period: string, includeReviewed: boolean) => ['statistics', 'outliers', period, includeReviewed] as const,
  completeness: (dataset: string, period: string) => ['statistics', 'completeness', dataset, period] as const,
  aggregates: (indicator: string, dim: string, period: string) => ['statistics', 'aggregates', indicator, dim, period] as const,
  citySeries: (indicator: string) => ['statistics', 'city-series', indicator] as const,
  series: (indicator: string, dim: string, key: string, from: string, to: string) => ['statistics', 'series', indicator, dim, key, from, to] as const,
  enterprises: (q: EnterpriseQuery) => ['enterprises', 'list', q] as const,
  enterprise: (id: string) => ['enterprises', 'one', id] as const,
  classify: (code: string, planIndustry: string) => ['enterprises', 'classify', code, planIndustry] as const,
  seiCategories: ['sei-categories'] as const,
};

/** Values, reports and everything computed from them change together. */
function useInvalidateValues() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: ['statistics'] });
    void queryClient.invalidateQueries({ queryKey: ['targets'] });
  };
}

export function useIndicators() {
  return useQuery({
    queryKey: statisticsKeys.indicators,
    queryFn: async () => (await api.get<{ indicators: Indicator[] }>('/api/indicators')).indicators,
    staleTime: 5 * 60_000,
  });
}

export function useDatasets() {
  return useQuery({
    queryKey: statisticsKeys.datasets,
    queryFn: async () => (await api.get<{ datasets: Dataset[] }>('/api/datasets')).datasets,
    staleTime: 5 * 60_000,
  });
}

/** Creates (no rowVersion) or changes (with the rowVersion read) a data set; forms and completeness follow its indicators. */
export function useSaveDataset() {
  const invalidate = useInvalidateValues();
  return useMutation({
    mutationFn: ({ code, rowVersion, body }: { code: string; rowVersion: number | null; body: Record<string, unknown> }) =>
      rowVersion === null
        ? api.post<{ dataset: Dataset }>('/api/datasets', { ...body, code })
        : api.put<{ dataset: Dataset }>(`/api/datasets/${encodeURIComponent(code)}`, { ...body, rowVersion }),
    onSuccess: invalidate,
  });
}

export function useDeleteDataset() {
  const invalidate = useInvalidateValues();
  return useMutation({
    mutationFn: ({ code, rowVersion }: { code: string; rowVersion: number }) =>
      api.delete<{ deleted: string }>(`/api/datasets/${encodeURIComponent(code)}${qs({ rowVersion })}`),
    onSuccess: invalidate,
  });
}

export function useRules() {
  return useQuery({ queryKey: statisticsKeys.rules, queryFn: async () => (await api.get<{ rules: ValidationRule[] }>('/api/validation-rules')).rules });
}

export function useSaveIndicatorRanges() {
  const invalidate = useInvalidateValues();
  return useMutation({
    mutationFn: ({ code, ...body }: IndicatorRanges & { code: string; rowVersion: number }) => api.put<{ indicator: Indicator }>(`/api/indicators/${encodeURIComponent(code)}`, body),
    onSuccess: invalidate,
  });
}

export function useSaveRule() {
  const invalidate = useInvalidateValues();
  return useMutation({
    mutationFn: ({ code, ...body }: Omit<ValidationRule, 'builtin'>) => api.put<ValidationRule>(`/api/validation-rules/${encodeURIComponent(code)}`, body),
    onSuccess: invalidate,
  });
}

export function useEntryForm(dataset: string, org: string, period: string) {
  return useQuery({
    queryKey: statisticsKeys.form(dataset, org, period),
    queryFn: () => api.get<EntryForm>(`/api/data-entry/form${qs({ dataset, org, period })}`),
    enabled: !!dataset && !!org && !!period,
  });
}

export interface FormSaveBody {
  dataset: string;
  org: string;
  period: string;
  values: { indicatorCode: string; value: number | string | null; rowVersion?: number | null }[];
  /** Store values outside their soft range (the reporter confirmed them). */
  confirm?: boolean;
}

export function useSaveEntryForm() {
  const queryClient = useQueryClient();
  const invalidate = useInvalidateValues();
  return useMutation({
    mutationFn: (body: FormSaveBody) => api.put<FormSaveResult>('/api/data-entry/form', body),
    onSuccess: (r, body) => {
      queryClient.setQueryData(statisticsKeys.form(body.dataset, body.org, body.period), r.form);
      invalidate();
    },
  });
}

export function useReportAction() {
  const invalidate = useInvalidateValues();
  return useMutation({
    mutationFn: ({ action, ...body }: { action: ReportAction; dataset: string; org: string; period: string; rowVersion: number; reason?: string }) =>
      api.post<{ report: ReportRow }>(`/api/reports/${action}`, body),
    onSuccess: invalidate,
  });
}

/** The review queue's server-side filters: status, name or code, county, late only. */
export interface ReportFilter {
  status?: string;
  q?: string;
  county?: string;
  late?: boolean;
}

export function useReports(dataset: string, period: string, filter: ReportFilter) {
  return useQuery({
    queryKey: statisticsKeys.reports(dataset, period, filter),
    queryFn: async () => (await api.get<{ reports: ReportRow[] }>(`/api/reports${qs({ dataset, period, status: filter.status, q: filter.q?.trim(), county: filter.county, late: filter.late ? 1 : undefined })}`)).reports,
    enabled: !!dataset && !!period,
    placeholderData: keepPreviousData,
  });
}

export function useValueAudit(org: string, period: string) {
  return useQuery({
    queryKey: statisticsKeys.audit(org, period),
    queryFn: async () => (await api.get<{ entries: ValueAuditEntry[] }>(`/api/data-values/audit${qs({ org, period, limit: 200 })}`)).entries,
    enabled: !!org && !!period,
  });
}

export function useImportValues() {
  const invalidate = useInvalidateValues();
  return useMutation({
    mutationFn: ({ dryRun, confirm, ...body }: { fileBase64: string; fileName: string; dryRun: boolean; confirm?: boolean }) =>
      api.post<ValueImportResult>(`/api/data-values/import${qs({ dryRun: dryRun ? 1 : undefined, confirm: confirm ? 1 : undefined })}`, body),
    onSuccess: (r) => {
      if (!r.dryRun) invalidate();
    },
  });
}

export function useViolations(period: string, dataset: string) {
  return useQuery({
    queryKey: statisticsKeys.violations(period, dataset),
    queryFn: async () => (await api.get<{ violations: RuleWarning[] }>(`/api/statistics/violations${qs({ period, dataset })}`)).violations,
    enabled: !!period,
    placeholderData: keepPreviousData,
  });
}

export function useOutliers(period: string, includeReviewed: boolean) {
  return useQuery({
    queryKey: statisticsKeys.outliers(period, includeReviewed),
    queryFn: async () => (await api.get<{ outliers: OutlierItem[] }>(`/api/statistics/outliers${qs({ period, includeReviewed: includeReviewed ? 1 : undefined })}`)).outliers,
    enabled: !!period,
    placeholderData: keepPreviousData,
  });
}

export function useReviewOutlier() {
  const invalidate = useInvalidateValues();
  return useMutation({
    mutationFn: (body: { orgCode: string; indicatorCode: string; period: string; decision: 'confirmed' | 'corrected'; value?: number | null; note?: string }) =>
      api.post<{ decision: string; value: number }>('/api/statistics/outliers/review', body),
    onSuccess: invalidate,
  });
}

export function useCompleteness(dataset: string, period: string) {
  return useQuery({
    queryKey: statisticsKeys.completeness(dataset, period),
    queryFn: () => api.get<Completeness>(`/api/statistics/completeness${qs({ dataset, period })}`),
    enabled: !!dataset && !!period,
    placeholderData: keepPreviousData,
  });
}

export function useSendReminders() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { dataset: string; period: string; orgCodes?: string[] }) => api.post<{ sent: number; orgCodes: string[] }>('/api/statistics/reminders', body),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['statistics', 'completeness'] }),
  });
}

export function useAggregates(indicator: string, dim: DimKind, period: string) {
  return useQuery({
    queryKey: statisticsKeys.aggregates(indicator, dim, period),
    queryFn: () => api.get<Aggregates>(`/api/statistics/aggregates${qs({ indicator, dim, period })}`),
    enabled: !!indicator && !!period,
    placeholderData: keepPreviousData,
  });
}

export function useSeries(indicator: string, dim: DimKind, key: string, from: string, to: string) {
  return useQuery({
    queryKey: statisticsKeys.series(indicator, dim, key, from, to),
    queryFn: async () => (await api.get<{ points: SeriesPoint[] }>(`/api/statistics/series${qs({ indicator, dim, key, from, to })}`)).points,
    enabled: !!indicator && !!key && !!from && !!to,
    placeholderData: keepPreviousData,
  });
}

export function useCitySeries(indicator: string) {
  return useQuery({
    queryKey: statisticsKeys.citySeries(indicator),
    queryFn: async () => (await api.get<{ points: CitySeriesPoint[] }>(`/api/statistics/city-series${qs({ indicator })}`)).points,
    enabled: !!indicator,
  });
}

// 企业库

export function useEnterprises(q: EnterpriseQuery, enabled = true) {
  return useQuery({
    queryKey: statisticsKeys.enterprises(q),
    queryFn: () => api.get<EnterprisePage>(`/api/enterprises${qs({ ...q })}`),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useEnterprise(id: string | null) {
  return useQuery({
    queryKey: statisticsKeys.enterprise(id ?? ''),
    queryFn: () => api.get<EnterpriseDetail>(`/api/enterprises/${encodeURIComponent(id!)}`),
    enabled: !!id,
  });
}

/** The level-1 SEI 2018 categories (code, name) from the database; they change only with `sei init`. */
export function useSeiCategories() {
  return useQuery({
    queryKey: statisticsKeys.seiCategories,
    queryFn: async () => (await api.get<{ categories: SeiCategory[] }>('/api/sei-categories')).categories,
    staleTime: Infinity,
  });
}

export function useClassify(industryCode: string, planIndustry: string) {
  return useQuery({
    queryKey: statisticsKeys.classify(industryCode, planIndustry),
    queryFn: () => api.get<Classification>(`/api/enterprises/classify${qs({ industryCode, planIndustry })}`),
    enabled: /^\d{4}$/.test(industryCode),
    staleTime: Infinity,
  });
}

function useInvalidateEnterprises() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: ['enterprises'] });
    void queryClient.invalidateQueries({ queryKey: ['statistics'] });
    void queryClient.invalidateQueries({ queryKey: ['targets'] });
  };
}

export function useSaveEnterprise() {
  const invalidate = useInvalidateEnterprises();
  return useMutation({
    mutationFn: ({ orgId, body }: { orgId: string | null; body: Record<string, unknown> }) =>
      orgId ? api.put<Enterprise>(`/api/enterprises/${encodeURIComponent(orgId)}`, body) : api.post<Enterprise>('/api/enterprises', body),
    onSuccess: invalidate,
  });
}

export function useImportEnterprises() {
  const invalidate = useInvalidateEnterprises();
  return useMutation({
    mutationFn: ({ dryRun, ...body }: { fileBase64: string; fileName: string; dryRun: boolean }) =>
      api.post<EnterpriseImportResult>(`/api/enterprises/import${qs({ dryRun: dryRun ? 1 : undefined })}`, body),
    onSuccess: (r) => {
      if (!r.dryRun) invalidate();
    },
  });
}
