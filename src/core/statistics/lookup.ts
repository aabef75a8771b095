// Small lookups the statistics use-cases share.
import type { Indicator } from '../../shared/statistics';
import { AppError, notFound } from '../app-error';
import type { Actor } from '../policy';
import { canReadValues } from './context';
import { parsePeriod } from './periods';
import type { Dataset, OrgInfo, StatisticsStore } from './ports';

export async function findDataset(store: StatisticsStore, code: string): Promise<Dataset> {
  const ds = (await store.datasets()).find((d) => d.code === code);
  if (!ds) throw notFound({ zh: '数据集', en: 'data set' }, code);
  return ds;
}

export async function findOrg(store: StatisticsStore, code: string): Promise<OrgInfo> {
  const org = (await store.orgInfos()).get(code.trim().toUpperCase()) ?? (await store.orgInfos()).get(code.trim());
  if (!org) throw notFound({ zh: '组织', en: 'organisation' }, code);
  return org;
}

export async function indicatorMap(store: StatisticsStore): Promise<Map<string, Indicator>> {
  return new Map((await store.indicators()).map((i) => [i.code, i]));
}

export function checkPeriodFor(ds: Dataset, period: string): void {
  const p = parsePeriod(period);
  if (!p || p.kind !== ds.frequency) {
    throw new AppError('VALIDATION', {
      zh: `期间 ${period} 与数据集「${ds.name}」的频率不符（${ds.frequency === 'month' ? '如 202012' : ds.frequency === 'quarter' ? '如 2020Q4' : '如 2020'}）`,
      en: `period ${period} does not fit data set ${ds.code} (${ds.frequency})`,
    });
  }
}

export function checkOrgFor(ds: Dataset, org: OrgInfo): void {
  const ok = ds.orgKind === 'enterprise' ? org.kind === 'enterprise' : ['city', 'county', 'zone'].includes(org.kind);
  if (!ok) throw new AppError('VALIDATION', { zh: `「${org.name}」不填报数据集「${ds.name}」`, en: `${org.code} does not report data set ${ds.code}` });
}

/** Reading an organisation's values needs the read grant on it ('own' for counties and enterprises). */
export function assertCanRead(actor: Actor | null, org: OrgInfo): void {
  if (!canReadValues(actor, org)) {
    throw new AppError('FORBIDDEN', { zh: `无权查看「${org.name}」的数据`, en: `you may not read the data of ${org.code}` });
  }
}
