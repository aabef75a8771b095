// Roles and actions shared by server, CLI and web (DESIGN.md "Who uses it").
export const ROLES = [
  'admin',
  'coordinator',
  'department',
  'county',
  'enterprise',
  'statistician',
  'leader',
] as const;
export type Role = (typeof ROLES)[number];

export const ACTIONS = ['read', 'create', 'update', 'delete', 'approve', 'decide'] as const;
export type Action = (typeof ACTIONS)[number];

export const RESOURCES = [
  'plan',
  'organization',
  'user',
  'audit',
  'reference',
  'settings',
  'progress',
  // statistics (统计监测)
  'indicator',
  'dataset',
  'enterprise',
  'datavalue',
  // targets and the registries they count
  'target',
  'platform',
  'park',
  'project',
  // 督查督办 (task supervision)
  'supervision_task',
  'progress_report',
  'closure',
  'accountability',
  'reminder',
  // 评价考核 (scientific evaluation)
  'evaluation',
  // 公开发布 (what the public page shows)
  'publication',
  // 领导小组审议 (leading-group review)
  'review_item',
  'review_meeting',
  'review_decision',
  'review_fund',
] as const;
export type Resource = (typeof RESOURCES)[number];

export const ROLE_LABELS: Record<Role, { zh: string; en: string }> = {
  admin: { zh: '系统管理员', en: 'Administrator' },
  coordinator: { zh: '牵头单位（市发展改革委）', en: 'Coordinator (DRC)' },
  department: { zh: '责任部门', en: 'Department' },
  county: { zh: '县市区', en: 'County / district' },
  enterprise: { zh: '重点企业', en: 'Enterprise' },
  statistician: { zh: '统计审核（统计局）', en: 'Statistician' },
  leader: { zh: '领导小组成员', en: 'Leading group member' },
};

/** Resources in words, for messages such as "only … may create enterprises". Partial: a resource added
 * later without a label is shown by its name. */
export const RESOURCE_LABELS: Partial<Record<Resource, { zh: string; en: string }>> = {
  plan: { zh: '行动计划', en: 'plans' },
  organization: { zh: '组织机构', en: 'organisations' },
  user: { zh: '用户', en: 'users' },
  audit: { zh: '审计日志', en: 'the audit log' },
  reference: { zh: '参考数据', en: 'reference data' },
  settings: { zh: '系统设置', en: 'settings' },
  progress: { zh: '实施进展', en: 'progress' },
  indicator: { zh: '统计指标', en: 'indicators' },
  dataset: { zh: '报表（数据集）', en: 'data sets' },
  enterprise: { zh: '企业', en: 'enterprises' },
  datavalue: { zh: '统计数据', en: 'statistics' },
  target: { zh: '目标指标', en: 'targets' },
  platform: { zh: '创新平台', en: 'innovation platforms' },
  park: { zh: '园区/基地', en: 'parks and bases' },
  project: { zh: '重大项目', en: 'major projects' },
  evaluation: { zh: '评价考核', en: 'evaluations' },
  publication: { zh: '公开发布', en: 'publications' },
  review_item: { zh: '审议事项', en: 'review items' },
  review_meeting: { zh: '领导小组会议', en: 'leading-group meetings' },
  review_decision: { zh: '审议决定', en: 'review decisions' },
  review_fund: { zh: '审议资金拨付', en: 'reviewed fund disbursements' },
};

export const ACTION_LABELS: Record<Action, { zh: string; en: string }> = {
  read: { zh: '查看', en: 'read' },
  create: { zh: '新增', en: 'create' },
  update: { zh: '修改', en: 'change' },
  delete: { zh: '删除', en: 'delete' },
  approve: { zh: '审核', en: 'approve' },
  decide: { zh: '决策', en: 'decide on' },
};
