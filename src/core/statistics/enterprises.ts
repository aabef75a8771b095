// Enterprise registry use-cases: classification from the GB/T 4754-2017 class, create, update (with
// history in the audit log and aggregates moved when a dimension changes), list and search.
import { ENTERPRISE_MAX_OFFSET, EnterpriseInput, EnterprisePatch, type Classification, type Enterprise, type EnterpriseInputT, type EnterprisePage } from '../../shared/statistics';
import { AppError, notFound } from '../app-error';
import { newId } from '../ids';
import { parseInput } from '../parse-input';
import { authorize, type Actor } from '../policy';
import type { Deps, Store } from '../ports';
import { contributionTargets, contributionsOf, DeltaAccumulator } from './aggregates';
import type { EnterpriseFilter, OrgInfo } from './ports';
import { classifyWith, loadEnterpriseLookups } from './enterprise-lookups';
import { keptEnterprisePage } from './enterprise-list-cache';

export type { Classification };

export async function classifyIndustry(store: Store, industryCode: string, planIndustryCode?: string | null): Promise<Classification> {
  return classifyWith(store, await store.statistics.enterprises.planIndustries(), industryCode, planIndustryCode);
}

/** Moves an enterprise's contributions to the aggregates when its dimensions change. */
export async function moveAggregates(store: Store, orgId: string, before: OrgInfo | undefined, after: OrgInfo | undefined): Promise<void> {
  const st = store.statistics;
  const values = await st.valuesOf({ orgIds: [orgId] });
  if (!values.length) return;
  const targets = contributionTargets(await st.indicators());
  const acc = new DeltaAccumulator();
  if (before) contributionsOf(values, new Map([[orgId, before]]), targets, -1, acc);
  if (after) contributionsOf(values, new Map([[orgId, after]]), targets, 1, acc);
  await st.applyAggregateDeltas(acc.result());
}

export const dimsKey = (o: OrgInfo | undefined) => (o ? [o.countyCode, o.parkCode, o.industryCode, o.seiL1, o.seiCounted].join('|') : '');

export async function createEnterprise(deps: Deps, actor: Actor | null, raw: unknown, now: Date, opts: { demo?: boolean } = {}): Promise<Enterprise> {
  const input = parseInput(EnterpriseInput, raw);
  return deps.store.transaction(async (tx) => {
    const lookups = await loadEnterpriseLookups(tx);
    const county = lookups.county(input.countyCode);
    if (actor) authorize(actor, 'create', 'enterprise', actor.role === 'county' ? county.orgId : undefined);
    const row = await lookups.toRow(newId(now.getTime()), input, opts.demo ?? false);
    if (lookups.orgs.has(row.uscc)) throw new AppError('CONFLICT', { zh: `统一社会信用代码已登记：${row.uscc}`, en: `already registered: ${row.uscc}` });
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
    const lookups = await loadEnterpriseLookups(tx);
    if (actor?.role === 'county') authorize(actor, 'update', 'enterprise', lookups.county(merged.countyCode).orgId);
    const next = await lookups.toRow(orgId, merged, currentRaw.demo);
    const before = lookups.orgs.get(current.uscc);
    if (next.uscc !== current.uscc && lookups.orgs.has(next.uscc)) throw new AppError('CONFLICT', { zh: `统一社会信用代码已登记：${next.uscc}`, en: `already registered: ${next.uscc}` });
    if (!(await st.enterprises.update(next, patch.rowVersion, now.toISOString()))) throw new AppError('CONFLICT');
    const after = lookups.infoOf(next, before);
    if (dimsKey(before) !== dimsKey(after)) await moveAggregates(tx, orgId, before, after);
    await tx.audit.write({ actorId: actor?.userId ?? null, actorName: actor?.username ?? 'cli', action: 'update', entity: 'enterprise', entityId: orgId, before: currentRaw, after: next });
    return (await st.enterprises.get(orgId))!;
  });
}

export async function listEnterprises(deps: Deps, actor: Actor, filter: Omit<EnterpriseFilter, 'countyOrgId' | 'orgId'>): Promise<EnterprisePage> {
  authorize(actor, 'read', 'enterprise');
  // Deep offsets cost a walk over everything before them; past this depth a search or filter is the way on.
  if (filter.offset > ENTERPRISE_MAX_OFFSET) {
    throw new AppError('VALIDATION', {
      zh: `offset 不能超过 ${ENTERPRISE_MAX_OFFSET}（当前 ${filter.offset}）：请用关键字或筛选条件缩小范围`,
      en: `offset must not exceed ${ENTERPRISE_MAX_OFFSET} (got ${filter.offset}): narrow the list with a search or a filter`,
    });
  }
  const scoped: EnterpriseFilter = { ...filter };
  // 'own' scope: a county sees its county's enterprises, an enterprise itself.
  if (actor.role === 'county') scoped.countyOrgId = actor.orgId ?? '-';
  if (actor.role === 'enterprise') scoped.orgId = actor.orgId ?? '-';
  return keptEnterprisePage(deps, scoped, () => deps.store.statistics.enterprises.list(scoped));
}

export async function getEnterprise(deps: Deps, actor: Actor, key: string): Promise<Enterprise & { history: Awaited<ReturnType<Store['statistics']['history']>> }> {
  const e = await deps.store.statistics.enterprises.get(key);
  if (!e) throw notFound({ zh: '企业', en: 'enterprise' }, key);
  const raw = await deps.store.statistics.enterprises.raw(e.orgId);
  authorize(actor, 'read', 'enterprise', actor.role === 'county' ? raw!.countyOrgId : e.orgId);
  return { ...e, history: await deps.store.statistics.history('enterprise', e.orgId) };
}
