// 发布: the coordinator puts one item on the public page — the targets as of a period, or one indicator's
// city or county aggregates for a period. The item is checked (the indicator exists and is a statistic,
// not a registry count), stored once (publishing it again is a CONFLICT), audited.
import { PublicationCreateSchema, type Publication } from '../../shared/publication';
import { AppError, notFound } from '../app-error';
import { newId } from '../ids';
import { parseInput } from '../parse-input';
import { authorize, type Actor } from '../policy';
import type { Deps } from '../ports';
import { indicatorMap } from '../statistics/lookup';
import { actorId, actorName, defaultTitle, withNames } from './common';

export async function publish(deps: Deps, actor: Actor | null, raw: unknown, now: Date): Promise<Publication> {
  if (actor) authorize(actor, 'create', 'publication');
  const input = parseInput(PublicationCreateSchema, raw);
  const item = input.kind === 'targets'
    ? { kind: 'targets' as const, indicatorCode: null, dim: null, period: input.period }
    : { kind: 'aggregate' as const, indicatorCode: input.indicatorCode, dim: input.dim, period: input.period };
  let indicatorName: string | null = null;
  if (item.indicatorCode) {
    const ind = (await indicatorMap(deps.store.statistics)).get(item.indicatorCode);
    if (!ind) throw notFound({ zh: '指标', en: 'indicator' }, item.indicatorCode);
    if (ind.formula?.kind === 'count') {
      throw new AppError('VALIDATION', { zh: `${ind.name} 由名录计数，不是统计汇总，请发布“目标完成情况”`, en: `${ind.code} is counted from a registry, not aggregated: publish the targets instead` },
        [{ path: 'indicatorCode', field: 'indicatorCode', message: 'registry count' }]);
    }
    indicatorName = ind.name;
  }
  return deps.store.transaction(async (tx) => {
    if (await tx.publication.find(item)) {
      throw new AppError('CONFLICT', { zh: `该内容已发布：${item.kind === 'targets' ? '目标完成情况' : `${indicatorName} ${item.dim}`} ${item.period}`, en: `already published: ${item.kind} ${item.indicatorCode ?? ''} ${item.dim ?? ''} ${item.period}` });
    }
    const id = newId();
    await tx.publication.insert({ id, ...item, title: input.title || defaultTitle(item, indicatorName), publishedBy: actorName(actor), createdAt: now.toISOString() });
    const [rec] = await withNames({ ...deps, store: tx }, [(await tx.publication.get(id))!]);
    await tx.audit.write({ actorId: actorId(actor), actorName: actorName(actor), action: 'create', entity: 'publication', entityId: id, after: rec });
    return rec!;
  });
}
