// Server state of 督查督办 (issue 8): the board, 我的待办, the task tree and a task's reports, closures,
// reminders and 问效 records, and every action of the loop. Routes: docs/supervision.md.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  LightHistory,
  AccountabilityCreateInput, AccountabilityRecord, AccountabilityUpdateInput, AssignInput, Board, BoardQuery, ClosureDecisionInput,
  ClosureRequest, ClosureRequestInput, Inbox, NodeCreateInput, NodeUpdateInput, ProgressReport, Reminder, ReminderCreateInput,
  ReopenInput, ReportDraftInput, ReportUpdateInput, ReviewInput, SupervisionNode, SupervisionTreeNode,
} from '../../shared/supervision';
import type { Bulletin } from '../../shared/supervision-follow-up';
import { api } from './client';

const BASE = '/api/supervision';

/** A query string of the defined values. */
export function qs(params: Record<string, string | undefined | null>): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v) p.set(k, v);
  const s = p.toString();
  return s ? `?${s}` : '';
}

/** List routes answer `{ <name>: [...] }`; an array is taken as is. */
function listOf<T>(body: unknown, key: string): T[] {
  if (Array.isArray(body)) return body as T[];
  const b = body as Record<string, unknown> | null;
  const v = b?.[key] ?? b?.items;
  return Array.isArray(v) ? (v as T[]) : [];
}

export const supervisionKeys = {
  all: ['supervision'] as const,
  board: (q: BoardQuery) => ['supervision', 'board', q] as const,
  inbox: (asOf?: string) => ['supervision', 'inbox', asOf ?? ''] as const,
  tree: (asOf?: string) => ['supervision', 'tree', asOf ?? ''] as const,
  task: (id: string, asOf?: string) => ['supervision', 'task', id, asOf ?? ''] as const,
  reports: (id: string) => ['supervision', 'reports', id] as const,
  closures: (id: string) => ['supervision', 'closures', id] as const,
  reminders: (taskId?: string) => ['supervision', 'reminders', taskId ?? ''] as const,
  accountability: (taskId?: string) => ['supervision', 'accountability', taskId ?? ''] as const,
  bulletin: (period: string) => ['supervision', 'bulletin', period] as const,
};

export function useBoard(q: BoardQuery) {
  return useQuery({
    queryKey: supervisionKeys.board(q),
    queryFn: () => api.get<Board>(`${BASE}/board${qs({ ...q, offset: q.offset?.toString(), limit: q.limit?.toString() })}`),
    placeholderData: keepPreviousData,
  });
}

export function useInbox(asOf?: string) {
  return useQuery({ queryKey: supervisionKeys.inbox(asOf), queryFn: () => api.get<Inbox>(`${BASE}/inbox${qs({ asOf })}`) });
}

export interface TreeResponse {
  planId: string;
  asOf: string;
  nodes: SupervisionTreeNode[];
}

export function useTree(asOf?: string) {
  return useQuery({
    queryKey: supervisionKeys.tree(asOf),
    queryFn: async () => {
      const body = await api.get<TreeResponse | SupervisionTreeNode[]>(`${BASE}/tree${qs({ asOf })}`);
      return Array.isArray(body) ? { planId: '', asOf: asOf ?? '', nodes: body } : { ...body, nodes: listOf<SupervisionTreeNode>(body, 'nodes') };
    },
    placeholderData: keepPreviousData,
  });
}

/** One node; the route may answer it with its children (a tree node) or alone. */
export type TaskDetail = SupervisionNode & { children?: SupervisionNode[]; path?: { id: string; code: string; title: string; kind: string }[] };

export function useTask(id: string | null, asOf?: string) {
  return useQuery({
    queryKey: supervisionKeys.task(id ?? '', asOf),
    queryFn: async () => {
      const body = await api.get<TaskDetail | { task: TaskDetail }>(`${BASE}/tasks/${encodeURIComponent(id!)}${qs({ asOf })}`);
      return 'task' in body && body.task ? body.task : (body as TaskDetail);
    },
    enabled: !!id,
  });
}

export function useReports(taskId: string | null) {
  return useQuery({
    queryKey: supervisionKeys.reports(taskId ?? ''),
    queryFn: async () => listOf<ProgressReport>(await api.get(`${BASE}/tasks/${encodeURIComponent(taskId!)}/reports`), 'reports'),
    enabled: !!taskId,
  });
}

export function useLightHistory(taskId: string | null) {
  return useQuery({
    queryKey: ['supervision', 'light-history', taskId ?? ''] as const,
    queryFn: () => api.get<LightHistory>(`${BASE}/tasks/${encodeURIComponent(taskId!)}/light-history`),
    enabled: !!taskId,
  });
}

export function useClosures(taskId: string | null) {
  return useQuery({
    queryKey: supervisionKeys.closures(taskId ?? ''),
    queryFn: async () => listOf<ClosureRequest>(await api.get(`${BASE}/tasks/${encodeURIComponent(taskId!)}/closures`), 'closures'),
    enabled: !!taskId,
  });
}

export function useReminders(taskId?: string, enabled = true) {
  return useQuery({
    queryKey: supervisionKeys.reminders(taskId),
    queryFn: async () => listOf<Reminder>(await api.get(`${BASE}/reminders${qs({ taskId })}`), 'reminders'),
    enabled,
  });
}

