// The records behind a cockpit figure: the enterprises of a county, plan industry or SEI category with
// their figure of the period (the last step of target → county → enterprise list), and one enterprise's
// month-by-month figures (the enterprise page). A reader sees the enterprises their role may read
// (canReadValues); single-enterprise figures are shown only to readers the confidentiality rule lets
// see them (statistician, coordinator, leader, admin) or to the enterprise's own county / itself.
import type { EnterpriseFigureRow, EnterpriseFigures, EnterprisePage } from '../../shared/cockpit';
import { AppError, notFound } from '../app-error';
import { readsEnterprise, seesEnterpriseFigures } from '../confidentiality/suppression';
import { authorize, type Actor } from '../policy';
import type { Deps } from '../ports';
import { constituents } from '../statistics/aggregate-queries';
import { canReadValues } from '../statistics/context';
import { divisionMapping, vintageOf } from '../statistics/divisions';
import { indicatorMap } from '../statistics/lookup';
import { normalizePeriod } from '../statistics/periods';
import { PENDING_KEY, NO_KEY } from '../../shared/statistics';

export const ENTERPRISE_LIST_MAX = 200;

export async function listEnterpriseFigures(deps: Deps, actor: Actor, q: { period?: string; indicator?: string; county?: string; industry?: string; sei?: string }): Promise<EnterpriseFigures> {
  authorize(actor, 'read', 'datavalue');
  const period = normalizePeriod(q.period ?? '');
  if (!period) throw new AppError('VALIDATION', { zh: `期间格式有误：${q.period ?? ''}`, en: `invalid period "${q.period ?? ''}"` }, [{ path: 'period', message: 'invalid period' }]);
  const st = deps.store.statistics;
  const inds = await indicatorMap(st);
  const ind = inds.get(q.indicator ?? 'REVENUE');
  if (!ind || ind.level !== 'enterprise') throw new AppError('VALIDATION', { zh: `${q.indicator} 不是企业填报指标`, en: `${q.indicator} is not an enterprise indicator` });
  const mapping = divisionMapping(await st.divisions(), vintageOf(period));
  const orgs = [...(await st.orgInfos()).values()].filter((o) => o.kind === 'enterprise' && o.active && canReadValues(actor, o)
    && (!q.county || (mapping.map(o.countyCode ?? NO_KEY)?.key ?? o.countyCode ?? NO_KEY) === q.county)
    && (!q.industry || (o.industryCode ?? NO_KEY) === q.industry)
    && (!q.sei || (o.seiL1 ? (o.seiCounted ? o.seiL1 : PENDING_KEY) : NO_KEY) === q.sei));
  const c = constituents(ind, period);
  const values = await st.valuesOf({ orgIds: orgs.map((o) => o.orgId), indicatorCodes: [ind.code], periods: [...new Set([c.direct, ...c.parts])] });
  const byOrg = new Map<string, Map<string, number>>();
  for (const v of values) { let m = byOrg.get(v.orgId); if (!m) byOrg.set(v.orgId, (m = new Map())); m.set(v.period, v.value); }
  const sees = seesEnterpriseFigures(actor);
  const items: EnterpriseFigureRow[] = orgs.map((o) => {
    const m = byOrg.get(o.orgId);
    let v = m?.get(c.direct);
    if (v === undefined && m) {
      const have = c.parts.map((p) => m.get(p)).filter((x): x is number => x !== undefined);
      if (have.length) v = c.combine === 'last' ? have[have.length - 1] : have.reduce((a, b) => a + b, 0) / (c.combine === 'average' ? c.parts.length : 1);
    }
    const visible = sees || readsEnterprise(actor, { orgId: o.orgId, countyOrgId: o.countyOrgId });
    return { orgId: o.orgId, code: o.code, name: o.name, countyCode: o.countyCode, industryCode: o.industryCode, seiL1: o.seiL1, value: visible ? (v ?? null) : null };
  });
  items.sort((a, b) => (b.value ?? -Infinity) - (a.value ?? -Infinity) || a.code.localeCompare(b.code));
  const shown = items.slice(0, ENTERPRISE_LIST_MAX);
  return { indicator: ind.code, period, items: shown, total: items.length, truncated: items.length > shown.length ? { shown: shown.length, total: items.length } : null, figuresHidden: !sees && items.some((i) => i.value === null) };
}

const PAGE_INDICATORS = ['REVENUE', 'VALUE_ADDED', 'PROFIT', 'RD_EXPENDITURE', 'EXPORT_DELIVERY', 'EMPLOYEES'];

export async function getEnterprisePage(deps: Deps, actor: Actor, idOrCode: string, year: number): Promise<EnterprisePage> {
  const st = deps.store.statistics;
  const e = await st.enterprises.get(idOrCode);
  const org = e && [...(await st.orgInfos()).values()].find((o) => o.orgId === e.orgId);
  if (!e || !org) throw notFound({ zh: '企业', en: 'enterprise' }, idOrCode);
  if (!canReadValues(actor, org)) throw new AppError('FORBIDDEN', { zh: '无权查看该企业的数据', en: 'you may not read this enterprise\'s figures' });
  if (!seesEnterpriseFigures(actor) && !readsEnterprise(actor, { orgId: org.orgId, countyOrgId: org.countyOrgId })) throw new AppError('FORBIDDEN', { zh: '单个企业数据保密', en: 'single-enterprise figures are confidential' });
  const inds = await indicatorMap(st);
  const indicators = PAGE_INDICATORS.map((c) => inds.get(c)).filter((i) => !!i).map((i) => ({ code: i.code, name: i.name, nameEn: i.nameEn, unit: i.unit }));
  const values = await st.valuesOf({ orgIds: [e.orgId], indicatorCodes: indicators.map((i) => i.code), fromPeriod: `${year}01`, toPeriod: `${year}12` });
  const months = Array.from({ length: 12 }, (_, i) => `${year}${String(i + 1).padStart(2, '0')}`).map((period) => ({
    period, values: Object.fromEntries(indicators.map((i) => [i.code, values.find((v) => v.period === period && v.indicatorCode === i.code)?.value ?? null])),
  }));
  return { orgId: e.orgId, code: e.uscc, name: e.name, countyCode: e.county.code, countyName: e.county.name, industryCode: e.planIndustryCode, seiL1: e.sei.l1, year, indicators, months };
}
