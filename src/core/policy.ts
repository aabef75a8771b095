// The declarative role matrix: role × resource × action → scope. Every route names the
// (action, resource) it needs and is checked against this one table; the web app receives it
// through /api/me so it can hide what a user may not do.
import { ACTION_LABELS, RESOURCE_LABELS, ROLE_LABELS, ROLES, type Action, type Resource, type Role } from '../shared/roles';
import { AppError } from './app-error';

/**
 * 'all': any record; 'own': only records owned by the actor's organisation — for a county user the
 * records located in that county, for an enterprise user its own enterprise. The use-case passes the
 * owning organisation id of the record (its county's or enterprise's org id) to `authorize`.
 */
export type Scope = 'all' | 'own';
type Grants = Partial<Record<Resource, Partial<Record<Action, Scope>>>>;

const READ_ALL = { read: 'all' } as const;

export const POLICY: Record<Role, Grants> = {
  admin: {
    plan: { read: 'all', create: 'all', update: 'all', delete: 'all' },
    organization: { read: 'all', create: 'all', update: 'all', delete: 'all' },
    user: { read: 'all', create: 'all', update: 'all', delete: 'all' },
    audit: READ_ALL,
    reference: { read: 'all', update: 'all' },
    settings: { read: 'all', update: 'all' },
    progress: READ_ALL,
    indicator: { read: 'all', create: 'all', update: 'all', delete: 'all' },
    dataset: { read: 'all', create: 'all', update: 'all', delete: 'all' },
    enterprise: { read: 'all', create: 'all', update: 'all', delete: 'all' },
    datavalue: { read: 'all', create: 'all', update: 'all', approve: 'all' },
    target: { read: 'all', create: 'all', update: 'all', delete: 'all' },
    platform: { read: 'all', create: 'all', update: 'all', delete: 'all' },
    park: { read: 'all', create: 'all', update: 'all', delete: 'all' },
    project: { read: 'all', create: 'all', update: 'all', delete: 'all' },
    // 督查: the administrator reads; the coordinator runs supervision.
    supervision_task: READ_ALL, progress_report: READ_ALL, closure: READ_ALL, accountability: READ_ALL, reminder: READ_ALL,
    evaluation: { read: 'all', create: 'all', update: 'all', delete: 'all' },
    publication: READ_ALL,
    // 领导小组审议: the administrator reads (and designates secretaries through settings).
    review_item: READ_ALL, review_meeting: READ_ALL, review_decision: READ_ALL, review_fund: READ_ALL,
  },
  coordinator: {
    plan: { read: 'all', create: 'all', update: 'all' },
    organization: READ_ALL,
    audit: READ_ALL,
    reference: READ_ALL,
    progress: READ_ALL,
    indicator: READ_ALL,
    dataset: READ_ALL,
    enterprise: { read: 'all', create: 'all', update: 'all' },
    datavalue: READ_ALL,
    target: { read: 'all', create: 'all', update: 'all' },
    platform: { read: 'all', create: 'all', update: 'all', delete: 'all' },
    park: { read: 'all', create: 'all', update: 'all', delete: 'all' },
    project: { read: 'all', create: 'all', update: 'all', delete: 'all' },
    // 督查督办: decomposition (create), edits, 交办 and re-assignment (update); accepting or returning
    // reports (approve); verifying closure (approve) and reopening (decide); 问效 and 催办.
    supervision_task: { read: 'all', create: 'all', update: 'all', delete: 'all' },
    progress_report: { read: 'all', approve: 'all' },
    closure: { read: 'all', approve: 'all', decide: 'all' },
    accountability: { read: 'all', create: 'all', update: 'all', delete: 'all' },
    reminder: { read: 'all', create: 'all' },
    // 评价考核: the coordinator keeps the schemes and runs the evaluations.
    evaluation: { read: 'all', create: 'all', update: 'all', delete: 'all' },
    // 公开发布: the coordinator chooses what the public page shows.
    publication: { read: 'all', create: 'all', update: 'all', delete: 'all' },
    // 领导小组审议: the group's office (at the DRC) keeps items, alone schedules meetings (review_meeting),
    // creates the follow-up tasks and records funds; it decides only when the user is designated the
    // group's secretary (checked in the use-case against review_secretary).
    review_item: { read: 'all', create: 'all', update: 'all' },
    review_meeting: { read: 'all', create: 'all', update: 'all' },
    review_decision: { read: 'all', decide: 'all' },
    review_fund: { read: 'all', create: 'all', update: 'all' },
  },
  // 科技局 keeps the innovation-platform register, 工信局 the project register: departments edit registries.
  department: {
    plan: READ_ALL, organization: READ_ALL, reference: READ_ALL, progress: READ_ALL, indicator: READ_ALL,
    dataset: READ_ALL, enterprise: READ_ALL, datavalue: READ_ALL, target: READ_ALL,
    platform: { read: 'all', create: 'all', update: 'all' },
    park: READ_ALL,
    project: { read: 'all', create: 'all', update: 'all' },
    // 督查: a department acts on the tasks of its own unit (lead, responsible or assigned): 签收 (approve),
    // reports, closure requests; it reads its accountability records and reminders.
    supervision_task: { read: 'own', approve: 'own' },
    progress_report: { read: 'own', create: 'own', update: 'own' },
    closure: { read: 'own', create: 'own' },
    accountability: { read: 'own' },
    reminder: { read: 'own' },
    evaluation: READ_ALL,
    // 领导小组审议: a department drafts and submits items in its own name and records payments on them.
    review_item: { read: 'all', create: 'own', update: 'own' }, review_meeting: READ_ALL, review_decision: READ_ALL,
    review_fund: { read: 'all', create: 'own' },
  },
  // A county works on records located in its county ('own').
  county: {
    plan: READ_ALL, organization: READ_ALL, reference: READ_ALL, progress: READ_ALL, indicator: READ_ALL,
    dataset: READ_ALL, target: READ_ALL,
    enterprise: { read: 'own', create: 'own', update: 'own' },
    datavalue: { read: 'own', create: 'own', update: 'own', approve: 'own' },
    platform: { read: 'all', create: 'own', update: 'own' },
    park: { read: 'all', create: 'own', update: 'own' },
    project: { read: 'all', create: 'own', update: 'own' },
    // 督查: a county acts on the tasks of its county, as a department on its unit's.
    supervision_task: { read: 'own', approve: 'own' },
    progress_report: { read: 'own', create: 'own', update: 'own' },
    closure: { read: 'own', create: 'own' },
    accountability: { read: 'own' },
    reminder: { read: 'own' },
    evaluation: READ_ALL,
    review_item: { read: 'all', create: 'own', update: 'own' }, review_meeting: READ_ALL, review_decision: READ_ALL,
    review_fund: { read: 'all', create: 'own' },
  },
  // An enterprise sees and submits only its own data.
  enterprise: {
    plan: READ_ALL, organization: { read: 'own' }, reference: READ_ALL, progress: READ_ALL, indicator: READ_ALL,
    dataset: READ_ALL, target: READ_ALL,
    enterprise: { read: 'own', update: 'own' },
    datavalue: { read: 'own', create: 'own', update: 'own' },
    platform: READ_ALL, park: READ_ALL, project: READ_ALL,
  },
  statistician: {
    plan: READ_ALL, organization: READ_ALL, reference: READ_ALL, progress: READ_ALL, target: READ_ALL,
    indicator: { read: 'all', create: 'all', update: 'all' },
    dataset: { read: 'all', create: 'all', update: 'all' },
    enterprise: { read: 'all', create: 'all', update: 'all' },
    datavalue: { read: 'all', create: 'all', update: 'all', approve: 'all' },
    platform: READ_ALL, park: READ_ALL, project: READ_ALL,
    evaluation: READ_ALL,
    review_item: READ_ALL, review_meeting: READ_ALL, review_decision: READ_ALL, review_fund: READ_ALL,
  },
  leader: {
    plan: READ_ALL, organization: READ_ALL, audit: READ_ALL, reference: READ_ALL, progress: READ_ALL,
    indicator: READ_ALL, dataset: READ_ALL, enterprise: READ_ALL, datavalue: READ_ALL, target: READ_ALL,
    platform: READ_ALL, park: READ_ALL, project: READ_ALL,
    supervision_task: READ_ALL, progress_report: READ_ALL, closure: READ_ALL, accountability: READ_ALL, reminder: READ_ALL,
    evaluation: READ_ALL,
    publication: READ_ALL,
    // 领导小组审议: members record the decisions taken at a meeting.
    review_item: READ_ALL, review_meeting: READ_ALL, review_decision: { read: 'all', decide: 'all' }, review_fund: READ_ALL,
  },
};

