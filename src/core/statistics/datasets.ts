// Data sets (统计报表) as users edit them: create, change (names, deadline, expiry, and the indicator
// list — re-composition), delete. A data set groups indicators of one frequency for one kind of
// organisation; entry forms, templates, completeness and locking read its indicator list, so they follow
// a change at once. Values are keyed by organisation × indicator × period and never belong to a data set:
// removing an indicator from a data set keeps its stored values (they show again when it is added back).
import type { z } from 'zod';
import { DatasetDeleteQuery, DatasetInput, DatasetPatch, type Indicator } from '../../shared/statistics';
import type { ErrorIssue } from '../../shared/errors';
import { AppError } from '../app-error';
import { authorize, type Actor } from '../policy';
import type { Deps } from '../ports';
import { findDataset } from './lookup';
import type { Dataset, StatisticsStore } from './ports';

type Text = { zh: string; en: string };

/** What each field must be, in both languages: the reason given when the input's shape is wrong. */
const FIELD_RULES: Record<string, Text> = {
  code: { zh: '代码须以大写字母开头，由大写字母、数字、下划线组成（2–41 位）', en: 'code must start with an upper-case letter and use A–Z, 0–9 and _ (2–41 characters)' },
  name: { zh: '名称必填，不超过 200 字', en: 'name is required (at most 200 characters)' },
  nameEn: { zh: '英文名称必填，不超过 200 字', en: 'English name is required (at most 200 characters)' },
  frequency: { zh: '频率须为 month（月）、quarter（季）或 year（年）', en: 'frequency must be month, quarter or year' },
  orgKind: { zh: '填报单位类型须为 enterprise（企业）或 city（全市/县市区）', en: 'orgKind must be enterprise or city' },
  deadlineDays: { zh: '报送期限须为 0–366 的整数（期末后天数）', en: 'deadlineDays must be a whole number of days after the period end, 0–366' },
  expiryDays: { zh: '锁定期限须为空（不锁定）或 1–3660 的整数（期末后天数）', en: 'expiryDays must be null (never) or a whole number of days after the period end, 1–3660' },
  indicators: { zh: '指标须为非空的指标代码列表（至多 200 个）', en: 'indicators must be a non-empty list of indicator codes (at most 200)' },
  rowVersion: { zh: '须提供读取时的版本号 rowVersion（正整数）', en: 'rowVersion (the version read, a positive integer) is required' },
};

const FREQ_ZH: Record<Dataset['frequency'], string> = { month: '月', quarter: '季', year: '年' };
const KIND_ZH: Record<Dataset['orgKind'], string> = { enterprise: '企业', city: '全市/县市区' };

function issue(path: string, value: unknown, t: Text): ErrorIssue {
  return { path, field: path.replace(/\[\d+\]$/, ''), value, message: t.zh, reason: t.zh, reasonEn: t.en };
}

function fail(issues: ErrorIssue[]): never {
  throw new AppError('VALIDATION', {
    zh: `数据集有误：${issues.map((i) => `${i.path} ${i.reason}`).join('；')}`,
    en: `Invalid data set: ${issues.map((i) => `${i.path}: ${i.reasonEn}`).join('; ')}`,
  }, issues);
}

/** Parses with the shared zod schema; each problem names its field, the value sent and the rule in both languages. */
function parse<S extends z.ZodType>(schema: S, raw: unknown): z.infer<S> {
  const r = schema.safeParse(raw);
  if (r.success) return r.data;
  const body = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const seen = new Set<string>();
  const issues: ErrorIssue[] = [];
  for (const zi of r.error.issues) {
    const [field, index] = zi.path.map(String);
    const key = field ?? '(input)';
    const path = index !== undefined ? `${key}[${index}]` : key;
    if (seen.has(path)) continue;
    seen.add(path);
    const rule = FIELD_RULES[key] ?? { zh: '输入有误', en: 'invalid input' };
    const value = field === undefined ? raw : index !== undefined && Array.isArray(body[field]) ? (body[field] as unknown[])[Number(index)] : body[field];
    issues.push(issue(path, value ?? null, { zh: rule.zh, en: `${rule.en} (${zi.message})` }));
  }
  fail(issues);
}

