// Demo history of 督查督办 (sei init --demo): the plan's tasks as a supervised tree, each assigned to its
// lead unit (or, for every fourth task naming a county, to that county) and signed; quarterly reports from
// 2018Q1 to 2020Q3 — most on time, some late, a few missing, a few returned; closures (销号) in December
// 2020 for the tasks that reached 100 %; the daily light history of 2020-07-01 … 2020-12-31 computed with
// the same rule as the tick, and the tick's reminders and escalations over those days; three 问效 records on the tasks with the most
// red days. Deterministic (a hash of task code and period, no randomness, no clock) and flagged demo.
import type { Transaction } from 'kysely';
import { newId } from '../../core/ids';
import { computePlan } from '../../core/supervision/recompute';
import { recordReminder } from '../../core/supervision/record-reminder';
import { redHistory } from '../../core/supervision/red-history';
import { owedReminders, reminderKey } from '../../core/supervision/reminder-rules';
import { importPlanTasks } from '../../core/supervision/import-plan-tasks';
import { periodRange, periodsBetween, reportDeadline } from '../../core/supervision/report-periods';
import { remindedOrg } from '../../core/supervision/send-due-reminders';
import { timeElapsedPct } from '../../core/supervision/task-light';
import type { StoredNode, StoredReport } from '../../core/supervision/ports';
import type { Secrets } from '../../core/ports';
import { recomputePlan } from '../../core/supervision/recompute';
import { bulkInsert } from '../repositories/bulk';
import { storeInTransaction } from '../store';
import type { DB } from '../schema';

export const DEMO_SUPERVISION_END = '2020-12-31';
const START = '2018-01-01';
/** Light history and the tick's reminders are replayed for the plan's last half-year only: every day of
 * 2018–2020 would add ~15 s to `sei init --demo` (and to every test database made with demo data). */
export const DEMO_HISTORY_FROM = '2020-07-01';

