// Bulk import of the enterprise registry from a table (XLSX/CSV): one row per enterprise, matched by
// 统一社会信用代码 (new codes are created, known ones updated). All-or-nothing, with a dry run.
import { EnterpriseInput, TIERS, type EnterpriseImportResult, type ImportIssue, type Tier } from '../../shared/statistics';
import { AppError } from '../app-error';
import { newId } from '../ids';
import { parseInput } from '../parse-input';
import { authorize, type Actor } from '../policy';
import type { Deps } from '../ports';
import { checkUscc, loadEnterpriseLookups } from './enterprise-lookups';
import { dimsKey, moveAggregates } from './enterprises';
import { issuesToError } from './import-data-values';
import type { EnterpriseRow, OrgInfo } from './ports';

type Cell = string | number | boolean | Date | null | undefined;

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
  if (issues.length) return { dryRun: opts.dryRun, valid: false, rows: 0, created: 0, updated: 0, unchanged: 0, issues };
  const rows = table.slice(1).map((r, i) => ({ r, row: i + 2 })).filter(({ r }) => r.some((c) => c != null && c !== ''));
  const cols = Object.fromEntries(Object.keys(COLUMNS).map((f) => [f, col(f)]));
  let created = 0;
  let updated = 0;
  let unchanged = 0;
  const run = async (tx: Deps['store']) => {
    // Everything a row is checked against is loaded once; the rows are then checked in memory and
    // written in batches, so the import grows with its rows, not with their square.
    const lookups = await loadEnterpriseLookups(tx);
    const countyByName = new Map([...lookups.orgs.values()].filter((o) => o.kind === 'county' || o.kind === 'zone').map((o) => [o.name, o.code]));
    const firstRowOf = new Map<string, number>();
    const inserts: (EnterpriseRow & { countyCode: string })[] = [];
    const updates: { row: EnterpriseRow; before: OrgInfo | undefined; current: EnterpriseRow & { rowVersion: number }; rowVersion: number }[] = [];
    const usccCol = cols.uscc!;
    const knownIds = rows.map(({ r }) => lookups.orgs.get(String(r[usccCol] ?? '').trim().toUpperCase())).filter((o) => o?.kind === 'enterprise').map((o) => o!.orgId);
    const existing = await tx.statistics.enterprises.rawMany(knownIds);
    for (const { r, row } of rows) {
      const get = (f: string) => { const c = cols[f]!; return c >= 0 ? r[c] : undefined; };
      const str = (f: string) => { const v = get(f); return v == null || v === '' ? undefined : String(v).trim(); };
      const tierRaw = str('tier');
      const tier = tierRaw ? (TIER_ZH[tierRaw] ?? (TIERS.includes(tierRaw as Tier) ? (tierRaw as Tier) : undefined)) : 'sme';
      if (!tier) { issues.push({ row, field: 'tier', value: tierRaw, reason: `企业类别应为 龙头/骨干/特色/中小：${tierRaw}`, reasonEn: `tier must be leading/backbone/specialty/sme: ${tierRaw}` }); continue; }
      const county = str('countyCode');
      const industry = str('industryCode');
      const raw = {
        uscc: str('uscc') ?? '', name: str('name') ?? '', countyCode: county ? (countyByName.get(county) ?? county) : '',
        parkCode: str('parkCode') ?? null, industryCode: industry ? industry.padStart(4, '0') : null, planIndustryCode: str('planIndustryCode') ?? null,
        tier, aboveScale: yes(get('aboveScale')), highTech: yes(get('highTech')), seiConfirmed: yes(get('seiConfirmed')), active: true,
      };
      try {
        const input = parseInput(EnterpriseInput, raw);
        const code = checkUscc(input.uscc);
        const seen = firstRowOf.get(code);
        if (seen !== undefined) {
          issues.push({ row, field: 'uscc', value: raw.uscc, reason: `与第 ${seen} 行的统一社会信用代码重复`, reasonEn: `same unified social credit code as row ${seen}` });
          continue;
        }
        firstRowOf.set(code, row);
        const known = lookups.orgs.get(code);
        const countyOrg = lookups.county(input.countyCode);
        if (known && known.kind !== 'enterprise') throw new AppError('CONFLICT', { zh: `代码已被其他组织使用：${code}`, en: `the code belongs to another organisation: ${code}` });
        const current = known ? existing.get(known.orgId) : undefined;
        if (actor) {
          authorize(actor, known ? 'update' : 'create', 'enterprise', actor.role === 'county' ? countyOrg.orgId : undefined);
          if (current && actor.role === 'county') authorize(actor, 'update', 'enterprise', current.countyOrgId);
        }
        const next = await lookups.toRow(known?.orgId ?? newId(now.getTime()), input, current?.demo ?? false);
        if (!current) {
          inserts.push({ ...next, countyCode: input.countyCode });
        } else if (sameRow(current, next)) {
          unchanged++;
        } else {
          updates.push({ row: next, before: known, current, rowVersion: current.rowVersion });
        }
      } catch (err) {
        if (!(err instanceof AppError) || err.code === 'INTERNAL') throw err;
        const first = err.issues?.[0];
        issues.push({ row, field: first?.field ?? first?.path ?? 'row', value: first?.value ?? null, reason: err.message, reasonEn: err.messageEn });
      }
    }
    if (issues.length) throw issuesToError(issues, { zh: '企业名录文件', en: 'the enterprise file' });
    const nowIso = now.toISOString();
    const actorId = actor?.userId ?? null;
    const actorName = actor?.username ?? 'cli';
    await tx.statistics.enterprises.insertMany(inserts, nowIso);
    await tx.audit.writeMany(inserts.map(({ countyCode: _c, ...row }) => ({ actorId, actorName, action: 'create', entity: 'enterprise', entityId: row.orgId, after: row })));
    for (const u of updates) {
      const { rowVersion: _v, ...before } = u.current;
      if (!(await tx.statistics.enterprises.update(u.row, u.rowVersion, nowIso))) throw new AppError('CONFLICT', { zh: `「${u.row.name}」导入时被他人修改，请重试`, en: `"${u.row.name}" changed during the import: try again` });
      const after = lookups.infoOf(u.row, u.before);
      if (dimsKey(u.before) !== dimsKey(after)) await moveAggregates(tx, u.row.orgId, u.before, after);
      await tx.audit.write({ actorId, actorName, action: 'update', entity: 'enterprise', entityId: u.row.orgId, before, after: u.row });
    }
    created = inserts.length;
    updated = updates.length;
    if (opts.dryRun) throw new DryRunDone();
  };
  try {
    await deps.store.transaction(run);
  } catch (err) {
    if (err instanceof DryRunDone) return { dryRun: true, valid: true, rows: rows.length, created, updated, unchanged, issues: [] };
    if (err instanceof AppError && err.code === 'VALIDATION' && issues.length) {
      if (opts.dryRun) return { dryRun: true, valid: false, rows: rows.length, created: 0, updated: 0, unchanged: 0, issues };
      throw err;
    }
    throw err;
  }
  return { dryRun: false, valid: true, rows: rows.length, created, updated, unchanged, issues: [] };
}

/** Whether an imported row equals the stored one, so that re-importing an export writes nothing. */
function sameRow(a: EnterpriseRow, b: EnterpriseRow): boolean {
  return (Object.keys(b) as (keyof EnterpriseRow)[]).every((k) => a[k] === b[k]);
}

/** Thrown to roll back a dry run that went through every row. */
class DryRunDone extends Error {}
