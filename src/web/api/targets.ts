// Server state of the targets page and the registries (issue 4).
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ImportResult, Park, Platform, Project, RegistryKind } from '../../shared/registries';
import type { TargetAssessment, TargetDetail } from '../../shared/targets';
import { api } from './client';

export const REGISTRY_PATHS: Record<RegistryKind, string> = { platform: 'platforms', park: 'parks', project: 'projects' };

export interface RegistryRecordMap {
  platform: Platform;
  park: Park;
  project: Project;
}

export const targetKeys = {
  all: ['targets'] as const,
  list: (asOf: string, approvedOnly = false) => ['targets', 'list', asOf, approvedOnly] as const,
  one: (id: string, asOf: string, approvedOnly = false) => ['targets', 'one', id, asOf, approvedOnly] as const,
  registry: (kind: RegistryKind, asOf: string) => ['registry', kind, asOf] as const,
};

/** The targets list; `stale`: computed before the newest write, at `computedAt`, and being recomputed. */
export interface TargetsList { planId: string; asOf: string; approvedOnly: boolean; targets: TargetAssessment[]; computedAt?: string; stale?: boolean }

/** `approvedOnly`: compute on approved values only (the switch on the targets page). */
export function useTargets(asOf: string, approvedOnly = false) {
  return useQuery({
    queryKey: targetKeys.list(asOf, approvedOnly),
    queryFn: () => api.get<TargetsList>(`/api/targets?asOf=${asOf}${approvedOnly ? '&approvedOnly=true' : ''}`),
    placeholderData: keepPreviousData,
    // A kept answer older than the newest write (large databases, see kept-assessments.ts) is being
    // recomputed on the server: ask again until the fresh one arrives.
    refetchInterval: (q) => (q.state.data?.stale ? 3000 : false),
  });
}

export function useTarget(id: string | null, asOf: string, approvedOnly = false) {
  return useQuery({
    queryKey: targetKeys.one(id ?? '', asOf, approvedOnly),
    queryFn: () => api.get<TargetDetail>(`/api/targets/${encodeURIComponent(id!)}?asOf=${asOf}${approvedOnly ? '&approvedOnly=true' : ''}`),
    enabled: !!id,
    placeholderData: keepPreviousData,
  });
}

export function useRegistry<K extends RegistryKind>(kind: K, asOf: string) {
  return useQuery({
    queryKey: targetKeys.registry(kind, asOf),
    queryFn: () => api.get<{ asOf: string; items: RegistryRecordMap[K][] }>(`/api/${REGISTRY_PATHS[kind]}?asOf=${asOf}`),
    placeholderData: keepPreviousData,
  });
}

function useInvalidateRegistry(kind: RegistryKind) {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: ['registry', kind] });
    void queryClient.invalidateQueries({ queryKey: targetKeys.all });
  };
}

export function useSaveRecord(kind: RegistryKind) {
  const invalidate = useInvalidateRegistry(kind);
  return useMutation({
    mutationFn: ({ id, body }: { id: string | null; body: Record<string, unknown> }) =>
      id ? api.put<{ id: string }>(`/api/${REGISTRY_PATHS[kind]}/${id}`, body) : api.post<{ id: string }>(`/api/${REGISTRY_PATHS[kind]}`, body),
    onSuccess: invalidate,
  });
}

export function useDeleteRecord(kind: RegistryKind) {
  const invalidate = useInvalidateRegistry(kind);
  return useMutation({
    mutationFn: ({ id, rowVersion }: { id: string; rowVersion: number }) => api.delete<void>(`/api/${REGISTRY_PATHS[kind]}/${id}?rowVersion=${rowVersion}`),
    onSuccess: invalidate,
  });
}

export function useImportRegistry(kind: RegistryKind) {
  const invalidate = useInvalidateRegistry(kind);
  return useMutation({
    mutationFn: (body: { fileBase64: string; dryRun: boolean }) => api.post<ImportResult>(`/api/${REGISTRY_PATHS[kind]}/import`, body),
    onSuccess: (r) => {
      if (!r.dryRun) invalidate();
    },
  });
}

export function useUploadEvidence() {
  const invalidate = useInvalidateRegistry('platform');
  return useMutation({
    mutationFn: ({ id, fileName, fileBase64 }: { id: string; fileName: string; fileBase64: string }) =>
      api.post<{ fileName: string; size: number }>(`/api/platforms/${id}/evidence`, { fileName, fileBase64 }),
    onSuccess: invalidate,
  });
}
