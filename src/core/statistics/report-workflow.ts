// Approval of a data set × organisation × period (as DHIS2's data approval): the enterprise (or the
// county for county/city data) submits → the county reviews → 统计局 approves; county or 统计局 may
// return it with a reason. Submitted, reviewed and approved values are locked against editing.
import { ReportActionBody, type ReportAction, type ReportRow, type ValueStatus } from '../../shared/statistics';
import { AppError } from '../app-error';
import { parseInput } from '../parse-input';
import { authorize, type Actor } from '../policy';
import type { Deps } from '../ports';
import { canReadValues, ownerOf } from './context';
import { EMPTY_REPORT } from './data-entry';
import { checkOrgFor, checkPeriodFor, findDataset, findOrg } from './lookup';
import { daysAfterPeriodEnd, normalizePeriod } from './periods';
import type { ReportRecord } from './ports';

const FROM: Record<ReportAction, ValueStatus[]> = {
  submit: ['draft', 'returned'],
  review: ['submitted'],
  approve: ['county_reviewed'],
  return: ['submitted', 'county_reviewed', 'approved'],
};
const TO: Record<ReportAction, ValueStatus> = { submit: 'submitted', review: 'county_reviewed', approve: 'approved', return: 'returned' };
const ACTION_ZH: Record<ReportAction, string> = { submit: '上报', review: '县级审核', approve: '审批', return: '退回' };
const STATUS_ZH: Record<ValueStatus, string> = { draft: '草稿', submitted: '已上报', county_reviewed: '县级已审核', approved: '已审批', returned: '已退回' };

const isCityLevel = (actor: Actor) => actor.role === 'statistician' || actor.role === 'admin';

/** 逾期上报: the (last) submission came after the data set's deadline for the period. */
export function isLate(submittedAt: string | null, deadline: Date): boolean {
  return submittedAt != null && new Date(submittedAt).getTime() > deadline.getTime();
}

export async function changeReportStatus(deps: Deps, actor: Actor, action: ReportAction, raw: unknown, now: Date): Promise<ReportRecord & { late: boolean }> {
  const body = parseInput(ReportActionBody, raw);
  return deps.store.transaction(async (tx) => {
    const st = tx.statistics;
    const ds = await findDataset(st, body.dataset);
    const org = await findOrg(st, body.org);
    const period = normalizePeriod(body.period) ?? body.period;
    checkPeriodFor(ds, period);
    checkOrgFor(ds, org);
    const owner = ownerOf(actor, org);
    if (action === 'submit') authorize(actor, 'update', 'datavalue', owner);
    else authorize(actor, 'approve', 'datavalue', owner);
    if (action === 'approve' && !isCityLevel(actor)) {
      throw new AppError('FORBIDDEN', { zh: '终审须由市统计局完成', en: 'final approval is for the statistics bureau' });
    }
    const current = (await st.reports({ datasetCode: ds.code, periods: [period], orgIds: [org.orgId] }))[0] ?? null;
    const status: ValueStatus = current?.status ?? 'draft';
    const version = current?.rowVersion ?? 0;
    if (version !== body.rowVersion) {
      throw new AppError('CONFLICT', { zh: `报表已被他人处理（当前状态：${STATUS_ZH[status]}），请刷新`, en: `the report changed meanwhile (now ${status}); reload` });
    }
    if (!FROM[action].includes(status) || (action === 'return' && !isCityLevel(actor) && status !== 'submitted')) {
      throw new AppError('CONFLICT', { zh: `当前状态「${STATUS_ZH[status]}」不能${ACTION_ZH[action]}`, en: `cannot ${action} a report that is ${status}` });
    }
    if (action === 'return' && !body.reason) {
      throw new AppError('VALIDATION', { zh: '退回须填写原因', en: 'a return needs a reason' }, [{ path: 'reason', message: '退回须填写原因 / a reason is required' }]);
    }
    const values = await st.valuesOf({ orgIds: [org.orgId], indicatorCodes: ds.indicators, periods: [period] });
    if (action === 'submit' && values.length === 0) {
      throw new AppError('VALIDATION', { zh: '尚未填报任何数据，不能上报', en: 'nothing has been entered yet' });
    }
    const at = now.toISOString();
    const base = current ?? { datasetCode: ds.code, orgId: org.orgId, period, ...EMPTY_REPORT };
    const next: ReportRecord = { ...base, status: TO[action] };
    if (action === 'submit') Object.assign(next, { submittedAt: at, submittedBy: actor.username, returnedReason: null });
    if (action === 'review') Object.assign(next, { reviewedAt: at, reviewedBy: actor.username });
    if (action === 'approve') Object.assign(next, { approvedAt: at, approvedBy: actor.username });
    if (action === 'return') Object.assign(next, { returnedReason: body.reason ?? null, approvedAt: null, approvedBy: null, reviewedAt: null, reviewedBy: null });
    if (!(await st.saveReport(next, version, at))) throw new AppError('CONFLICT');
    const meta = { actorId: actor.userId, actorName: actor.username, now: at, batchId: null };
    await st.setValueStatus(values.map((v) => ({ orgId: org.orgId, indicatorCode: v.indicatorCode, period })), TO[action], meta);
    const late = isLate(next.submittedAt, daysAfterPeriodEnd(period, ds.deadlineDays));
    await tx.audit.write({
      actorId: actor.userId, actorName: actor.username, action: `report.${action}`, entity: 'report', entityId: `${ds.code}/${org.code}/${period}`,
      before: { status }, after: { status: next.status, reason: body.reason ?? null, values: values.length, ...(action === 'submit' ? { late } : {}) },
    });
    return { ...next, rowVersion: version + 1, late };
  });
}

