// Enterprise registry use-cases: classification from the GB/T 4754-2017 class, create, update (with
// history in the audit log and aggregates moved when a dimension changes), list and search.
import { EnterpriseInput, EnterprisePatch, type Classification, type Enterprise, type EnterpriseInputT } from '../../shared/statistics';
import { AppError, notFound } from '../app-error';
import { newId } from '../ids';
import { parseInput } from '../parse-input';
import { authorize, type Actor } from '../policy';
import type { Deps, Store } from '../ports';
import { contributionTargets, contributionsOf, DeltaAccumulator } from './aggregates';
import type { EnterpriseFilter, EnterpriseRow, OrgInfo } from './ports';
import { USCC_PROBLEM_TEXT, usccProblem } from './uscc';

export type { Classification };

export async function classifyIndustry(store: Store, industryCode: string, planIndustryCode?: string | null): Promise<Classification> {
  const st = store.statistics;
  const name = await st.enterprises.industryClassName(industryCode);
  if (!name) throw new AppError('VALIDATION', { zh: `国民经济行业分类代码不存在：${industryCode}`, en: `unknown GB/T 4754-2017 class ${industryCode}` }, [{ path: 'industryCode', message: `unknown class ${industryCode}`, field: 'industryCode', value: industryCode }]);
  // One class can map to several sub-categories of the same SEI category (新材料 has no level 2): list each category once.
  const seen = new Set<string>();
  const categories = (await st.enterprises.seiMapping(industryCode)).filter((c) => {
    const key = `${c.seiL1}|${c.seiL2 ?? ''}|${c.partial}`;
    return !seen.has(key) && seen.add(key) !== undefined;
  });
  const industries = await st.enterprises.planIndustries();
  const fits = (ind: { seiCategories: string[] }, c: { seiL1: string; seiL2: string | null }) =>
    c.seiL2 ? ind.seiCategories.includes(c.seiL2) : ind.seiCategories.some((x) => x.startsWith(`${c.seiL1}.`));
  const wanted = planIndustryCode ? industries.find((i) => i.code === planIndustryCode) : undefined;
  if (planIndustryCode && !wanted) throw new AppError('VALIDATION', { zh: `重点领域不存在：${planIndustryCode}`, en: `unknown plan industry ${planIndustryCode}` });
  const ordered = [...categories].sort((a, b) => Number(a.partial) - Number(b.partial));
  const chosen = (wanted ? ordered.find((c) => fits(wanted, c)) : undefined) ?? ordered.find((c) => industries.some((i) => fits(i, c))) ?? ordered[0] ?? null;
  const plan = wanted?.code ?? (chosen ? (industries.find((i) => fits(i, chosen))?.code ?? null) : null);
  const partial = categories.length > 0 && categories.every((c) => c.partial);
  return { industryCode, industryName: name, categories, seiL1: chosen?.seiL1 ?? null, seiL2: chosen?.seiL2 ?? null, partial, needsConfirmation: partial, planIndustryCode: plan };
}

async function countyOf(store: Store, code: string): Promise<OrgInfo> {
  const org = (await store.statistics.orgInfos()).get(code);
  if (!org || !['county', 'zone'].includes(org.kind)) throw new AppError('VALIDATION', { zh: `县市区代码不存在：${code}`, en: `unknown county code ${code}` }, [{ path: 'countyCode', message: `unknown county ${code}`, field: 'countyCode', value: code }]);
  return org;
}

function checkUscc(uscc: string): string {
  const code = uscc.trim().toUpperCase();
  const problem = usccProblem(code);
  if (problem) throw new AppError('VALIDATION', { zh: `${USCC_PROBLEM_TEXT[problem].zh}：${code}`, en: `${USCC_PROBLEM_TEXT[problem].en}: ${code}` }, [{ path: 'uscc', field: 'uscc', value: uscc, message: USCC_PROBLEM_TEXT[problem].zh, reason: USCC_PROBLEM_TEXT[problem].zh, reasonEn: USCC_PROBLEM_TEXT[problem].en }]);
  return code;
}

