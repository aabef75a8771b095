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
