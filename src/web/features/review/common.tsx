// Pieces of the review pages: labels in the UI language, the light tag, and one way to report a failed
// action (a 409 says the record changed and reloads it).
import { useQueryClient } from '@tanstack/react-query';
import { App, Tag } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { DECISION_LABELS, ITEM_STATUS_LABELS, REVIEW_TYPE_LABELS, type Decision, type ItemStatus, type Light, type ReviewItem, type ReviewType } from '../../../shared/review';
import { ApiError } from '../../api/client';
import { useMe } from '../../api/hooks';
import { reviewKeys } from '../../api/review';

export function useLabels() {
  const { i18n } = useTranslation();
  const en = i18n.language === 'en';
  return {
    type: (t: ReviewType) => (en ? REVIEW_TYPE_LABELS[t].en : REVIEW_TYPE_LABELS[t].zh),
    status: (s: ItemStatus) => (en ? ITEM_STATUS_LABELS[s].en : ITEM_STATUS_LABELS[s].zh),
    decision: (d: Decision | null) => (d ? (en ? DECISION_LABELS[d].en : DECISION_LABELS[d].zh) : ''),
  };
}

export function LightTag({ light }: { light: Light | null }) {
  const { t } = useTranslation();
  if (!light) return <Tag>{t('review.lights.none')}</Tag>;
  return <Tag color={light === 'green' ? 'success' : light === 'yellow' ? 'warning' : 'error'} data-testid={`light-${light}`}>{t(`review.lights.${light}`)}</Tag>;
}

/** What the signed-in user may do, from the policy table the server sends ('own' = the item's unit only).
 * The API refuses the same actions anyway; this only hides what would be refused. */
export function useReviewAccess() {
  const me = useMe();
  const p = me.data?.permissions;
  const orgCode = me.data?.user.org?.code ?? null;
  const scoped = (scope: 'all' | 'own' | undefined, unitCode: string) => scope === 'all' || (scope === 'own' && unitCode === orgCode);
  return {
    orgCode,
    /** Drafting is open to any unit in its own name ('own') or to the office for any unit ('all'). */
    create: p?.review_item?.create,
    schedule: !!p?.review_meeting?.create,
    followUp: !!p?.review_meeting?.update && !!p?.supervision_task?.create,
    funds: !!p?.review_fund?.update,
    editItem: (item: Pick<ReviewItem, 'submittingOrg'>) => scoped(p?.review_item?.update, item.submittingOrg.code),
    pay: (item: Pick<ReviewItem, 'submittingOrg'>) => scoped(p?.review_fund?.create, item.submittingOrg.code),
  };
}

export function useFailure() {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const { t } = useTranslation();
  return useCallback((err: unknown) => {
    if (err instanceof ApiError && err.status === 409) {
      void qc.invalidateQueries({ queryKey: reviewKeys.all });
      void message.error(`${err.message} — ${t('review.stale')}`);
      return;
    }
    void message.error(err instanceof Error ? err.message : String(err));
  }, [message, qc, t]);
}

export const wan = (x: number | null | undefined) => (x == null ? '—' : x.toLocaleString());
export const pct = (x: number | null | undefined) => (x == null ? '—' : `${x.toFixed(1)}%`);
