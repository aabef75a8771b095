// Demo history of 领导小组审议 (sei init --demo), labelled demo: a secretary (mishu, of the group's office at
// the DRC), quarterly meetings from 2018Q2 to 2020Q4 and a dozen items across the three types linked to
// the plan's named projects; decisions (mostly 通过, some 有条件通过, one 暂缓 taken up again, one 不通过);
// follow-up tasks (交办) for the approved items, signed, most closed (销号) so their items are implemented;
// disbursement schedules and payments, one item behind schedule. Runs through the same use-cases as the
// app, as the system; deterministic. Supervision calls run on the demo's last day (2020-12-31) so the
// supervision history's light days and reminders stay as that demo made them. The follow-up rows are
// written directly (addDemoFollowUps) with one recompute at the end, to keep `init --demo` quick.
import type { Transaction } from 'kysely';
import { newId } from '../../core/ids';
import type { Secrets } from '../../core/ports';
import { createItem } from '../../core/review/create-item';
import { recordDecision } from '../../core/review/record-decision';
import { recordDisbursement, setFundSchedule } from '../../core/review/record-funds';
import { scheduleMeeting } from '../../core/review/schedule-meeting';
import { setAttendance } from '../../core/review/set-attendance';
import { submitItem } from '../../core/review/submit-item';
import { settleImplemented } from '../../core/review/settle-implemented';
import { reviewAction } from '../../core/review/create-follow-up';
import { planIdOf } from '../../core/supervision/present';
import { recomputePlan } from '../../core/supervision/recompute';
import type { Store } from '../../core/ports';
import type { Decision, ReviewType } from '../../shared/review';
import { insertUser } from '../repositories/users';
import { writeAudit } from '../audit';
import { storeInTransaction } from '../store';
import type { DB } from '../schema';
import { DEMO_PASSWORD } from './demo';

const END = new Date('2020-12-31T10:00:00.000Z');
const DEMO_END_DAY = '2020-12-31';
const at = (day: string, hour = 9) => new Date(`${day}T${String(hour).padStart(2, '0')}:00:00.000Z`);

interface DemoItem {
  type: ReviewType; title: string; unit: string; project?: string; industry?: string; county?: string; amount?: number; summary: string;
  meeting: number; decision: Decision; conditions?: string; presenter: string;
  followUp?: { title: string; lead: string; due: string; close: boolean };
  schedule?: [string, number][]; paid?: [string, number, string][];
}

const MEETINGS = ['2018-06-28', '2018-09-27', '2018-12-27', '2019-03-28', '2019-06-27', '2019-09-26', '2019-12-26', '2020-06-24', '2020-09-24', '2020-12-24'];

