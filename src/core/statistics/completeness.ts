// Completeness and timeliness: expected vs received reports of a data set for a period, on time
// against the deadline; the non-reporters with their reminders; reminders are stored and audited.
import { ReminderBody, type Completeness, type CompletenessRow, type NonReporter } from '../../shared/statistics';
import { AppError } from '../app-error';
import { parseInput } from '../parse-input';
import { authorize, type Actor } from '../policy';
import type { Deps } from '../ports';
import { canReadValues, ownerOf } from './context';
import { findDataset } from './lookup';
import { daysAfterPeriodEnd, normalizePeriod } from './periods';
import type { OrgInfo } from './ports';
import { can } from '../policy';
import { checkPeriodFor } from './lookup';
import { notify } from '../notifications/notify';
import { deliverEmails, type DeliveryReport } from '../notifications/deliver-emails';
import { isLate } from './report-workflow';

export type { Completeness, CompletenessRow, NonReporter };

const RECEIVED = new Set(['submitted', 'county_reviewed', 'approved']);

async function expectedOrgs(deps: Deps, actor: Actor, orgKind: string): Promise<OrgInfo[]> {
  const orgs = [...(await deps.store.statistics.orgInfos()).values()];
  return orgs.filter((o) => o.active && (orgKind === 'enterprise' ? o.kind === 'enterprise' : o.kind === 'city') && canReadValues(actor, o));
}

export async function getCompleteness(deps: Deps, actor: Actor, q: { dataset: string; period: string }): Promise<Completeness> {
  authorize(actor, 'read', 'datavalue');
  const st = deps.store.statistics;
  const ds = await findDataset(st, q.dataset);
  const period = normalizePeriod(q.period) ?? q.period;
  checkPeriodFor(ds, period);
  const deadline = daysAfterPeriodEnd(period, ds.deadlineDays);
  const orgs = await expectedOrgs(deps, actor, ds.orgKind);
  const reports = new Map((await st.reports({ datasetCode: ds.code, periods: [period] })).map((r) => [r.orgId, r]));
  const reminders = await st.reminders({ datasetCode: ds.code, period });
  const countyNames = new Map([...(await st.orgInfos()).values()].filter((o) => o.kind === 'county' || o.kind === 'zone').map((o) => [o.code, o.name]));
  const blank = (key: string, name: string): CompletenessRow => ({ key, name, expected: 0, received: 0, onTime: 0, late: 0, approved: 0, completeness: null, timeliness: null });
  const total = blank('all', '合计 total');
  const byCounty = new Map<string, CompletenessRow>();
  const nonReporters: NonReporter[] = [];
  for (const o of orgs) {
    const r = reports.get(o.orgId);
    const cKey = o.countyCode ?? o.code;
    let c = byCounty.get(cKey);
    if (!c) byCounty.set(cKey, (c = blank(cKey, countyNames.get(cKey) ?? o.name)));
    for (const row of [total, c]) {
      row.expected++;
      if (r && RECEIVED.has(r.status)) {
        row.received++;
        if (r.submittedAt && new Date(r.submittedAt) <= deadline) row.onTime++;
        if (isLate(r.submittedAt, deadline)) row.late++;
        if (r.status === 'approved') row.approved++;
      }
    }
    if (!r || !RECEIVED.has(r.status)) {
      const mine = reminders.filter((x) => x.orgId === o.orgId);
      nonReporters.push({ orgCode: o.code, orgName: o.name, countyCode: o.countyCode, status: r?.status ?? 'missing', reminders: mine.length, lastReminderAt: mine[mine.length - 1]?.at ?? null });
    }
  }
  const finish = (row: CompletenessRow) => ({ ...row, completeness: row.expected ? (row.received / row.expected) * 100 : null, timeliness: row.received ? (row.onTime / row.received) * 100 : null });
  return {
    dataset: ds.code, period, deadline: deadline.toISOString(), total: finish(total),
    byCounty: [...byCounty.values()].map(finish).sort((a, b) => a.key.localeCompare(b.key)),
    nonReporters: nonReporters.sort((a, b) => (a.countyCode ?? '').localeCompare(b.countyCode ?? '') || a.orgCode.localeCompare(b.orgCode)),
  };
}

export async function sendReminders(deps: Deps, actor: Actor, raw: unknown, now: Date): Promise<{ sent: number; orgCodes: string[]; notified: number; email: DeliveryReport }> {
  const body = parseInput(ReminderBody, raw);
  authorize(actor, 'read', 'datavalue');
  const status = await getCompleteness(deps, actor, { dataset: body.dataset, period: body.period });
  const ds = await findDataset(deps.store.statistics, body.dataset);
  const orgs = await deps.store.statistics.orgInfos();
  const targets = body.orgCodes?.length ? body.orgCodes : status.nonReporters.map((n) => n.orgCode);
  const pending = new Set(status.nonReporters.map((n) => n.orgCode));
  const chosen: OrgInfo[] = [];
  for (const code of targets) {
    const o = orgs.get(code);
    if (!o) throw new AppError('VALIDATION', { zh: `组织代码不存在：${code}`, en: `unknown organisation ${code}` });
    if (!pending.has(code)) throw new AppError('CONFLICT', { zh: `${o.name} 已上报，无需催报`, en: `${code} has already reported` });
    // Reminding is for those who supervise the reporter: the county for its enterprises, 统计局 / coordinators for all.
    const supervises = ['statistician', 'admin', 'coordinator'].includes(actor.role) || (actor.role === 'county' && can(actor, 'approve', 'datavalue', ownerOf(actor, o)));
    if (!supervises) {
      throw new AppError('FORBIDDEN', { zh: `无权催报 ${o.name}`, en: `you may not remind ${code}` });
    }
    chosen.push(o);
  }
  const period = normalizePeriod(body.period) ?? body.period;
  const message = body.message ?? `请于 ${status.deadline.slice(0, 10)} 前报送「${ds.name}」${period} 数据 / please submit ${ds.nameEn} ${period}`;
  const notification = { zh: `催报：${ds.name} ${period}`, en: `Reminder: ${ds.nameEn} ${period}` };
  const created = await deps.store.transaction(async (tx) => {
    const meta = { actorId: actor.userId, actorName: actor.username, now: now.toISOString(), batchId: null };
    await tx.statistics.insertReminders(chosen.map((o) => ({ datasetCode: ds.code, orgId: o.orgId, period, message })), meta);
    for (const o of chosen) {
      await tx.audit.write({ actorId: actor.userId, actorName: actor.username, action: 'remind', entity: 'report', entityId: `${ds.code}/${o.code}/${period}`, after: { message } });
    }
    // The reminded organisations' own users see it in the app (and by e-mail when SMTP is set up).
    const ids: string[] = [];
    for (const o of chosen) {
      const r = await notify(tx, {
        recipients: { orgIds: [o.orgId] }, kind: 'statistics.remind', title: notification,
        body: { zh: `${o.name}：${message}`, en: `${o.name}: ${message}` },
        link: `/statistics/entry?dataset=${encodeURIComponent(ds.code)}&period=${encodeURIComponent(period)}`,
        entity: 'report', entityId: `${ds.code}/${o.code}/${period}`, exceptUserIds: [actor.userId],
      }, now);
      ids.push(...r.ids);
    }
    return ids;
  });
  const email = await deliverEmails(deps, created);
  return { sent: chosen.length, orgCodes: chosen.map((o) => o.code), notified: created.length, email };
}