export interface Actor {
  userId: string;
  username: string;
  role: Role;
  orgId: string | null;
}

export function scopeOf(actor: Actor, action: Action, resource: Resource): Scope | null {
  return POLICY[actor.role][resource]?.[action] ?? null;
}

/** True when the actor may do `action` on `resource` (on the record owned by `ownerOrgId`, if given). */
export function can(
  actor: Actor,
  action: Action,
  resource: Resource,
  ownerOrgId?: string | null,
): boolean {
  const scope = scopeOf(actor, action, resource);
  if (scope === 'all') return true;
  if (scope === 'own') return ownerOrgId === undefined || (ownerOrgId !== null && ownerOrgId === actor.orgId);
  return false;
}

export function authorize(
  actor: Actor,
  action: Action,
  resource: Resource,
  ownerOrgId?: string | null,
): void {
  if (!can(actor, action, resource, ownerOrgId)) throw forbidden(actor, action, resource);
}

/** The refusal in words: what was refused, which roles may do it (and whether only for their own records). */
export function forbidden(actor: Actor, action: Action, resource: Resource): AppError {
  const what = RESOURCE_LABELS[resource] ?? { zh: resource, en: resource };
  const verb = ACTION_LABELS[action];
  const mine = scopeOf(actor, action, resource);
  const holders = (scope: Scope) => ROLES.filter((r) => POLICY[r][resource]?.[action] === scope);
  const names = (roles: Role[], lang: 'zh' | 'en') => roles.map((r) => ROLE_LABELS[r][lang]).join(lang === 'zh' ? '、' : ', ');
  const all = holders('all');
  const own = holders('own');
  const whoZh = [all.length ? `${names(all, 'zh')}可${verb.zh}全部${what.zh}` : '', own.length ? `${names(own, 'zh')}仅可${verb.zh}本单位的${what.zh}` : '']
    .filter(Boolean).join('；') || `任何角色都不能${verb.zh}${what.zh}`;
  const whoEn = [all.length ? `${names(all, 'en')} may ${verb.en} ${what.en}` : '', own.length ? `${names(own, 'en')} may ${verb.en} only their own organisation's ${what.en}` : '']
    .filter(Boolean).join('; ') || `no role may ${verb.en} ${what.en}`;
  const role = ROLE_LABELS[actor.role];
  const lead = mine === 'own'
    ? { zh: `「${role.zh}」只能${verb.zh}本单位的${what.zh}，此记录不属于您的单位`, en: `As ${role.en} you may ${verb.en} only your own organisation's ${what.en}; this record is not yours` }
    : { zh: `「${role.zh}」无权${verb.zh}${what.zh}`, en: `As ${role.en} you may not ${verb.en} ${what.en}` };
  return new AppError('FORBIDDEN', { zh: `${lead.zh}。${whoZh}。`, en: `${lead.en}. ${whoEn}.` });
}