const ITEMS: DemoItem[] = [
  { type: 'decision', title: '邢台市战略性新兴产业发展三年行动计划任务分工方案', unit: 'dept-fgw', summary: '明确七大产业牵头部门和各县市区任务，建立季度调度机制。', meeting: 0, decision: 'approved', presenter: '市发展改革委主任',
    followUp: { title: '落实三年行动计划任务分工', lead: 'dept-fgw', due: '2018-12-31', close: true } },
  { type: 'project', title: '中钢邢机搬迁升级项目市级支持资金', unit: 'dept-gxj', project: '中钢邢机搬迁升级项目', amount: 3000, summary: '支持轧辊生产线搬迁升级，分三期拨付。', meeting: 1, decision: 'conditional',
    conditions: '第二期资金待新厂区主体工程竣工验收后拨付', presenter: '市工业和信息化局局长',
    followUp: { title: '督促中钢邢机新厂区主体工程按期竣工', lead: 'dept-gxj', due: '2019-12-31', close: true },
    schedule: [['2018-12-31', 1000], ['2019-06-30', 1000], ['2019-12-31', 1000]], paid: [['2018-12-20', 1000, '邢财建〔2018〕112号'], ['2019-07-15', 1000, '邢财建〔2019〕61号'], ['2019-12-25', 1000, '邢财建〔2019〕140号']] },
  { type: 'funds', title: '2019年战略性新兴产业发展专项资金安排方案', unit: 'dept-czj', industry: 'new-materials', amount: 5000, summary: '重点支持新材料、高端装备和生物医药领域技术改造与创新平台建设。', meeting: 2, decision: 'approved', presenter: '市财政局局长',
    followUp: { title: '专项资金项目绩效跟踪', lead: 'dept-czj', due: '2020-06-30', close: true },
    schedule: [['2019-03-31', 2000], ['2019-09-30', 2000], ['2019-12-31', 1000]], paid: [['2019-03-20', 2000, '邢财企〔2019〕15号'], ['2019-10-10', 2000, '邢财企〔2019〕77号'], ['2019-12-28', 1000, '邢财企〔2019〕133号']] },
  { type: 'project', title: '柏乡县通用航空机场项目前期工作经费', unit: '130524', project: '柏乡县通用航空机场项目', amount: 800, summary: '开展选址论证、空域评估和可研编制。', meeting: 3, decision: 'deferred', presenter: '柏乡县人民政府县长' },
  { type: 'project', title: '邢台市云计算大数据中心建设方案', unit: 'dept-gxj', project: '邢台市云计算大数据中心', amount: 2500, summary: '建设市级政务云和行业大数据平台，一期机柜 500 个。', meeting: 3, decision: 'approved', presenter: '市工业和信息化局副局长',
    followUp: { title: '云计算大数据中心一期建成投用', lead: 'dept-gxj', due: '2020-06-30', close: true },
    schedule: [['2019-06-30', 1500], ['2019-12-31', 1000]], paid: [['2019-06-25', 1500, '邢财建〔2019〕48号'], ['2020-01-20', 1000, '邢财建〔2020〕6号']] },
  { type: 'decision', title: '关于加快新能源汽车推广应用的若干措施', unit: 'dept-gxj', industry: 'nev-icv', summary: '公交、出租、环卫车辆新增和更新优先使用新能源汽车，配套建设充电设施。', meeting: 4, decision: 'approved', presenter: '市工业和信息化局局长',
    followUp: { title: '新能源汽车推广与充电设施建设', lead: 'dept-gxj', due: '2020-12-31', close: true } },
  { type: 'project', title: '柏乡县通用航空机场项目前期工作经费（再次审议）', unit: '130524', project: '柏乡县通用航空机场项目', amount: 600, summary: '按上次会议意见压减经费，补充空域评估意见。', meeting: 5, decision: 'conditional',
    conditions: '取得民航华北地区管理局选址意见后方可拨付', presenter: '柏乡县人民政府县长',
    followUp: { title: '通用机场选址意见报批', lead: '130524', due: '2020-09-30', close: false },
    schedule: [['2019-12-31', 300], ['2020-06-30', 300]], paid: [['2020-03-18', 300, '柏财建〔2020〕9号']] },
  { type: 'funds', title: '北斗卫星导航位置服务中心运营补助', unit: 'dept-kjj', project: '北斗卫星导航位置服务中心', amount: 400, summary: '对位置服务中心首年运营给予补助。', meeting: 5, decision: 'rejected', presenter: '市科学技术局局长' },
  { type: 'project', title: '邢台市政府应急指挥平台项目', unit: 'dept-fgw', project: '邢台市政府应急指挥平台项目', amount: 1800, summary: '建设市、县两级应急指挥平台，接入视频监控和物联感知数据。', meeting: 6, decision: 'approved', presenter: '市发展改革委副主任',
    followUp: { title: '应急指挥平台建成并接入各县市区', lead: 'dept-fgw', due: '2020-10-31', close: true },
    schedule: [['2020-03-31', 900], ['2020-09-30', 900]], paid: [['2020-03-30', 900, '邢财建〔2020〕21号'], ['2020-09-28', 900, '邢财建〔2020〕87号']] },
  { type: 'funds', title: '2020年战略性新兴产业发展专项资金安排方案', unit: 'dept-czj', industry: 'biomed-health', amount: 4000, summary: '重点支持生物医药与健康、节能环保产业和疫情防控物资生产企业技术改造。', meeting: 7, decision: 'approved', presenter: '市财政局局长',
    followUp: { title: '2020年专项资金拨付与绩效评价', lead: 'dept-czj', due: '2021-06-30', close: false },
    schedule: [['2020-07-31', 2000], ['2020-11-30', 2000]], paid: [['2020-07-28', 2000, '邢财企〔2020〕58号'], ['2020-12-10', 800, '邢财企〔2020〕119号']] },
  { type: 'decision', title: '邢台地区无线wifi建设项目实施方案调整', unit: 'dept-gxj', project: '邢台地区无线wifi建设项目', summary: '调整建设主体和覆盖范围，重点覆盖公共场所和产业园区。', meeting: 8, decision: 'approved', presenter: '市工业和信息化局副局长',
    followUp: { title: '无线wifi重点区域覆盖', lead: 'dept-gxj', due: '2021-03-31', close: false } },
  { type: 'decision', title: '战略性新兴产业发展三年行动计划总结评估工作方案', unit: 'dept-fgw', summary: '开展 2018—2020 年行动计划实施情况总结评估，研究编制“十四五”产业发展规划。', meeting: 9, decision: 'approved', presenter: '市发展改革委主任' },
];

