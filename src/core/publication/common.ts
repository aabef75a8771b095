// Shared by the publication use-cases: who acts, the record in words, the stale-version refusal, the
// indicator names, and the reader the public figures are computed for.
import type { Publication } from '../../shared/publication';
import { AppError } from '../app-error';
import type { Actor } from '../policy';
import type { Deps } from '../ports';
import { indicatorMap } from '../statistics/lookup';
import type { StoredPublication } from './ports';

export const LABEL = { zh: '公开发布记录', en: 'publication' };
export const actorName = (actor: Actor | null): string => actor?.username ?? 'cli';
export const actorId = (actor: Actor | null): string | null => actor?.userId ?? null;

export const stale = (id: string) =>
  new AppError('CONFLICT', { zh: `${LABEL.zh}已被他人修改或撤回，请刷新后重试：${id}`, en: `the ${LABEL.en} was changed or withdrawn by someone else; reload and retry: ${id}` });

/**
 * The public has no organisation and may see no single enterprise: the figures are computed for the most
 * restricted reader there is — an enterprise role with no enterprise — so the confidentiality rule applies
 * to every cell and none is exempt (src/core/confidentiality/suppression.ts `readsEnterprise`).
 */
export const PUBLIC_READER: Actor = { userId: 'public', username: 'public', role: 'enterprise', orgId: null };

/** Indicator names beside the codes (pass the transaction's store inside a transaction: SQLite has one writer). */
export async function withNames(deps: Deps, list: StoredPublication[]): Promise<Publication[]> {
  const names = await indicatorMap(deps.store.statistics);
  return list.map((p) => ({ ...p, indicatorName: p.indicatorCode ? (names.get(p.indicatorCode)?.name ?? p.indicatorCode) : null }));
}

export const defaultTitle = (p: { kind: string; period: string; dim?: string | null }, indicatorName: string | null): string =>
  p.kind === 'targets' ? `行动计划目标完成情况（${p.period}）` : `${indicatorName ?? ''}${p.dim === 'county' ? '分县（市、区）' : '全市'}（${p.period}）`;