function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return (h >>> 0) % 1000;
}
const addDays = (iso: string, n: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const ts = (day: string, hour = 9) => `${day}T${String(hour).padStart(2, '0')}:00:00.000Z`;
const user = (code: string) => (code === 'dept-gxj' ? 'gxj' : code === '130528' ? 'ningjin' : `${code}（演示联络员）`);

interface DemoReport extends StoredReport { reviewedOn: string | null; submittedOn: string | null }

export async function addDemoSupervision(trx: Transaction<DB>, secrets: Secrets, now: string): Promise<void> {
  const store = storeInTransaction(trx);
  const at = new Date(now);
  const { planId } = await importPlanTasks({ store, secrets }, null, undefined, at, { demo: true });
  let nodes = await store.supervision.listNodes(planId);
  const tasks = nodes.filter((n) => n.kind === 'task');

  // 交办 and 签收: at the start of the plan, signed within a week.
  for (const [i, t] of tasks.entries()) {
    const county = t.units.find((u) => u.role === 'county');
    const lead = t.units.find((u) => u.role === 'lead');
    const org = county && i % 4 === 3 ? county : lead;
    if (!org) continue;
    const id = newId();
    const day = addDays('2018-01-08', i % 10);
    await store.supervision.assign({ id, taskId: t.id, orgId: org.id, note: '（演示）请按季度报送进展', by: 'fgw', at: ts(day) });
    await store.supervision.sign(id, user(org.code), ts(addDays(day, 1 + (hash(t.code) % 6))));
  }
  nodes = await store.supervision.listNodes(planId);

  // Reports: percent done follows elapsed time times a pace of 0.55–1.2 per task.
  const reports: DemoReport[] = [];
  const closedOn = new Map<string, string>();
  for (const t of nodes.filter((n) => n.kind === 'task')) {
    const org = remindedOrg(t);
    if (!org) continue;
    const pace = 0.55 + (hash(t.code) % 66) / 100;
    for (const p of periodsBetween(START, '2020-09-30', t.reportingCycle)) {
      const h = hash(`${t.code}|${p}`);
      if (h % 13 === 0) continue; // missing
      const deadline = reportDeadline(p, t.reportDeadlineDay);
      const submittedOn = h % 11 === 1 ? addDays(deadline, 4 + (h % 9)) : addDays(deadline, -1 - (h % 5));
      const returned = h % 17 === 2;
      const percent = Math.min(100, Math.round(timeElapsedPct(START, t.dueOn, periodRange(p).to) * pace));
      const reviewedOn = addDays(submittedOn, 2);
      reports.push({
        id: newId(), taskId: t.id, period: p, org, percentDone: percent,
        progress: `（演示）${p}：按计划推进，累计完成约${percent}%。`, problems: returned ? '（演示）材料不全' : '（演示）无', nextSteps: '（演示）继续推进',
        status: returned ? 'returned' : 'accepted', returnReason: returned ? '（演示）请补充佐证材料' : null,
        submittedBy: user(org.code), submittedAt: ts(submittedOn), reviewedBy: 'fgw', reviewedAt: ts(reviewedOn), rowVersion: 1, updatedAt: ts(reviewedOn),
        submittedOn, reviewedOn,
      });
    }
    if (pace >= 1.0) closedOn.set(t.id, addDays('2020-12-10', hash(t.code) % 15));
  }
  const reportCols = ['id', 'task_id', 'period', 'org_id', 'percent_done', 'progress_text', 'problems_text', 'next_steps_text', 'status', 'return_reason',
    'submitted_by', 'submitted_at', 'reviewed_by', 'reviewed_at', 'demo', 'row_version', 'created_at', 'updated_at'];
  await bulkInsert(trx, { table: 'supervision_report', columns: reportCols }, reports.map((r) => [
    r.id, r.taskId, r.period, r.org!.id, r.percentDone, r.progress, r.problems, r.nextSteps, r.status, r.returnReason,
    r.submittedBy, r.submittedAt, r.reviewedBy, r.reviewedAt, 1, 1, r.submittedAt, r.updatedAt,
  ]));

  // The daily light history, with the reports and closures as they stood on each day.
  const lightRows: unknown[][] = [];
  const byDay = new Map<string, StoredNode[]>();
  for (let day = DEMO_HISTORY_FROM; day <= DEMO_SUPERVISION_END; day = addDays(day, 1)) {
    const dayNodes = nodes.map((n) => (closedOn.get(n.id) && closedOn.get(n.id)! <= day ? { ...n, status: 'closed' as const } : n));
    const visible: StoredReport[] = [];
    for (const r of reports) {
      if (r.submittedOn! > day) continue;
      visible.push({ ...r, status: r.reviewedOn! <= day ? r.status : 'submitted' });
    }
    const computed = computePlan(dayNodes, visible, day);
    for (const n of dayNodes) {
      const c = computed.get(n.id);
      if (!c) continue;
      lightRows.push([n.id, day, c.light.light, JSON.stringify(c.light.reasons), c.percentDone, c.light.timeElapsedPct, c.light.lagPoints]);
    }
    byDay.set(day, dayNodes);
  }
  await bulkInsert(trx, { table: 'supervision_light_day', columns: ['task_id', 'day', 'light', 'reasons_json', 'percent_done', 'time_elapsed_pct', 'lag_points'] }, lightRows);

  // 销号: requested by the unit, closed by the coordinator.
  for (const [taskId, day] of closedOn) {
    const t = nodes.find((n) => n.id === taskId)!;
    const id = newId();
    await store.supervision.insertClosure({ id, taskId, orgId: remindedOrg(t)!.id, note: '（演示）任务已完成，申请销号', status: 'requested', requestedBy: user(remindedOrg(t)!.code), requestedAt: ts(addDays(day, -3)) });
    await store.supervision.decideClosure(id, 'closed', 'fgw', ts(day), null);
    await trx.updateTable('supervision_task').set({ status: 'closed' }).where('id', '=', taskId).execute();
  }

  // The tick's reminders on each deadline-related day (report due in 3 days, missed, task due), as it would have sent them.
  const keys = new Set<string>();
  const submittedBy = (day: string) => {
    const m = new Map<string, Set<string>>();
    for (const r of reports) if (r.submittedOn! <= day && !(r.status === 'returned' && r.reviewedOn! <= day)) m.set(r.taskId, (m.get(r.taskId) ?? new Set()).add(r.period));
    return m;
  };
  for (let day = DEMO_HISTORY_FROM; day <= DEMO_SUPERVISION_END; day = addDays(day, 1)) {
    if (![7, 11, 20].includes(Number(day.slice(8)))) continue; // the demo tick reminds on three days a month (keeps init fast)
    const sub = submittedBy(day);
    for (const n of byDay.get(day)!.filter((x) => x.kind === 'task')) {
      const org = remindedOrg(n);
      if (!org) continue;
      for (const owed of owedReminders(n, sub.get(n.id) ?? new Set(), day)) {
        const key = reminderKey(n.id, org.id, owed.cause, owed.period);
        if (keys.has(key)) continue;
        keys.add(key);
        await recordReminder(store, { task: n, org, cause: owed.cause, period: owed.period, message: `（演示）${owed.message.zh}`, messageEn: owed.message.en }, { id: null, name: 'tick' }, ts(day, 1), true);
      }
    }
  }

  // 问效 on the three tasks with the most red days.
  const redByTask = new Map<string, { day: string; light: string }[]>();
  for (const r of lightRows) {
    const [taskId, day, light] = r as [string, string, string];
    if (light === 'red') redByTask.set(taskId, [...(redByTask.get(taskId) ?? []), { day, light }]);
  }
  const worst = [...redByTask.entries()].filter(([id]) => nodes.find((n) => n.id === id)?.kind === 'task').sort((a, b) => b[1].length - a[1].length || (a[0] < b[0] ? -1 : 1)).slice(0, 3);
  const kinds = [['interview', '2020-06-15', '（演示）连续红灯，约谈责任单位负责人', 'open'], ['notice', '2020-09-10', '（演示）逾期未报且进度滞后，通报批评', 'rectified'], ['rectify', '2020-11-05', '（演示）限期整改，补报进展并制定赶进度计划', 'open']] as const;
  for (const [i, [taskId, red]] of worst.entries()) {
    const [kind, day, reason, status] = kinds[i];
    const t = nodes.find((n) => n.id === taskId)!;
    const h = redHistory(red, day);
    await store.supervisionFollowUp.insertAccountability({
      id: newId(), taskId, orgId: remindedOrg(t)!.id, kind, reason, dueOn: addDays(day, 30), status, redDays: h.redDays, redHistory: h.runs,
      resolution: status === 'rectified' ? '（演示）已补报并整改' : null, createdBy: 'fgw', createdAt: ts(day), demo: true,
    });
  }
  // The stored lights as of the end of the plan (the server's tick moves them to today).
  await recomputePlan(store, planId, DEMO_SUPERVISION_END);
}