const MEMBERS = [
  { name: '王建国', position: '组长、市长' }, { name: '李振华', position: '副组长、常务副市长' }, { name: '张明', position: '副组长、分管副市长' },
  { name: '刘伟', position: '成员、市发展改革委主任' }, { name: '陈静', position: '成员、市工业和信息化局局长' }, { name: '赵磊', position: '成员、市财政局局长' }, { name: '孙丽', position: '成员、市科学技术局局长' },
];

export async function addDemoReview(trx: Transaction<DB>, secrets: Secrets, nowIso: string): Promise<void> {
  const store = storeInTransaction(trx);
  const deps = { store, secrets };
  const orgs = await store.orgs.list();
  const org = (code: string) => orgs.find((o) => o.code === code)?.id ?? orgs.find((o) => o.code === 'dept-fgw')!.id;
  // The group's secretary: a user of the office at the DRC, flagged in review_secretary.
  const fgwOrg = org('dept-fgw');
  const mishuId = newId();
  await insertUser(trx, { id: mishuId, username: 'mishu', displayName: '领导小组办公室 秘书（演示）', passwordHash: await secrets.hashPassword(DEMO_PASSWORD), role: 'coordinator', orgId: fgwOrg }, nowIso);
  await writeAudit(trx, { actorId: null, actorName: 'init', action: 'create', entity: 'user', entityId: mishuId, after: { username: 'mishu', role: 'coordinator', demo: true } });
  await store.review.setSecretary(mishuId, true, 'init', nowIso);
  const secretary = { userId: mishuId, username: 'mishu', role: 'coordinator' as const, orgId: fgwOrg };

  const projects = await trx.selectFrom('project').select(['id', 'name']).execute();
  const projectId = (name?: string) => (name ? projects.find((p) => p.name === name)?.id ?? null : null);
  const created: { id: string; rowVersion: number }[] = [];
  for (const [i, d] of ITEMS.entries()) {
    const meetingDay = MEETINGS[d.meeting]!;
    const draftDay = new Date(at(meetingDay).getTime() - 30 * 86_400_000);
    const item = await createItem(deps, null, {
      type: d.type, title: d.title, submittingOrgId: org(d.unit), summary: d.summary, amount: d.amount ?? null, projectId: projectId(d.project),
      industryCode: d.industry ?? null, countyOrgId: /^\d{6}$/.test(d.unit) ? org(d.unit) : null,
      amendsItemId: null,
    }, new Date(draftDay.getTime() + i * 1000), { demo: true });
    const s = await submitItem(deps, null, item.id, { rowVersion: item.rowVersion }, new Date(draftDay.getTime() + 7 * 86_400_000));
    created.push({ id: s.id, rowVersion: s.rowVersion });
  }
  for (const [mi, day] of MEETINGS.entries()) {
    const on = ITEMS.map((d, i) => ({ d, i })).filter((x) => x.d.meeting === mi);
    if (on.length === 0) continue;
    const quarter = Math.floor(Number(day.slice(5, 7)) / 3.01) + 1;
    let m = await scheduleMeeting(deps, null, {
      title: `${day.slice(0, 4)}年第${'一二三四'[quarter - 1]}季度领导小组会议`, heldOn: day, place: '市政府第一会议室',
      agenda: await Promise.all(on.map(async (x) => ({ itemId: created[x.i]!.id, rowVersion: (await store.review.getItem(created[x.i]!.id))!.rowVersion, presenter: x.d.presenter }))),
    }, at(day, 1), { demo: true });
    m = await setAttendance(deps, null, m.id, { rowVersion: m.rowVersion, attendees: MEMBERS.map((p, k) => ({ ...p, present: (k + mi) % 5 !== 0, note: (k + mi) % 5 === 0 ? '请假' : null })) }, at(day, 2));
    for (const x of on) {
      m = await recordDecision(deps, secretary, m.id, { rowVersion: m.rowVersion, itemId: created[x.i]!.id, decision: x.d.decision, conditions: x.d.conditions ?? null, note: x.d.decision === 'deferred' ? '请补充空域评估意见、压减经费后再次提交' : null }, at(day, 10));
    }
  }
  // The deferred item is back to submitted: it stays so (its re-submission is a separate item, as happened).
  const followUps: DemoFollowUp[] = [];
  for (const [i, d] of ITEMS.entries()) {
    const id = created[i]!.id;
    let it = (await store.review.getItem(id))!;
    if (d.schedule) {
      await setFundSchedule(deps, null, id, { rowVersion: it.rowVersion, rows: d.schedule.map(([dueOn, amount]) => ({ dueOn, amount })) }, at(MEETINGS[d.meeting]!, 15));
      for (const [paidOn, amount, voucherRef] of d.paid ?? []) {
        it = (await store.review.getItem(id))!;
        await recordDisbursement(deps, null, id, { rowVersion: it.rowVersion, paidOn, amount, voucherRef }, at(paidOn, 16));
      }
    }
    if (d.followUp) followUps.push({ itemId: id, start: MEETINGS[d.meeting]!, ...d.followUp });
  }
  await addDemoFollowUps(store, followUps, org);
  // Items whose follow-up tasks are all closed are stored as implemented (the app settles them on read).
  await settleImplemented(store, await store.review.listItems({}), END);
}

