// Server state through TanStack Query. Query keys are listed once in `queryKeys`.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { PlanDetail } from '../../shared/plan';
import { api, ApiError, setCsrfToken } from './client';
import type { AppInfo, Credentials, LoginResponse, Me, OrganizationsResponse, PlansResponse } from './types';

export const queryKeys = {
  me: ['me'] as const,
  appInfo: ['app-info'] as const,
  plans: ['plans'] as const,
  plan: (id: string) => ['plans', id] as const,
  organizations: ['organizations'] as const,
};

export function useMe() {
  return useQuery({
    queryKey: queryKeys.me,
    // The session probe answers 200 with {user: null} when nobody is logged in, so the login page logs
    // no failed request; RequireAuth still sees the usual 401 error and sends the user to /login.
    queryFn: async () => {
      const me = await api.get<Me | { user: null }>('/api/session');
      if (!me.user) throw new ApiError(401, 'UNAUTHENTICATED', 'not logged in');
      setCsrfToken(me.csrfToken);
      return me;
    },
    staleTime: 60_000,
  });
}

export function useAppInfo() {
  return useQuery({ queryKey: queryKeys.appInfo, queryFn: () => api.get<AppInfo>('/api/app-info'), staleTime: Infinity });
}

export function usePlans() {
  return useQuery({
    queryKey: queryKeys.plans,
    queryFn: async () => (await api.get<PlansResponse>('/api/plans')).plans,
  });
}

/** `id` is a plan id or "default". */
export function usePlan(id = 'default') {
  return useQuery({
    queryKey: queryKeys.plan(id),
    queryFn: () => api.get<PlanDetail>(`/api/plans/${encodeURIComponent(id)}`),
    staleTime: 5 * 60_000,
  });
}

export function useOrganizations() {
  return useQuery({
    queryKey: queryKeys.organizations,
    queryFn: async () => (await api.get<OrganizationsResponse>('/api/organizations')).organizations,
    staleTime: 5 * 60_000,
  });
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (credentials: Credentials) => api.post<LoginResponse>('/api/auth/login', credentials),
    onSuccess: (res) => {
      setCsrfToken(res.csrfToken);
      // Nothing cached for a previous user may survive a login.
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== queryKeys.appInfo[0] });
    },
  });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<{ ok: boolean }>('/api/auth/logout'),
    onSettled: () => {
      setCsrfToken(null);
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== queryKeys.appInfo[0] });
    },
  });
}
