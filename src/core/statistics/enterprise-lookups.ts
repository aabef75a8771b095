// What turning an enterprise input into a registry row needs to look up — organisations, parks, plan
// industries, the classification of each industry class — loaded once, so that an import of 100,000
// rows asks the database a fixed number of questions (plus one per distinct industry class) instead of
// several per row. Single creates and updates use the same lookups, so both paths check alike.
import type { Classification, EnterpriseInputT } from '../../shared/statistics';
import { AppError } from '../app-error';
import type { Store } from '../ports';
import type { StoredPark } from '../registries/ports';
import type { EnterpriseRow, OrgInfo } from './ports';
import { USCC_PROBLEM_TEXT, usccProblem } from './uscc';

type PlanIndustry = { code: string; name: string; seiCategories: string[] };

export interface EnterpriseLookups {
  /** Every organisation by code (enterprises by 统一社会信用代码). */
  orgs: Map<string, OrgInfo>;
  county(code: string): OrgInfo;
  classify(industryCode: string, planIndustryCode?: string | null): Promise<Classification>;
  park(raw: string | null | undefined, county: OrgInfo): string | null;
  toRow(orgId: string, input: EnterpriseInputT, demo: boolean): Promise<EnterpriseRow>;
  /** The aggregation dimensions a row will have, as orgInfos() would report them after the write. */
  infoOf(row: EnterpriseRow, previous?: OrgInfo): OrgInfo;
}

export async function loadEnterpriseLookups(store: Store): Promise<EnterpriseLookups> {
  const st = store.statistics;
  const [orgs, parks, industries] = await Promise.all([st.orgInfos(), store.registries.parks.list(), st.enterprises.planIndustries()]);
  const parkById = new Map<string, StoredPark>(parks.map((p) => [p.id, p]));
  const parkByName = new Map<string, StoredPark>();
  for (const p of parks) if (!parkByName.has(p.name)) parkByName.set(p.name, p);
  const classes = new Map<string, Promise<Classification>>();
  const countyByOrgId = new Map([...orgs.values()].filter((o) => o.kind === 'county' || o.kind === 'zone').map((o) => [o.orgId, o]));

  const county = (code: string): OrgInfo => {
    const org = orgs.get(code);
    if (!org || !['county', 'zone'].includes(org.kind)) throw new AppError('VALIDATION', { zh: `县市区代码不存在：${code}`, en: `unknown county code ${code}` }, [{ path: 'countyCode', message: `unknown county ${code}`, field: 'countyCode', value: code }]);
    return org;
  };

  const classify = (industryCode: string, planIndustryCode?: string | null): Promise<Classification> => {
    const key = `${industryCode}|${planIndustryCode ?? ''}`;
    let hit = classes.get(key);
    if (!hit) {
      hit = classifyWith(store, industries, industryCode, planIndustryCode);
      classes.set(key, hit);
    }
    return hit;
  };

  /**
   * The park an enterprise names, by registry id or exact name, as its id; it must lie in the enterprise's
   * county (a park registered without a county fits any). Park aggregates count enterprises by this id.
   */
  const park = (raw: string | null | undefined, c: OrgInfo): string | null => {
    const key = raw?.trim();
    if (!key) return null;
    const p = parkById.get(key) ?? parkByName.get(key);
    const fail = (zh: string, en: string) => new AppError('VALIDATION', { zh, en }, [{ path: 'parkCode', field: 'parkCode', value: raw, message: zh, reason: zh, reasonEn: en }]);
    if (!p) throw fail(`园区/基地不存在：${key}（请先在园区/基地名录中登记）`, `unknown park ${key} (register it in the parks registry first)`);
    if (p.countyOrgId && p.countyOrgId !== c.orgId) {
      throw fail(`园区「${p.name}」位于${p.countyName ?? '其他县市区'}，不在企业所在的${c.name}`, `park ${p.name} is in ${p.countyName ?? 'another county'}, not in the enterprise's county ${c.name}`);
    }
    return p.id;
  };

  const toRow = async (orgId: string, input: EnterpriseInputT, demo: boolean): Promise<EnterpriseRow> => {
    const uscc = checkUscc(input.uscc);
    const c = county(input.countyCode);
    const cls = input.industryCode ? await classify(input.industryCode, input.planIndustryCode) : null;
    const parkCode = park(input.parkCode, c);
    return {
      orgId, uscc, name: input.name, countyOrgId: c.orgId, parkCode, industryCode: input.industryCode ?? null,
      seiL1: cls?.seiL1 ?? null, seiL2: cls?.seiL2 ?? null, seiPartial: cls?.partial ?? false, seiConfirmed: cls?.partial ? input.seiConfirmed : false,
      planIndustryCode: cls?.planIndustryCode ?? input.planIndustryCode ?? null, tier: input.tier, aboveScale: input.aboveScale, highTech: input.highTech,
      active: input.active, demo,
    };
  };

  const infoOf = (row: EnterpriseRow, previous?: OrgInfo): OrgInfo => {
    const c = countyByOrgId.get(row.countyOrgId);
    const cityCode = previous?.cityCode ?? [...orgs.values()].find((o) => o.kind === 'city')?.code ?? null;
    return {
      orgId: row.orgId, code: row.uscc, name: row.name, kind: 'enterprise', cityCode,
      countyCode: c?.code ?? null, countyOrgId: row.countyOrgId, parkCode: row.parkCode, industryCode: row.planIndustryCode,
      seiL1: row.seiL1, seiCounted: row.seiL1 != null && (!row.seiPartial || row.seiConfirmed),
      active: row.active, demo: row.demo,
    };
  };

  return { orgs, county, classify, park, toRow, infoOf };
}

export function checkUscc(uscc: string): string {
  const code = uscc.trim().toUpperCase();
  const problem = usccProblem(code);
  if (problem) throw new AppError('VALIDATION', { zh: `${USCC_PROBLEM_TEXT[problem].zh}：${code}`, en: `${USCC_PROBLEM_TEXT[problem].en}: ${code}` }, [{ path: 'uscc', field: 'uscc', value: uscc, message: USCC_PROBLEM_TEXT[problem].zh, reason: USCC_PROBLEM_TEXT[problem].zh, reasonEn: USCC_PROBLEM_TEXT[problem].en }]);
  return code;
}

/** How an industry class maps to SEI categories and which plan industry it serves. */
export async function classifyWith(store: Store, industries: PlanIndustry[], industryCode: string, planIndustryCode?: string | null): Promise<Classification> {
  const st = store.statistics;
  const name = await st.enterprises.industryClassName(industryCode);
  if (!name) throw new AppError('VALIDATION', { zh: `国民经济行业分类代码不存在：${industryCode}`, en: `unknown GB/T 4754-2017 class ${industryCode}` }, [{ path: 'industryCode', message: `unknown class ${industryCode}`, field: 'industryCode', value: industryCode }]);
  // One class can map to several sub-categories of the same SEI category (新材料 has no level 2): list each category once.
  const seen = new Set<string>();
  const categories = (await st.enterprises.seiMapping(industryCode)).filter((c) => {
    const key = `${c.seiL1}|${c.seiL2 ?? ''}|${c.partial}`;
    return !seen.has(key) && seen.add(key) !== undefined;
  });
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
