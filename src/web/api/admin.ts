// 系统管理: users (admin) and the audit log viewer (admin, coordinator, leader).
import type { AuditEntryView } from '../../shared/audit';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Role } from '../../shared/roles';
import { api } from './client';
import type { CurrentUser } from './types';

export interface AdminUser extends CurrentUser {
  email: string | null;
  active: boolean;
  rowVersion: number;
  sessions?: number;
}

export interface NewUser {
  username: string;
  password: string;
  role: Role;
  orgCode?: string | null;
  displayName?: string;
  email?: string | null;
}

export interface UserEdit {
  rowVersion: number;
  displayName?: string;
  role?: Role;
  orgCode?: string | null;
  email?: string | null;
  active?: boolean;
}

export type AuditEntry = AuditEntryView;

export interface AuditFilter {
  entity?: string;
  entityId?: string;
  actor?: string;
  action?: string;
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
}

const usersKey = ['admin-users'] as const;

export function useUsers(enabled = true) {
  return useQuery({ queryKey: usersKey, queryFn: async () => (await api.get<{ users: AdminUser[] }>('/api/users')).users, enabled });
}

function useUserMutation<V, R>(fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSettled: () => void qc.invalidateQueries({ queryKey: usersKey }) });
}

export const useAddUser = () => useUserMutation((u: NewUser) => api.post<{ user: AdminUser }>('/api/users', u));
export const useEditUser = () => useUserMutation(({ id, edit }: { id: string; edit: UserEdit }) => api.patch<{ user: AdminUser }>(`/api/users/${encodeURIComponent(id)}`, edit));
export const useResetPassword = () =>
  useUserMutation(({ id, rowVersion }: { id: string; rowVersion: number }) =>
    api.post<{ password: string | null; rowVersion: number }>(`/api/users/${encodeURIComponent(id)}/reset-password`, { rowVersion }));
export const useEndSessions = () => useUserMutation((id: string) => api.post<{ ended: number }>(`/api/users/${encodeURIComponent(id)}/end-sessions`));

export function useAuditLog(filter: AuditFilter) {
  const qs = new URLSearchParams(Object.entries(filter).filter(([, v]) => v !== undefined && v !== '').map(([k, v]) => [k, String(v)]));
  return useQuery({
    queryKey: ['audit', qs.toString()],
    queryFn: () => api.get<{ entries: AuditEntry[]; total: number; page: number; pageSize: number }>(`/api/audit?${qs.toString()}`),
    placeholderData: keepPreviousData,
  });
}
