// Server state of 领导小组审议 (issue 11): items, meetings, decisions, follow-ups and funds. Routes: docs/review.md.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { FileRef, FundsOverview, Meeting, ReviewItem, ReviewItemDetail } from '../../shared/review';
import { api } from './client';

const BASE = '/api/review';
export const reviewKeys = { all: ['review'] as const };

export const useReviewItems = () => useQuery({ queryKey: ['review', 'items'], queryFn: async () => (await api.get<{ items: ReviewItem[] }>(`${BASE}/items`)).items });
export const useReviewItem = (id: string) => useQuery({ queryKey: ['review', 'item', id], queryFn: () => api.get<ReviewItemDetail>(`${BASE}/items/${id}`) });
export const useMeetings = () => useQuery({ queryKey: ['review', 'meetings'], queryFn: async () => (await api.get<{ meetings: Meeting[] }>(`${BASE}/meetings`)).meetings });
export const useMeeting = (id: string) => useQuery({ queryKey: ['review', 'meeting', id], queryFn: () => api.get<Meeting>(`${BASE}/meetings/${id}`) });
export const useFunds = (asOf: string) => useQuery({ queryKey: ['review', 'funds', asOf], queryFn: () => api.get<FundsOverview>(`${BASE}/funds?asOf=${asOf}`) });
export const useReviewMe = () => useQuery({ queryKey: ['review', 'me'], queryFn: () => api.get<{ secretary: boolean; canDecide: boolean }>(`${BASE}/me`) });

/** One mutation per action; every success refreshes the review queries. */
export function useReviewAction<I, O = unknown>(method: 'post' | 'put', path: (i: I) => string, body: (i: I) => unknown = (i) => i) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (i: I) => (method === 'post' ? api.post<O>(path(i), body(i)) : api.put<O>(path(i), body(i))),
    onSettled: () => qc.invalidateQueries({ queryKey: reviewKeys.all }),
  });
}

export const minutesUrl = (meetingId: string) => `${BASE}/meetings/${meetingId}/minutes.docx`;
export const fileUrl = (fileId: string) => `${BASE}/files/${fileId}`;

/** Files go up as JSON {fileName, fileBase64} (the route also takes a raw body); one call per file. */
export function useReviewUpload() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ path, fileName, fileBase64 }: { path: string; fileName: string; fileBase64: string }) =>
      api.post<FileRef>(`${path}?filename=${encodeURIComponent(fileName)}`, { fileName, fileBase64 }),
    onSettled: () => qc.invalidateQueries({ queryKey: reviewKeys.all }),
  });
}
export const itemFilesPath = (itemId: string) => `${BASE}/items/${itemId}/files`;
export const disbursementFilesPath = (disbursementId: string) => `${BASE}/disbursements/${disbursementId}/files`;