/**
 * The park an enterprise names, by registry id or exact name, as its id; it must lie in the enterprise's
 * county (a park registered without a county fits any). Park aggregates count enterprises by this id.
 */
async function parkOf(store: Store, raw: string | null | undefined, county: OrgInfo): Promise<string | null> {
  const key = raw?.trim();
  if (!key) return null;
  const parks = store.registries.parks;
  const park = (await parks.get(key)) ?? (await parks.findByName(key));
  const fail = (zh: string, en: string) => new AppError('VALIDATION', { zh, en }, [{ path: 'parkCode', field: 'parkCode', value: raw, message: zh, reason: zh, reasonEn: en }]);
  if (!park) throw fail(`园区/基地不存在：${key}（请先在园区/基地名录中登记）`, `unknown park ${key} (register it in the parks registry first)`);
  if (park.countyOrgId && park.countyOrgId !== county.orgId) {
    throw fail(`园区「${park.name}」位于${park.countyName ?? '其他县市区'}，不在企业所在的${county.name}`, `park ${park.name} is in ${park.countyName ?? 'another county'}, not in the enterprise's county ${county.name}`);
  }
  return park.id;
}

async function toRow(store: Store, orgId: string, input: EnterpriseInputT, demo: boolean): Promise<EnterpriseRow> {
  const uscc = checkUscc(input.uscc);
  const county = await countyOf(store, input.countyCode);
  const cls = input.industryCode ? await classifyIndustry(store, input.industryCode, input.planIndustryCode) : null;
  const parkCode = await parkOf(store, input.parkCode, county);
  return {
    orgId, uscc, name: input.name, countyOrgId: county.orgId, parkCode, industryCode: input.industryCode ?? null,
    seiL1: cls?.seiL1 ?? null, seiL2: cls?.seiL2 ?? null, seiPartial: cls?.partial ?? false, seiConfirmed: cls?.partial ? input.seiConfirmed : false,
    planIndustryCode: cls?.planIndustryCode ?? input.planIndustryCode ?? null, tier: input.tier, aboveScale: input.aboveScale, highTech: input.highTech,
    active: input.active, demo,
  };
}

/** Moves an enterprise's contributions to the aggregates when its dimensions change. */
async function moveAggregates(store: Store, orgId: string, before: OrgInfo | undefined, after: OrgInfo | undefined): Promise<void> {
  const st = store.statistics;
  const values = await st.valuesOf({ orgIds: [orgId] });
  if (!values.length) return;
  const targets = contributionTargets(await st.indicators());
  const acc = new DeltaAccumulator();
  if (before) contributionsOf(values, new Map([[orgId, before]]), targets, -1, acc);
  if (after) contributionsOf(values, new Map([[orgId, after]]), targets, 1, acc);
  await st.applyAggregateDeltas(acc.result());
}

const dimsKey = (o: OrgInfo | undefined) => (o ? [o.countyCode, o.parkCode, o.industryCode, o.seiL1, o.seiCounted].join('|') : '');

export async function createEnterprise(deps: Deps, actor: Actor | null, raw: unknown, now: Date, opts: { demo?: boolean } = {}): Promise<Enterprise> {
  const input = parseInput(EnterpriseInput, raw);
  return deps.store.transaction(async (tx) => {
    const county = await countyOf(tx, input.countyCode);
    if (actor) authorize(actor, 'create', 'enterprise', actor.role === 'county' ? county.orgId : undefined);
    const row = await toRow(tx, newId(now.getTime()), input, opts.demo ?? false);
    if ((await tx.statistics.orgInfos()).has(row.uscc)) throw new AppError('CONFLICT', { zh: `统一社会信用代码已登记：${row.uscc}`, en: `already registered: ${row.uscc}` });
    await tx.statistics.enterprises.insert({ ...row, countyCode: input.countyCode }, now.toISOString());
    await tx.audit.write({ actorId: actor?.userId ?? null, actorName: actor?.username ?? 'cli', action: 'create', entity: 'enterprise', entityId: row.orgId, after: row });
    return (await tx.statistics.enterprises.get(row.orgId))!;
  });
}