/** Why an indicator cannot be in a data set of this frequency and organisation kind, or null. */
function misfit(ind: Indicator | undefined, code: string, ds: Pick<Dataset, 'frequency' | 'orgKind'>): Text | null {
  if (!ind) return { zh: `指标代码不存在：${code}`, en: `unknown indicator ${code}` };
  if (ind.level === 'derived') return { zh: `${ind.name}（${code}）为计算指标，不能填报，不能放入数据集`, en: `${code} is computed, not entered: it cannot be in a data set` };
  if (ind.level !== ds.orgKind) {
    return ds.orgKind === 'enterprise'
      ? { zh: `${ind.name}（${code}）为全市/县级指标，不能放入企业数据集`, en: `${code} is a city/county indicator: it cannot be in an enterprise data set` }
      : { zh: `${ind.name}（${code}）由企业填报，不能放入全市/县级数据集`, en: `${code} is reported by enterprises: it cannot be in a city data set` };
  }
  // An annual data set may collect the year total of a monthly or quarterly indicator (as the built-in
  // CITY_ANNUAL does with GDP): the value pipeline accepts year totals of every indicator.
  if (ind.frequency !== ds.frequency && ds.frequency !== 'year') {
    return { zh: `${ind.name}（${code}）按${FREQ_ZH[ind.frequency]}填报，与数据集的频率（${FREQ_ZH[ds.frequency]}）不符`, en: `${code} is reported by ${ind.frequency}; the data set is by ${ds.frequency}` };
  }
  return null;
}

/** Checks the indicator list and the expiry against the deadline; throws one VALIDATION error naming every problem. */
async function checkComposition(st: StatisticsStore, ds: Omit<Dataset, 'rowVersion'>, expiryPath: 'expiryDays' | 'deadlineDays'): Promise<void> {
  const issues: ErrorIssue[] = [];
  const inds = new Map((await st.indicators()).map((i) => [i.code, i]));
  const first = new Map<string, number>();
  ds.indicators.forEach((code, i) => {
    const path = `indicators[${i}]`;
    const dup = first.get(code);
    if (dup !== undefined) {
      issues.push(issue(path, code, { zh: `指标重复：${code}（已在第 ${dup + 1} 项）`, en: `duplicate indicator ${code} (already item ${dup + 1})` }));
      return;
    }
    first.set(code, i);
    const bad = misfit(inds.get(code), code, ds);
    if (bad) issues.push(issue(path, code, bad));
  });
  if (ds.expiryDays !== null && ds.expiryDays <= ds.deadlineDays) {
    issues.push(issue(expiryPath, expiryPath === 'expiryDays' ? ds.expiryDays : ds.deadlineDays, {
      zh: `锁定期限（期末后 ${ds.expiryDays} 天）须晚于报送期限（期末后 ${ds.deadlineDays} 天）`,
      en: `expiryDays (${ds.expiryDays}) must be more than deadlineDays (${ds.deadlineDays})`,
    }));
  }
  if (issues.length) fail(issues);
}

const audit = (actor: Actor, action: string, code: string, before?: unknown, after?: unknown) => ({
  actorId: actor.userId, actorName: actor.username, action, entity: 'dataset', entityId: code, before, after,
});

export async function listDatasets(deps: Deps, actor: Actor | null): Promise<Dataset[]> {
  if (actor) authorize(actor, 'read', 'dataset');
  return deps.store.statistics.datasets();
}

/** Creates a data set (statistician, admin); 409 when the code exists. */
export async function createDataset(deps: Deps, actor: Actor, raw: unknown, now: Date): Promise<Dataset> {
  authorize(actor, 'create', 'dataset');
  const input = parse(DatasetInput, raw);
  return deps.store.transaction(async (tx) => {
    const st = tx.statistics;
    if ((await st.datasets()).some((d) => d.code === input.code)) {
      throw new AppError('CONFLICT', { zh: `数据集代码已存在：${input.code}`, en: `data set ${input.code} already exists` }, [issue('code', input.code, { zh: '代码已存在', en: 'code already exists' })]);
    }
    const ds: Omit<Dataset, 'rowVersion'> = {
      code: input.code, name: input.name, nameEn: input.nameEn, frequency: input.frequency, orgKind: input.orgKind,
      deadlineDays: input.deadlineDays, expiryDays: input.expiryDays, indicators: input.indicators,
    };
    await checkComposition(st, ds, 'expiryDays');
    await st.insertDataset(ds, now.toISOString());
    await tx.audit.write(audit(actor, 'create', ds.code, undefined, ds));
    return { ...ds, rowVersion: 1 };
  });
}

