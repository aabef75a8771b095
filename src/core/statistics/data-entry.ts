// Use-cases of the entry form: one data set × organisation × period, with the last period and the
// same period last year beside each field; saving goes through the shared validation pipeline.
import type { z } from 'zod';
import { FormSaveBody, type EntryForm, type FormField, type FormSaveResult } from '../../shared/statistics';
import { AppError } from '../app-error';
import { parseInput } from '../parse-input';
import { authorize, can, type Actor } from '../policy';
import type { Deps } from '../ports';
import { canWriteValues, loadValidationContext, ownerOf } from './context';
import { assertCanRead, checkOrgFor, checkPeriodFor, findDataset, findOrg, indicatorMap } from './lookup';
import { daysAfterPeriodEnd, normalizePeriod, previousPeriod, sameLastYear, singleFromYtd } from './periods';
import { needsConfirmation, pendingSoftWarnings } from './plausibility';
import { violationsOver } from './run-validation';
import { lockReason, reportKey, validateValues } from './validate-values';
import { valueKey, writeValues } from './write-values';

export type { EntryForm, FormField, FormSaveResult };

export const EMPTY_REPORT = { status: 'draft' as const, submittedAt: null, submittedBy: null, reviewedAt: null, reviewedBy: null, approvedAt: null, approvedBy: null, returnedReason: null, rowVersion: 0 };

export async function getEntryForm(deps: Deps, actor: Actor, q: { dataset: string; org: string; period: string }, now: Date): Promise<EntryForm> {
  authorize(actor, 'read', 'datavalue');
  const st = deps.store.statistics;
  const ds = await findDataset(st, q.dataset);
  const org = await findOrg(st, q.org);
  const period = normalizePeriod(q.period) ?? q.period;
  checkPeriodFor(ds, period);
  checkOrgFor(ds, org);
  assertCanRead(actor, org);
  const inds = await indicatorMap(st);
  const prev = previousPeriod(period);
  const ly = sameLastYear(period);
  const lyPrev = previousPeriod(ly);
  const periods = [period, prev, ly, lyPrev];
  const rows = await st.valuesOf({ orgIds: [org.orgId], indicatorCodes: ds.indicators, periods });
  const at = new Map(rows.map((r) => [`${r.indicatorCode}\u0001${r.period}`, r]));
  const get = (code: string, p: string) => at.get(`${code}\u0001${p}`)?.value ?? null;
  const reports = await st.reports({ datasetCode: ds.code, periods: [period], orgIds: [org.orgId] });
  const report = reports[0] ?? null;
  const lock = lockReason(ds, org, period, { reports: new Map(report ? [[reportKey(ds.code, org.orgId, period), report]] : []), now });
  const owner = ownerOf(actor, org);
  const status = report?.status ?? 'draft';
  const mayApprove = can(actor, 'approve', 'datavalue', owner);
  const fields: FormField[] = ds.indicators.map((code) => {
    const ind = inds.get(code)!;
    const cur = at.get(`${code}\u0001${period}`);
    const ytd = (p: string) => get(code, p);
    return {
      indicator: { code, name: ind.name, nameEn: ind.nameEn, unit: ind.unit, decimals: ind.decimals, cumulative: ind.cumulative, minValue: ind.minValue, maxValue: ind.maxValue, softMin: ind.softMin, softMax: ind.softMax, integer: ind.integer },
      value: cur?.value ?? null, rowVersion: cur?.rowVersion ?? null, status: cur?.status ?? null, source: cur?.source ?? null, comment: cur?.comment ?? null,
      lastPeriod: { period: prev, value: get(code, prev) },
      sameLastYear: { period: ly, value: get(code, ly) },
      single: ind.cumulative ? singleFromYtd(ytd, period) : null,
      singleLastYear: ind.cumulative ? singleFromYtd(ytd, ly) : null,
    };
  });
  const violations = (await violationsOver(st, rows, null, [`${org.orgId}\u0001${period}`])).filter((v) => v.period === period);
  const { datasetCode: _d, orgId: _o, period: _p, ...reportView } = report ?? { datasetCode: '', orgId: '', period: '', ...EMPTY_REPORT };
  return {
    dataset: { code: ds.code, name: ds.name, nameEn: ds.nameEn, frequency: ds.frequency, deadlineDays: ds.deadlineDays, expiryDays: ds.expiryDays },
    org: { code: org.code, name: org.name, kind: org.kind },
    period,
    deadline: daysAfterPeriodEnd(period, ds.deadlineDays).toISOString(),
    report: reportView,
    locked: lock !== null,
    lockReason: lock ? { zh: lock.zh, en: lock.en } : null,
    permissions: {
      edit: lock === null && canWriteValues(actor, org),
      submit: lock === null && canWriteValues(actor, org) && ['draft', 'returned'].includes(status),
      review: mayApprove && status === 'submitted',
      approve: mayApprove && (actor.role === 'statistician' || actor.role === 'admin') && status === 'county_reviewed',
      return: mayApprove && (status === 'submitted' || ((actor.role === 'statistician' || actor.role === 'admin') && ['county_reviewed', 'approved'].includes(status))),
    },
    fields,
    violations,
  };
}

