// Checks an item's links (unit, project, supervised task, industry, county) and fills the county and
// industry from a linked project when they are not given, so the funds totals have them.
import { AppError } from '../app-error';
import type { Store } from '../ports';
import type { ItemWrite } from './ports';

const bad = (path: string, zh: string, en: string) => new AppError('VALIDATION', { zh, en }, [{ path, message: en }]);

export async function checkItemLinks(store: Store, w: ItemWrite): Promise<ItemWrite> {
  const orgs = await store.orgs.list();
  const org = orgs.find((o) => o.id === w.submittingOrgId);
  if (!org || org.kind === 'enterprise') throw bad('submittingOrgId', `提交单位不存在或不是部门／县市区：${w.submittingOrgId}`, `submitting unit unknown or not a department/county: ${w.submittingOrgId}`);
  const out = { ...w };
  if (w.projectId) {
    const p = await store.review.project(w.projectId);
    if (!p) throw bad('projectId', `关联的重大项目不存在：${w.projectId}`, `linked project not found: ${w.projectId}`);
    out.countyOrgId = w.countyOrgId ?? p.countyOrgId;
    out.industryCode = w.industryCode ?? p.industryCode;
  }
  if (w.supervisionTaskId && !(await store.supervision.getNode(w.supervisionTaskId))) {
    throw bad('supervisionTaskId', `关联的督办任务不存在：${w.supervisionTaskId}`, `linked supervised task not found: ${w.supervisionTaskId}`);
  }
  if (out.industryCode && !(await store.review.industryName(out.industryCode))) {
    throw bad('industryCode', `产业代码不在计划中：${out.industryCode}`, `industry code not in the plan: ${out.industryCode}`);
  }
  if (out.countyOrgId) {
    const c = orgs.find((o) => o.id === out.countyOrgId);
    if (!c || (c.kind !== 'county' && c.kind !== 'zone')) throw bad('countyOrgId', `县市区不存在：${out.countyOrgId}`, `county not found: ${out.countyOrgId}`);
  }
  if (w.type !== 'decision' && (w.amount == null || w.amount <= 0)) {
    throw bad('amount', '重大项目和财政资金事项须填写金额（万元）', 'major-project and funds items need an amount (10k yuan)');
  }
  return out;
}
