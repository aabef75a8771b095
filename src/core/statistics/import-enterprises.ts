// Bulk import of the enterprise registry from a table (XLSX/CSV): one row per enterprise, matched by
// 统一社会信用代码 (new codes are created, known ones updated). All-or-nothing, with a dry run.
import type { FormulaWithoutValue } from '../../shared/cells';
import { TIERS, type EnterpriseImportResult, type ImportIssue, type Tier } from '../../shared/statistics';
import { AppError } from '../app-error';
import { authorize, type Actor } from '../policy';
import type { Deps } from '../ports';
import { createEnterprise, updateEnterprise } from './enterprises';
import { issuesToError } from './import-data-values';

type Cell = string | number | boolean | Date | null | undefined | FormulaWithoutValue;

const COLUMNS: Record<string, string[]> = {
  uscc: ['uscc', '统一社会信用代码', '信用代码', '组织代码', 'org_code'],
  name: ['name', '企业名称', '单位名称', '名称'],
  countyCode: ['county_code', 'county', '县市区代码', '县区代码', '县市区', '所属县市区'],
  parkCode: ['park', 'park_code', '园区', '所在园区'],
  industryCode: ['industry_code', '行业代码', '国民经济行业代码', '国民经济行业分类代码'],
  planIndustryCode: ['plan_industry', 'plan_industry_code', '重点领域', '重点领域代码'],
  tier: ['tier', '企业类别', '企业层级', '类别'],
  aboveScale: ['above_scale', '规上', '规模以上'],
  highTech: ['high_tech', '高新', '高新技术企业'],
  seiConfirmed: ['sei_confirmed', '确认战新', '确认属于战略性新兴产业'],
};
const TIER_ZH: Record<string, Tier> = { 龙头: 'leading', 骨干: 'backbone', 特色: 'specialty', 中小: 'sme' };
const yes = (c: Cell) => c === true || c === 1 || ['是', 'y', 'yes', 'true', '1', '√'].includes(String(c ?? '').trim().toLowerCase());

export type { EnterpriseImportResult };

export async function importEnterprises(deps: Deps, actor: Actor | null, table: Cell[][], opts: { dryRun: boolean }, now: Date): Promise<EnterpriseImportResult> {
  if (actor) authorize(actor, 'create', 'enterprise');
  const header = (table[0] ?? []).map((h) => String(h ?? '').replace(/^\ufeff/, '').trim().toLowerCase());
  const col = (field: string) => header.findIndex((h) => COLUMNS[field]!.some((a) => h === a.toLowerCase() || h.split(/[\s/()（）]+/).includes(a.toLowerCase())));
  const issues: ImportIssue[] = [];
  for (const f of ['uscc', 'name', 'countyCode']) if (col(f) < 0) issues.push({ row: 1, field: f, value: header.join(','), reason: `表头缺少「${COLUMNS[f]![1]}」列`, reasonEn: `the header has no ${f} column` });
  if (issues.length) return { dryRun: opts.dryRun, valid: false, rows: 0, created: 0, updated: 0, issues };
  const orgs = await deps.store.statistics.orgInfos();
  const countyByName = new Map([...orgs.values()].filter((o) => o.kind === 'county' || o.kind === 'zone').map((o) => [o.name, o.code]));
  let created = 0;
  let updated = 0;
  const rows = table.slice(1).map((r, i) => ({ r, row: i + 2 })).filter(({ r }) => r.some((c) => c != null && c !== ''));
  const run = async (tx: Deps['store']) => {
    for (const { r, row } of rows) {
      const get = (f: string) => { const c = col(f); return c >= 0 ? r[c] : undefined; };
      const str = (f: string) => { const v = get(f); return v == null || v === '' ? undefined : String(v).trim(); };
      const tierRaw = str('tier');
      const tier = tierRaw ? (TIER_ZH[tierRaw] ?? (TIERS.includes(tierRaw as Tier) ? (tierRaw as Tier) : undefined)) : 'sme';
      if (!tier) { issues.push({ row, field: 'tier', value: tierRaw, reason: `企业类别应为 龙头/骨干/特色/中小：${tierRaw}`, reasonEn: `tier must be leading/backbone/specialty/sme: ${tierRaw}` }); continue; }
      const county = str('countyCode');
      const industry = str('industryCode');
      const input = {
        uscc: str('uscc') ?? '', name: str('name') ?? '', countyCode: county ? (countyByName.get(county) ?? county) : '',
        parkCode: str('parkCode') ?? null, industryCode: industry ? industry.padStart(4, '0') : null, planIndustryCode: str('planIndustryCode') ?? null,
        tier, aboveScale: yes(get('aboveScale')), highTech: yes(get('highTech')), seiConfirmed: yes(get('seiConfirmed')), active: true,
      };
      try {
        const known = (await tx.statistics.orgInfos()).get(input.uscc.toUpperCase());
        if (known?.kind === 'enterprise') {
          const cur = await tx.statistics.enterprises.get(known.orgId);
          await updateEnterprise({ ...deps, store: tx }, actor, known.orgId, { ...input, rowVersion: cur!.rowVersion }, now);
          updated++;
        } else {
          await createEnterprise({ ...deps, store: tx }, actor, input, now);
          created++;
        }
      } catch (err) {
        if (!(err instanceof AppError) || err.code === 'INTERNAL') throw err;
        const first = err.issues?.[0];
        issues.push({ row, field: first?.field ?? first?.path ?? 'row', value: first?.value ?? null, reason: err.message, reasonEn: err.messageEn });
      }
    }
    if (issues.length) throw issuesToError(issues, { zh: '企业名录文件', en: 'the enterprise file' });
    if (opts.dryRun) throw new DryRunDone();
  };
  try {
    await deps.store.transaction(run);
  } catch (err) {
    if (err instanceof DryRunDone) return { dryRun: true, valid: true, rows: rows.length, created, updated, issues: [] };
    if (err instanceof AppError && err.code === 'VALIDATION' && issues.length) {
      if (opts.dryRun) return { dryRun: true, valid: false, rows: rows.length, created: 0, updated: 0, issues };
      throw err;
    }
    throw err;
  }
  return { dryRun: false, valid: true, rows: rows.length, created, updated, issues: [] };
}

/** Thrown to roll back a dry run that went through every row. */
class DryRunDone extends Error {}