export async function updateEnterprise(deps: Deps, actor: Actor | null, orgId: string, raw: unknown, now: Date): Promise<Enterprise> {
  const patch = parseInput(EnterprisePatch, raw);
  return deps.store.transaction(async (tx) => {
    const st = tx.statistics;
    const current = await st.enterprises.get(orgId);
    const currentRaw = await st.enterprises.raw(orgId);
    if (!current || !currentRaw) throw notFound({ zh: '企业', en: 'enterprise' }, orgId);
    if (actor) authorize(actor, 'update', 'enterprise', actor.role === 'county' ? currentRaw.countyOrgId : orgId);
    // Sending back the unchanged code or county is fine; changing either is the registry keepers' job.
    const changesIdentity =
      (patch.countyCode !== undefined && patch.countyCode !== current.county.code) ||
      (patch.uscc !== undefined && patch.uscc.trim().toUpperCase() !== current.uscc);
    if (actor?.role === 'enterprise' && changesIdentity) {
      throw new AppError('FORBIDDEN', { zh: '企业用户不能修改统一社会信用代码或所属县市区', en: 'an enterprise user cannot change its code or county' });
    }
    const merged: EnterpriseInputT = {
      uscc: patch.uscc ?? current.uscc, name: patch.name ?? current.name, countyCode: patch.countyCode ?? current.county.code,
      parkCode: patch.parkCode === undefined ? current.parkCode : patch.parkCode,
      industryCode: patch.industryCode === undefined ? current.industryCode : patch.industryCode,
      planIndustryCode: patch.planIndustryCode === undefined ? current.planIndustryCode : patch.planIndustryCode,
      tier: patch.tier ?? current.tier, aboveScale: patch.aboveScale ?? current.aboveScale, highTech: patch.highTech ?? current.highTech,
      seiConfirmed: patch.seiConfirmed ?? current.sei.confirmed, active: patch.active ?? current.active,
    };
    if (actor?.role === 'county') await countyOf(tx, merged.countyCode).then((c) => authorize(actor, 'update', 'enterprise', c.orgId));
    const next = await toRow(tx, orgId, merged, currentRaw.demo);
    const orgsBefore = await st.orgInfos();
    const before = orgsBefore.get(current.uscc);
    if (next.uscc !== current.uscc && orgsBefore.has(next.uscc)) throw new AppError('CONFLICT', { zh: `统一社会信用代码已登记：${next.uscc}`, en: `already registered: ${next.uscc}` });
    if (!(await st.enterprises.update(next, patch.rowVersion, now.toISOString()))) throw new AppError('CONFLICT');
    const after = (await st.orgInfos()).get(next.uscc);
    if (dimsKey(before) !== dimsKey(after)) await moveAggregates(tx, orgId, before, after);
    await tx.audit.write({ actorId: actor?.userId ?? null, actorName: actor?.username ?? 'cli', action: 'update', entity: 'enterprise', entityId: orgId, before: currentRaw, after: next });
    return (await st.enterprises.get(orgId))!;
  });
}

export async function listEnterprises(deps: Deps, actor: Actor, filter: Omit<EnterpriseFilter, 'countyOrgId' | 'orgId'>): Promise<{ items: Enterprise[]; total: number }> {
  authorize(actor, 'read', 'enterprise');
  const scoped: EnterpriseFilter = { ...filter };
  // 'own' scope: a county sees its county's enterprises, an enterprise itself.
  if (actor.role === 'county') scoped.countyOrgId = actor.orgId ?? '-';
  if (actor.role === 'enterprise') scoped.orgId = actor.orgId ?? '-';
  return deps.store.statistics.enterprises.list(scoped);
}

export async function getEnterprise(deps: Deps, actor: Actor, key: string): Promise<Enterprise & { history: Awaited<ReturnType<Store['statistics']['history']>> }> {
  const e = await deps.store.statistics.enterprises.get(key);
  if (!e) throw notFound({ zh: '企业', en: 'enterprise' }, key);
  const raw = await deps.store.statistics.enterprises.raw(e.orgId);
  authorize(actor, 'read', 'enterprise', actor.role === 'county' ? raw!.countyOrgId : e.orgId);
  return { ...e, history: await deps.store.statistics.history('enterprise', e.orgId) };
}
