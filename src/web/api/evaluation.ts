// Server state of 评价考核 (issue 9): schemes with the criteria catalogue, runs, the live AHP check through
// the compute contract, and the export links. Routes: docs/evaluation.md.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CriterionInfo, EvaluationRun, EvaluationRunSummary, RunComparison, Scheme, SchemeInput } from '../../shared/evaluation';
import type { ComputeOutput } from '../../shared/evaluation-compute';
import { api } from './client';

const BASE = '/api/evaluation';

export const evaluationKeys = {
  all: ['evaluation'] as const,
  schemes: ['evaluation', 'schemes'] as const,
  runs: (schemeId: string) => ['evaluation', 'runs', schemeId] as const,
  run: (id: string) => ['evaluation', 'run', id] as const,
  compare: (schemeId: string, runIds: string[]) => ['evaluation', 'compare', schemeId, ...runIds] as const,
  ahp: (pairwise: unknown) => ['evaluation', 'ahp', JSON.stringify(pairwise)] as const,
};

export function useSchemes() {
  return useQuery({ queryKey: evaluationKeys.schemes, queryFn: () => api.get<{ schemes: Scheme[]; criteria: CriterionInfo[] }>(`${BASE}/schemes`) });
}

export function useRuns(schemeId: string | undefined) {
  return useQuery({
    queryKey: evaluationKeys.runs(schemeId ?? ''),
    queryFn: async () => (await api.get<{ runs: EvaluationRunSummary[] }>(`${BASE}/runs?schemeId=${encodeURIComponent(schemeId!)}`)).runs,
    enabled: !!schemeId,
  });
}

export function useRun(id: string | undefined) {
  return useQuery({ queryKey: evaluationKeys.run(id ?? ''), queryFn: () => api.get<EvaluationRun>(`${BASE}/runs/${encodeURIComponent(id!)}`), enabled: !!id });
}

/** λmax, CI, CR of a pairwise matrix, from the server's methods (the same code a run uses). */
export function useAhpCheck(pairwise: (number | string)[][] | undefined) {
  return useQuery({
    queryKey: evaluationKeys.ahp(pairwise),
    queryFn: () => api.post<ComputeOutput>(`${BASE}/compute`, { method: 'ahp', pairwise }),
    enabled: !!pairwise && pairwise.length > 1,
    placeholderData: keepPreviousData,
    retry: false,
  });
}

/** Chosen runs of a scheme side by side (GET …/compare?runs=), once two or more are chosen. */
export function useCompareRuns(schemeId: string, runIds: string[]) {
  return useQuery({
    queryKey: evaluationKeys.compare(schemeId, runIds),
    queryFn: () => api.get<RunComparison>(`${BASE}/schemes/${encodeURIComponent(schemeId)}/compare?runs=${runIds.map(encodeURIComponent).join(',')}`),
    enabled: runIds.length >= 2,
    placeholderData: keepPreviousData,
  });
}

export function useSaveScheme() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { id?: string; rowVersion?: number; input: SchemeInput }) =>
      v.id ? api.put<Scheme>(`${BASE}/schemes/${encodeURIComponent(v.id)}`, { ...v.input, rowVersion: v.rowVersion }) : api.post<Scheme>(`${BASE}/schemes`, v.input),
    onSuccess: () => qc.invalidateQueries({ queryKey: evaluationKeys.schemes }),
  });
}

export function useRunScheme() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { schemeId: string; period: string }) => api.post<EvaluationRun>(`${BASE}/schemes/${encodeURIComponent(v.schemeId)}/runs`, { period: v.period }),
    onSuccess: (run) => {
      qc.setQueryData(evaluationKeys.run(run.id), run);
      return qc.invalidateQueries({ queryKey: evaluationKeys.runs(run.schemeId) });
    },
  });
}

export const runExportUrl = (id: string, format: 'docx' | 'xlsx') => `${BASE}/runs/${encodeURIComponent(id)}/export?format=${format}`;
