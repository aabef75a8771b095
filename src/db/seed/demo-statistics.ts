// Demo statistics (`init --demo` only): a few hundred synthetic enterprises spread over the counties
// and the plan's seven industries, with monthly year-to-date reports 2017-01 … 2020-12. Deterministic
// (seeded PRNG), every value labelled demo (source 'demo', enterprises flagged demo). Shaped so that at
// city level SEI revenue ends 2020 a little above the 1000 亿元 target (on track) while SEI value added
// ends below 245 亿元 (behind). A few values are deliberately odd so the outlier and validation lists
// have something to show.
import type { Transaction } from 'kysely';
import { contributionTargets, contributionsOf, type OrgDims } from '../../core/statistics/aggregates';
import { BUILTIN_INDICATORS } from '../../core/statistics/catalogue';
import { daysAfterPeriodEnd, periodRange } from '../../core/statistics/periods';
import { demoUscc } from '../../core/statistics/uscc';
import { newId } from '../../core/ids';
import { bulkInsert } from '../repositories/bulk';
import { defaultPlanIndustries } from '../repositories/enterprises';
import { applyAggregateDeltas, insertValueRows, valueRow } from '../repositories/statistics-values';
import { searchColumns } from '../search-key';
import type { DB } from '../schema';

export const DEMO_ENTERPRISE_COUNT = 240;

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Share of single-month revenue in the year (Spring Festival dip, year-end rush).
const SEASON = [0.062, 0.058, 0.082, 0.08, 0.083, 0.088, 0.08, 0.082, 0.086, 0.085, 0.092, 0.122];
const NAMES_A = ['冀', '邢', '襄', '顺德', '太行', '牛城', '百泉', '达活', '泜河', '滏阳', '卧牛', '紫金', '鸳水', '清风', '宏远', '华鑫', '恒通', '信达', '晶科', '瑞丰'];
const NAMES_B: Record<string, string[]> = {
  'new-energy-grid': ['光伏', '新能源', '电气', '风电', '储能'],
  'new-materials': ['新材料', '玻璃', '特钢', '合金', '复合材料'],
  'high-end-equipment': ['装备', '机械', '轧辊', '智能制造', '精工'],
  'nev-icv': ['汽车', '动力电池', '电驱', '车联网', '新能源车'],
  'energy-saving-env': ['环保', '节能', '再生资源', '水处理', '环境'],
  'biomed-health': ['药业', '生物', '医疗器械', '制药', '健康'],
  'next-gen-it': ['信息', '软件', '数据', '物联网', '电子'],
};
// Relative weight of each plan industry in SEI revenue.
const INDUSTRY_WEIGHT: Record<string, number> = {
  'new-materials': 0.3, 'high-end-equipment': 0.2, 'new-energy-grid': 0.16, 'energy-saving-env': 0.1, 'nev-icv': 0.1, 'biomed-health': 0.08, 'next-gen-it': 0.06,
};

