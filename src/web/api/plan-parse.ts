// 计划文本解析: parse text or a file (nothing stored), then create the reviewed draft through POST /api/plans.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { PlanDetail } from '../../shared/plan';
import type { PlanFile } from '../../shared/plan-file';
import type { PlanParseResponse } from '../../shared/plan-parse';
import { api } from './client';

export type PlanParseInput = { text: string } | { fileBase64: string; fileName: string };

export function useParsePlanText() {
  return useMutation({ mutationFn: (input: PlanParseInput) => api.post<PlanParseResponse>('/api/plans/parse', input) });
}

export function useCreateDraftPlan() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (file: PlanFile) => api.post<PlanDetail>('/api/plans', file),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['plans'] }),
  });
}