export interface ReportQuery {
  dataset: string;
  period: string;
  status?: string;
  /** Part of the organisation's name or code (统一社会信用代码), case-insensitive. */
  q?: string;
  /** County code (130528) of the reporting organisation. */
  county?: string;
  /** `1`: only the reports submitted after the deadline (逾期上报). */
  late?: boolean;
}

/** The approval queue: reports of a data set and period (filtered by status, name/code, county, lateness) the actor may see. */
export async function listReports(deps: Deps, actor: Actor, q: ReportQuery): Promise<ReportRow[]> {
  authorize(actor, 'read', 'datavalue');
  const st = deps.store.statistics;
  const ds = await findDataset(st, q.dataset);
  const period = normalizePeriod(q.period) ?? q.period;
  checkPeriodFor(ds, period);
  const deadline = daysAfterPeriodEnd(period, ds.deadlineDays);
  const orgs = new Map([...(await st.orgInfos()).values()].map((o) => [o.orgId, o]));
  const rows = await st.reports({ datasetCode: ds.code, periods: [period] });
  const text = q.q?.trim().toLowerCase() ?? '';
  // Name or code as typed, or the enterprise's pinyin key with spaces ignored (xtgt, xing tai gang tie).
  const compact = text.replace(/\s+/g, '');
  const matches = (o: { code: string; name: string; countyCode: string | null; searchKey?: string | null }) =>
    (!text || o.name.toLowerCase().includes(text) || o.code.toLowerCase().includes(text) || (!!compact && !!o.searchKey?.includes(compact)))
    && (!q.county || o.countyCode === q.county || o.code === q.county);
  return rows
    .filter((r) => (!q.status || r.status === q.status) && orgs.has(r.orgId) && canReadValues(actor, orgs.get(r.orgId)!) && matches(orgs.get(r.orgId)!))
    .map(({ orgId, ...r }) => { const o = orgs.get(orgId)!; return { org: { code: o.code, name: o.name, countyCode: o.countyCode }, ...r, late: isLate(r.submittedAt, deadline) }; })
    .filter((r) => !q.late || r.late)
    .sort((a, b) => (a.org.countyCode ?? '').localeCompare(b.org.countyCode ?? '') || a.org.code.localeCompare(b.org.code));
}