interface DemoFollowUp { itemId: string; start: string; title: string; lead: string; due: string; close: boolean }

/**
 * The demo's 交办: the rows createFollowUp, signTask, requestClosure and decideClosure write (task under
 * SA-LG with its lead unit and project link, assignment, signature, closure, the item's follow-up link,
 * audit rows), written directly and recomputed once at the end — each use-case recomputes the whole plan,
 * which made `init --demo` a minute slower on PostgreSQL. The app's path is tested in review-loop.test.ts.
 */
async function addDemoFollowUps(store: Store, list: DemoFollowUp[], org: (code: string) => string): Promise<void> {
  const planId = await planIdOf({ store, secrets: null as never }, undefined);
  const parentId = await reviewAction(store, planId, END, true);
  const s = store.supervision;
  const at = END.toISOString();
  const pending = { percentDone: 0, light: { light: 'green' as const, reasons: [], timeElapsedPct: 0, lagPoints: 0 }, missedReports: 0, reportedThisPeriod: false, lightAsOf: '1970-01-01' };
  for (const [k, f] of list.entries()) {
    const item = (await store.review.getItem(f.itemId))!;
    const id = newId(END.getTime());
    const code = `SA-LG.${k + 1}`;
    const leadOrgId = org(f.lead);
    const content = [item.conditions ? `审议条件：${item.conditions}` : null, `来源：领导小组审议事项 ${item.code}`].filter(Boolean).join('\n');
    await s.insertNode({
      id, planId, parentId, kind: 'task', code, title: f.title, content, startOn: f.start, dueOn: f.due, proposed: false, reportingCycle: 'quarterly',
      reportDeadlineDay: 10, weight: 1, status: f.close ? 'closed' : 'in_progress', sourceTaskId: null, sourceSectionId: null, sort: k + 1, demo: true,
    }, pending, at);
    await s.setUnits(id, [{ orgId: leadOrgId, role: 'lead' }]);
    if (item.project) await s.setLinks(id, [{ kind: 'project', refId: item.project.id }]);
    await s.assign({ id: newId(END.getTime()), taskId: id, orgId: leadOrgId, note: `领导小组审议事项 ${item.code} 交办`, by: 'fgw', at });
    const n = (await s.getNode(id))!;
    await s.sign(n.assignment!.id, 'demo', at);
    await store.review.addFollowUp(item.id, id, at);
    await store.audit.write({ actorId: null, actorName: 'init', action: 'follow-up', entity: 'review_item', entityId: item.id, after: { taskId: id, taskCode: code, title: f.title, leadOrgId, dueOn: f.due, demo: true } });
    if (f.close) {
      const cid = newId(END.getTime());
      await s.insertClosure({ id: cid, taskId: id, orgId: leadOrgId, note: '已按领导小组议定事项落实（演示）', status: 'requested', requestedBy: 'demo', requestedAt: at });
      await s.decideClosure(cid, 'closed', 'fgw', at, null);
    }
  }
  await recomputePlan(store, planId, DEMO_END_DAY);
}