/**
 * Changes names, deadline, expiry (null = never) and the indicator list, with the row version read
 * (409 when it changed meanwhile). Frequency and organisation kind are fixed once created: a different
 * value is a VALIDATION error (create a new data set instead), so existing reports keep their meaning.
 */
export async function updateDataset(deps: Deps, actor: Actor, code: string, raw: unknown, now: Date): Promise<Dataset> {
  authorize(actor, 'update', 'dataset');
  const patch = parse(DatasetPatch, raw);
  return deps.store.transaction(async (tx) => {
    const st = tx.statistics;
    const ds = await findDataset(st, code);
    const fixed = (['frequency', 'orgKind'] as const).filter((f) => patch[f] !== undefined && patch[f] !== ds[f]);
    if (fixed.length) {
      fail(fixed.map((f) => issue(f, patch[f], {
        zh: `数据集创建后不能修改${f === 'frequency' ? `频率（现为${FREQ_ZH[ds.frequency]}）` : `填报单位类型（现为${KIND_ZH[ds.orgKind]}）`}；请新建数据集`,
        en: `${f} cannot change after creation (it is ${ds[f]}); create a new data set instead`,
      })));
    }
    const { rowVersion: _v, ...before } = ds;
    const next: Omit<Dataset, 'rowVersion'> = {
      ...before,
      name: patch.name ?? ds.name,
      nameEn: patch.nameEn ?? ds.nameEn,
      deadlineDays: patch.deadlineDays ?? ds.deadlineDays,
      expiryDays: patch.expiryDays === undefined ? ds.expiryDays : patch.expiryDays,
      indicators: patch.indicators ?? ds.indicators,
    };
    await checkComposition(st, next, patch.expiryDays !== undefined || patch.deadlineDays === undefined ? 'expiryDays' : 'deadlineDays');
    if (!(await st.updateDataset(next, patch.rowVersion, now.toISOString()))) throw staleVersion(ds);
    await tx.audit.write(audit(actor, 'update', code, before, next));
    return { ...next, rowVersion: patch.rowVersion + 1 };
  });
}

/** Deletes a data set nobody has reported on yet (admin); its reminders go with it, values are untouched. */
export async function deleteDataset(deps: Deps, actor: Actor, code: string, raw: unknown, _now: Date): Promise<{ deleted: string }> {
  authorize(actor, 'delete', 'dataset');
  const q = parse(DatasetDeleteQuery, raw);
  return deps.store.transaction(async (tx) => {
    const st = tx.statistics;
    const ds = await findDataset(st, code);
    if (ds.rowVersion !== q.rowVersion) throw staleVersion(ds);
    const reports = await st.datasetReportCount(code);
    if (reports > 0) {
      throw new AppError('CONFLICT', {
        zh: `数据集「${ds.name}」已有 ${reports} 份报表，不能删除（可调整其指标或设置锁定期限）`,
        en: `data set ${code} has ${reports} report${reports === 1 ? '' : 's'}: it cannot be deleted (re-compose it or set an expiry instead)`,
      });
    }
    if (!(await st.deleteDataset(code, q.rowVersion))) throw staleVersion(ds);
    const { rowVersion: _v, ...before } = ds;
    await tx.audit.write(audit(actor, 'delete', code, before, undefined));
    return { deleted: code };
  });
}

const staleVersion = (ds: Dataset) => new AppError('CONFLICT', {
  zh: `数据集「${ds.name}」已被他人修改（当前版本 ${ds.rowVersion}），请刷新后重试`,
  en: `data set ${ds.code} was changed meanwhile (now version ${ds.rowVersion}); reload and try again`,
});