export async function saveEntryForm(deps: Deps, actor: Actor, raw: unknown, now: Date): Promise<FormSaveResult> {
  const body: z.infer<typeof FormSaveBody> = parseInput(FormSaveBody, raw);
  authorize(actor, 'update', 'datavalue');
  const saved = await deps.store.transaction(async (tx) => {
    const st = tx.statistics;
    const ds = await findDataset(st, body.dataset);
    const org = await findOrg(st, body.org);
    const period = normalizePeriod(body.period) ?? body.period;
    checkPeriodFor(ds, period);
    checkOrgFor(ds, org);
    const rows = body.values.map((v, i) => ({ row: i + 1, orgCode: org.code, indicatorCode: v.indicatorCode, period, value: v.value, comment: v.comment }));
    const ctx = await loadValidationContext(st, actor, rows, now);
    const report = ctx.reports.get(reportKey(ds.code, org.orgId, period));
    // Scope first: another organisation's report status is not the caller's to learn.
    if (!canWriteValues(actor, org)) throw new AppError('FORBIDDEN', { zh: `无权填报「${org.name}」的数据`, en: `you may not enter data for ${org.code}` });
    const lock = lockReason(ds, org, period, ctx);
    if (lock) throw new AppError('LOCKED', { zh: lock.zh, en: lock.en });
    const notInSet = body.values.filter((v) => !ds.indicators.includes(v.indicatorCode));
    if (notInSet.length) throw new AppError('VALIDATION', { zh: `指标不属于数据集「${ds.name}」：${notInSet.map((v) => v.indicatorCode).join('、')}`, en: `not in data set ${ds.code}: ${notInSet.map((v) => v.indicatorCode).join(', ')}` });
    const { values, issues, locked, soft } = validateValues(rows, ctx);
    if (locked.length) throw new AppError('LOCKED', { zh: locked[0]!.issue.reason, en: locked[0]!.issue.reasonEn });
    if (issues.length) {
      const list = issues.map((i) => ({ path: `values[${i.row - 1}].${i.field === 'value' ? 'value' : i.field}`, message: i.reason, field: i.field, value: i.value, reason: i.reason, reasonEn: i.reasonEn }));
      throw new AppError('VALIDATION', { zh: `填报数据有误：${issues.map((i) => i.reason).join('；')}`, en: `Invalid values: ${issues.map((i) => i.reasonEn).join('; ')}` }, list);
    }
    const softWarnings = await pendingSoftWarnings(st, soft);
    if (softWarnings.length && !body.confirm) throw needsConfirmation(softWarnings, (i) => `values[${i.row - 1}].value`);
    const expected = new Map(body.values.map((v) => [valueKey(org.orgId, v.indicatorCode, period), v.rowVersion ?? null]));
    const meta = { actorId: actor.userId, actorName: actor.username, now: now.toISOString(), batchId: null };
    const summary = await writeValues(st, values, { source: 'form', status: 'draft', reason: body.reason ?? (report?.status === 'returned' ? `退回后修改 corrected after return: ${report.returnedReason ?? ''}` : null), meta, auditCreates: true, expectedVersions: expected });
    return { summary, softWarnings };
  });
  return { saved: saved.summary, softWarnings: saved.softWarnings, form: await getEntryForm(deps, actor, { dataset: body.dataset, org: body.org, period: body.period }, now) };
}