export function useAccountability(taskId?: string, enabled = true) {
  return useQuery({
    queryKey: supervisionKeys.accountability(taskId),
    queryFn: async () => listOf<AccountabilityRecord>(await api.get(`${BASE}/accountability${qs({ taskId })}`), 'records'),
    enabled,
  });
}

/** 通报 of a period (a quarter, month, year or `from..to` range), with the unit rankings. */
export function useBulletin(period: string | null) {
  return useQuery({
    queryKey: supervisionKeys.bulletin(period ?? ''),
    queryFn: () => api.get<Bulletin>(`${BASE}/bulletin${qs({ period })}`),
    placeholderData: keepPreviousData,
    enabled: !!period,
  });
}

export const bulletinUrl = (period: string, format: 'docx' | 'xlsx') => `${BASE}/bulletin${qs({ period, format })}`;
export const evidenceUrl = (fileId: string) => `${BASE}/evidence/${encodeURIComponent(fileId)}`;

/** Every supervision action changes lights, counts and lists: refresh all of them. */
function useSupervisionMutation<V, R>(fn: (v: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSettled: () => void queryClient.invalidateQueries({ queryKey: supervisionKeys.all }),
  });
}

const task = (id: string) => `${BASE}/tasks/${encodeURIComponent(id)}`;

export const useImportPlan = () => useSupervisionMutation((_: void) => api.post<{ created: number }>(`${BASE}/import-plan`, {}));
export const useCreateNode = () => useSupervisionMutation((body: NodeCreateInput) => api.post<SupervisionNode>(`${BASE}/tasks`, body));
export const useUpdateNode = () => useSupervisionMutation(({ id, body }: { id: string; body: NodeUpdateInput }) => api.put<SupervisionNode>(task(id), body));
export const useDeleteNode = () => useSupervisionMutation(({ id, rowVersion }: { id: string; rowVersion: number }) => api.delete<void>(`${task(id)}?rowVersion=${rowVersion}`));
export const useAssign = () => useSupervisionMutation(({ id, body }: { id: string; body: AssignInput }) => api.post<SupervisionNode>(`${task(id)}/assign`, body));
export const useSign = () => useSupervisionMutation(({ id, rowVersion }: { id: string; rowVersion: number }) => api.post<SupervisionNode>(`${task(id)}/sign`, { rowVersion }));

export const useCreateReport = () =>
  useSupervisionMutation(({ taskId, body }: { taskId: string; body: ReportDraftInput }) => api.post<ProgressReport>(`${task(taskId)}/reports`, body));
export const useUpdateReport = () =>
  useSupervisionMutation(({ id, body }: { id: string; body: ReportUpdateInput }) => api.put<ProgressReport>(`${BASE}/reports/${encodeURIComponent(id)}`, body));
export const useReviewReport = () =>
  useSupervisionMutation(({ id, body }: { id: string; body: ReviewInput }) => api.post<ProgressReport>(`${BASE}/reports/${encodeURIComponent(id)}/review`, body));

export interface FileUpload {
  id: string;
  fileName: string;
  fileBase64: string;
}
export const useReportEvidence = () =>
  useSupervisionMutation(({ id, fileName, fileBase64 }: FileUpload) => api.post(`${BASE}/reports/${encodeURIComponent(id)}/evidence${qs({ filename: fileName })}`, { fileName, fileBase64 }));
export const useClosureEvidence = () =>
  useSupervisionMutation(({ id, fileName, fileBase64 }: FileUpload) => api.post(`${BASE}/closures/${encodeURIComponent(id)}/evidence${qs({ filename: fileName })}`, { fileName, fileBase64 }));

export const useRequestClosure = () =>
  useSupervisionMutation(({ taskId, body }: { taskId: string; body: ClosureRequestInput }) => api.post<ClosureRequest>(`${task(taskId)}/closure`, body));
export const useDecideClosure = () =>
  useSupervisionMutation(({ id, body }: { id: string; body: ClosureDecisionInput }) => api.post<ClosureRequest>(`${BASE}/closures/${encodeURIComponent(id)}/decide`, body));
export const useReopen = () => useSupervisionMutation(({ taskId, body }: { taskId: string; body: ReopenInput }) => api.post(`${task(taskId)}/reopen`, body));

export const useSendReminder = () => useSupervisionMutation((body: ReminderCreateInput) => api.post<Reminder>(`${BASE}/reminders`, body));
/** 一键催办 of many tasks (each to its assigned, else lead, unit); closed tasks are skipped. */
export const useBulkRemind = () =>
  useSupervisionMutation((body: { taskIds: string[]; message?: string }) => api.post<{ sent: unknown[]; escalations: unknown[]; skipped: unknown[] }>(`${BASE}/reminders/bulk`, body));
export const useReadReminder = () => useSupervisionMutation((id: string) => api.post(`${BASE}/reminders/${encodeURIComponent(id)}/read`, {}));
export const useCreateAccountability = () => useSupervisionMutation((body: AccountabilityCreateInput) => api.post<AccountabilityRecord>(`${BASE}/accountability`, body));
export const useUpdateAccountability = () =>
  useSupervisionMutation(({ id, body }: { id: string; body: AccountabilityUpdateInput }) => api.put<AccountabilityRecord>(`${BASE}/accountability/${encodeURIComponent(id)}`, body));
