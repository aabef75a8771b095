// Pieces every supervision view uses: what the signed-in user may do (from /api/me; the API scopes the
// data, the UI only hides actions), the light tag with its reasons and figures, the task drawer's place
// in the URL (?task=<id>, so any list links to a task), and one way to report a failed action (a 409
// says the record changed and reloads it).
import { useQueryClient } from '@tanstack/react-query';
import { App, Space, Tag, Tooltip, Typography } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { LightReason, LightResult, TaskLight } from '../../../shared/supervision';
import { ApiError } from '../../api/client';
import { useMe } from '../../api/hooks';
import { supervisionKeys } from '../../api/supervision';

export const LIGHT_COLORS: Record<TaskLight, string> = { green: 'success', yellow: 'warning', red: 'error', closed: 'default' };
export const LIGHT_HEX: Record<TaskLight, string> = { green: '#52c41a', yellow: '#faad14', red: '#f5222d', closed: '#8c8c8c' };

export interface SupervisionAccess {
  ready: boolean;
  /** The coordinator: decomposes, assigns, reviews, closes. */
  coordinate: boolean;
  sign: boolean;
  report: boolean;
  review: boolean;
  requestClosure: boolean;
  decideClosure: boolean;
  reopen: boolean;
  remind: boolean;
  readReminders: boolean;
  accountability: boolean;
  readAccountability: boolean;
  orgCode: string | null;
  username: string | null;
}

export function useSupervisionAccess(): SupervisionAccess {
  const me = useMe();
  const p = me.data?.permissions ?? {};
  return {
    ready: !!me.data,
    coordinate: !!p.supervision_task?.update,
    sign: !!p.supervision_task?.approve,
    report: !!p.progress_report?.create,
    review: !!p.progress_report?.approve,
    requestClosure: !!p.closure?.create,
    decideClosure: !!p.closure?.approve,
    reopen: !!p.closure?.decide,
    remind: !!p.reminder?.create,
    readReminders: !!p.reminder?.read,
    accountability: !!p.accountability?.create,
    readAccountability: !!p.accountability?.read,
    orgCode: me.data?.user.org?.code ?? null,
    username: me.data?.user.username ?? null,
  };
}

export function usePick() {
  const { i18n } = useTranslation();
  return (l: { zh: string; en: string }) => (i18n.language === 'en' ? l.en : l.zh);
}

const fmt = (n: number) => (Math.round(n * 10) / 10).toFixed(1);

/** The light with its reasons, and the figures behind it in the tooltip (and for screen readers). */
export function LightTag({ light, missedReports, dueOn, percentDone, compact }: { light: LightResult; missedReports: number; dueOn: string; percentDone: number; compact?: boolean }) {
  const { t } = useTranslation();
  const reasons = light.reasons.map((r: LightReason) => t(`supervision.reasons.${r}`));
  const figures = t('supervision.lightFigures', { elapsed: fmt(light.timeElapsedPct), done: fmt(percentDone), lag: fmt(light.lagPoints), missed: missedReports, due: dueOn });
  const title = (
    <div>
      <div>{reasons.length ? reasons.join('；') : t('supervision.onSchedule')}</div>
      <div>{figures}</div>
    </div>
  );
  return (
    <Tooltip title={title}>
      <Space size={2} direction={compact ? 'horizontal' : 'vertical'} data-testid="light" data-light={light.light} aria-label={`${t(`supervision.lights.${light.light}`)}：${figures}`}>
        <Tag color={LIGHT_COLORS[light.light]} style={{ marginInlineEnd: 0 }}>{t(`supervision.lights.${light.light}`)}</Tag>
        {!compact && reasons.length > 0 && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{reasons.join('、')}</Typography.Text>}
      </Space>
    </Tooltip>
  );
}

/** The figures of a light in one line (the drawer shows them in full). */
export function LightFigures({ light, missedReports, dueOn, percentDone }: { light: LightResult; missedReports: number; dueOn: string; percentDone: number }) {
  const { t } = useTranslation();
  return (
    <Typography.Text type="secondary" data-testid="light-figures">
      {t('supervision.lightFigures', { elapsed: fmt(light.timeElapsedPct), done: fmt(percentDone), lag: fmt(light.lagPoints), missed: missedReports, due: dueOn })}
    </Typography.Text>
  );
}

/** The open task (?task=<id>) and how to open or close it, keeping the other parameters. */
export function useTaskParam(): [string | null, (id: string | null) => void] {
  const [params, setParams] = useSearchParams();
  const open = useCallback(
    (id: string | null) =>
      setParams((prev) => {
        const next = new URLSearchParams(prev);
        if (id) next.set('task', id);
        else next.delete('task');
        return next;
      }),
    [setParams],
  );
  return [params.get('task'), open];
}

/** Runs an action; success and failure show as messages. A stale save (409) reloads the data. */
export function useRunAction() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  return async (action: () => Promise<unknown>, done?: string): Promise<boolean> => {
    try {
      await action();
      if (done) void message.success(done);
      return true;
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) {
        void message.warning({ content: `${t('supervision.stale')}（${err.message}）`, key: 'stale', duration: 6 });
        void queryClient.invalidateQueries({ queryKey: supervisionKeys.all });
      } else {
        const issues = err instanceof ApiError && err.issues.length ? `：${err.issues.map((i) => `${i.path} ${i.message}`).join('；')}` : '';
        void message.error(`${err instanceof Error ? err.message : String(err)}${issues}`);
      }
      return false;
    }
  };
}

/** The period containing a date: a month 201903 or a quarter 2019Q1 (as the server counts them). */
export function periodOf(iso: string, cycle: 'monthly' | 'quarterly'): string {
  const y = iso.slice(0, 4);
  const m = Number(iso.slice(5, 7));
  return cycle === 'monthly' ? `${y}${String(m).padStart(2, '0')}` : `${y}Q${Math.ceil(m / 3)}`;
}

export const pct = (n: number) => `${fmt(n)}%`;