export async function addDemoStatistics(trx: Transaction<DB>, now: string, demoEnterprise: { code: string; name: string; county: string }): Promise<void> {
  const rnd = mulberry32(20180101);
  const orgs = await trx.selectFrom('organization').select(['id', 'code', 'kind']).execute();
  const city = orgs.find((o) => o.kind === 'city')!;
  const counties = (await trx.selectFrom('division').select('code').orderBy('code').execute()).map((d) => d.code).map((c) => orgs.find((o) => o.code === c)!).filter(Boolean);
  const industries = await defaultPlanIndustries(trx);
  const mapping = await trx.selectFrom('sei_mapping').select(['industry_code', 'partial', 'sei_l1', 'sei_l2']).orderBy('industry_code').orderBy('sei_l1').orderBy('sei_l2').orderBy('sub_name').execute();
  const candidates = new Map(industries.map((ind) => [ind.code, mapping.filter((m) => (m.sei_l2 ? ind.seiCategories.includes(m.sei_l2) : ind.seiCategories.some((c) => c.startsWith(`${m.sei_l1}.`))))]));

  // Enterprises: the named demo enterprise first, then synthetic ones.
  type Ent = { orgId: string; uscc: string; name: string; countyId: string; countyCode: string; industry: string; code: string; l1: string; l2: string | null; partial: boolean; confirmed: boolean; tier: string; size: number; growth: number; vaRatio: number; startYear: number; exporter: boolean };
  const ents: Ent[] = [];
  const pick = <T>(xs: T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const industryCodes = industries.map((i) => i.code);
  const cumWeights = industryCodes.map((c, i) => industryCodes.slice(0, i + 1).reduce((a, k) => a + (INDUSTRY_WEIGHT[k] ?? 0.05), 0));
  const pickIndustry = () => { const x = rnd() * cumWeights[cumWeights.length - 1]!; return industryCodes[cumWeights.findIndex((w) => x <= w)]!; };
  for (let n = 0; n <= DEMO_ENTERPRISE_COUNT; n++) {
    const industry = n === 0 ? 'new-materials' : pickIndustry();
    const cands = candidates.get(industry) ?? [];
    const m = n === 0 ? (cands.find((c) => c.industry_code === '3042') ?? cands[0]!) : pick(cands);
    const county = n === 0 ? counties.find((c) => c.code === demoEnterprise.county)! : pick(counties);
    const r = rnd();
    const tier = n === 0 ? 'backbone' : r < 0.05 ? 'leading' : r < 0.2 ? 'backbone' : r < 0.5 ? 'specialty' : 'sme';
    const size = (tier === 'leading' ? 250_000 : tier === 'backbone' ? 70_000 : tier === 'specialty' ? 20_000 : 6_000) * (0.5 + rnd());
    const partial = m.partial === 1;
    ents.push({
      orgId: newId(), uscc: n === 0 ? demoEnterprise.code : demoUscc(n, county.code), countyId: county.id, countyCode: county.code, industry,
      name: n === 0 ? demoEnterprise.name : `${pick(NAMES_A)}${pick(NAMES_B[industry] ?? ['科技'])}${['有限公司', '股份有限公司', '科技有限公司'][n % 3]}（演示${String(n).padStart(3, '0')}）`,
      code: m.industry_code, l1: m.sei_l1, l2: m.sei_l2, partial, confirmed: partial && (n === 0 || rnd() > 0.05), tier, size,
      growth: 0.1 + rnd() * 0.1 - (tier === 'sme' ? 0.03 : 0), vaRatio: 0.17 + rnd() * 0.07, startYear: n > 0 && rnd() < 0.12 ? 2018 + Math.floor(rnd() * 2) : 2017, exporter: rnd() < 0.3,
    });
  }
  // Parks from the plan (已在园区/基地名录): four in five enterprises of a county with parks sit in one —
  // one that leads in their industry when there is one. Assigned without drawing random numbers, so the
  // rest of the demo stays as it was.
  const parks = await trx.selectFrom('park').select(['id', 'county_org_id', 'lead_industries_json']).orderBy('name').execute();
  const parkOf = new Map<Ent, string>();
  for (const [n, e] of ents.entries()) {
    const local = parks.filter((p) => p.county_org_id === e.countyId);
    if (!local.length || n % 5 === 4) continue;
    const leading = local.filter((p) => (JSON.parse(p.lead_industries_json) as string[]).includes(e.industry));
    const from = leading.length ? leading : local;
    parkOf.set(e, from[n % from.length]!.id);
  }

  // Scale so that 2020 SEI revenue of counted enterprises, after the 2020 Spring dip and the few December
  // non-reporters, comes to a little over 1,000 亿元 (11,300,000 万元 before those).
  const counted = (e: Ent) => !e.partial || e.confirmed;
  const raw2020 = ents.filter(counted).reduce((a, e) => a + e.size * (1 + e.growth) ** 3, 0);
  const scale = 11_300_000 / raw2020;

  await bulkInsert(trx, { table: 'organization', columns: ['id', 'code', 'name', 'kind', 'parent_id', 'is_lead', 'sort', 'active', 'created_at', 'updated_at'] },
    ents.slice(1).map((e, i) => [e.orgId, e.uscc, e.name, 'enterprise', e.countyId, 0, 1001 + i, 1, now, now]));
  const existing = orgs.find((o) => o.code === demoEnterprise.code);
  if (existing) ents[0]!.orgId = existing.id;
  await bulkInsert(trx, { table: 'enterprise', columns: ['org_id', 'uscc', 'name', 'county_org_id', 'park_code', 'industry_code', 'sei_l1', 'sei_l2', 'sei_partial', 'sei_confirmed', 'plan_industry_code', 'tier', 'above_scale', 'high_tech', 'active', 'demo', 'search_key', 'search_grams', 'created_at', 'updated_at'] },
    ents.map((e) => [e.orgId, e.uscc, e.name, e.countyId, parkOf.get(e) ?? null, e.code, e.l1, e.l2, e.partial ? 1 : 0, e.confirmed ? 1 : 0, e.industry, e.tier, e.tier === 'sme' ? (rnd() < 0.6 ? 1 : 0) : 1, rnd() < 0.35 ? 1 : 0, 1, 1, ...Object.values(searchColumns(e.name, e.uscc)), now, now]));

  // Monthly YTD values.
  const months = periodRange('201701', '202012');
  const rows: unknown[][] = [];
  const contrib: { orgId: string; indicatorCode: string; period: string; value: number; source: string }[] = [];
  const reports: unknown[][] = [];
  const meta = { actorId: null, actorName: 'demo', now, batchId: null };
  const push = (e: Ent, code: string, period: string, value: number, status: string) => {
    const v = Math.round(value * 10) / 10;
    rows.push(valueRow({ orgId: e.orgId, indicatorCode: code, period, year: Number(period.slice(0, 4)), value: v, status: status as 'approved', source: 'demo', comment: null }, meta));
    contrib.push({ orgId: e.orgId, indicatorCode: code, period, value: v, source: 'demo' });
  };
  for (const [idx, e] of ents.entries()) {
    const ytd: Record<string, number> = {};
    for (const month of months) {
      const year = Number(month.slice(0, 4));
      const m = Number(month.slice(4));
      if (year < e.startYear) continue;
      if (idx === 0 && month === '202012') continue; // left for the demo user to enter
      const last = month === '202012';
      if (last && idx % 25 === 3) continue; // non-reporters for the completeness list
      const annual = e.size * scale * (1 + e.growth) ** (year - 2017);
      const covid = year === 2020 && (m === 2 ? 0.55 : m === 3 ? 0.8 : 1);
      let single = annual * SEASON[m - 1]! * (0.9 + rnd() * 0.2) * (covid || 1);
      if ((idx === 17 && month === '202006') || (idx === 58 && month === '201909') || (idx === 101 && month === '202010')) single *= 9; // keying errors
      const status = month <= '202010' ? 'approved' : month === '202011' ? (idx % 3 === 0 ? 'county_reviewed' : 'approved') : idx % 4 === 0 ? 'draft' : 'submitted';
      const acc = (code: string, v: number) => (ytd[code] = (m === 1 ? 0 : (ytd[code] ?? 0)) + v);
      push(e, 'REVENUE', month, acc('REVENUE', single), status);
      const va = idx === 42 && month === '201905' ? ytd.REVENUE! * 1.3 - (ytd.VALUE_ADDED ?? 0) : single * e.vaRatio * (0.95 + rnd() * 0.1);
      push(e, 'VALUE_ADDED', month, acc('VALUE_ADDED', va), status);
      push(e, 'PROFIT', month, acc('PROFIT', single * (0.02 + rnd() * 0.08) - (rnd() < 0.05 ? single * 0.15 : 0)), status);
      push(e, 'RD_EXPENDITURE', month, acc('RD_EXPENDITURE', single * (0.015 + rnd() * 0.025)), status);
      if (e.exporter) push(e, 'EXPORT_DELIVERY', month, acc('EXPORT_DELIVERY', single * (0.05 + rnd() * 0.2)), status);
      push(e, 'FIXED_ASSET_INVESTMENT', month, acc('FIXED_ASSET_INVESTMENT', rnd() < 0.3 ? annual * (0.02 + rnd() * 0.1) : 0), status);
      push(e, 'EMPLOYEES', month, Math.round((annual / 150) * (0.97 + rnd() * 0.06)), status);
      const submitted = status !== 'draft';
      const late = rnd() < 0.12;
      const at = daysAfterPeriodEnd(month, late ? 11 + Math.floor(rnd() * 10) : 1 + Math.floor(rnd() * 9)).toISOString();
      reports.push(['ENT_MONTHLY', e.orgId, month, status, submitted ? at : null, submitted ? 'demo' : null, ['county_reviewed', 'approved'].includes(status) ? at : null, ['county_reviewed', 'approved'].includes(status) ? 'demo' : null, status === 'approved' ? at : null, status === 'approved' ? 'demo' : null, null, 1, now]);
    }
  }
  // City GDP for the years without a published full-year figure (2020 comes from the reference file).
  for (const [year, gdp] of [[2017, 1980], [2018, 2070], [2019, 2150]] as const) {
    rows.push(valueRow({ orgId: city.id, indicatorCode: 'GDP', period: String(year), year, value: gdp, status: 'approved', source: 'demo', comment: '演示数据，非公布数 demo figure, not published' }, meta));
    contrib.push({ orgId: city.id, indicatorCode: 'GDP', period: String(year), value: gdp, source: 'demo' });
  }
  await insertValueRows(trx, rows);
  await bulkInsert(trx, { table: 'report', columns: ['dataset_code', 'org_id', 'period', 'status', 'submitted_at', 'submitted_by', 'reviewed_at', 'reviewed_by', 'approved_at', 'approved_by', 'returned_reason', 'row_version', 'updated_at'] }, reports);

  const dims = new Map<string, OrgDims>();
  dims.set(city.id, { orgId: city.id, kind: 'city', code: city.code, cityCode: city.code, countyCode: null, parkCode: null, industryCode: null, seiL1: null, seiCounted: false });
  for (const e of ents) dims.set(e.orgId, { orgId: e.orgId, kind: 'enterprise', code: e.uscc, cityCode: city.code, countyCode: e.countyCode, parkCode: parkOf.get(e) ?? null, industryCode: e.industry, seiL1: e.l1, seiCounted: counted(e) });
  await applyAggregateDeltas(trx, contributionsOf(contrib, dims, contributionTargets(BUILTIN_INDICATORS), 1).result());
}
