// The current user's notifications: the header bell's unread count (polled) and the list.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { NotificationView } from '../../shared/notifications';
import { api } from './client';

/** A notification as the list shows it: the API's answer, shared with the server. */
export type NotificationItem = NotificationView;

const key = ['notifications'] as const;

export function useUnreadCount() {
  return useQuery({
    queryKey: [...key, 'unread'],
    queryFn: async () => (await api.get<{ unread: number }>('/api/notifications/unread-count')).unread,
    refetchInterval: 60_000,
  });
}

export function useNotifications(open: boolean) {
  return useQuery({
    queryKey: [...key, 'list'],
    queryFn: () => api.get<{ items: NotificationItem[]; total: number; unread: number }>('/api/notifications?pageSize=50'),
    enabled: open,
  });
}

export function useMarkRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string | 'all') => (id === 'all' ? api.post('/api/notifications/read-all') : api.post(`/api/notifications/${encodeURIComponent(id)}/read`)),
    onSettled: () => void qc.invalidateQueries({ queryKey: key }),
  });
}
