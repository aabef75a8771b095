// The spreadsheet layout of each registry (XLSX import and export use the same columns). A header may
// be given in Chinese (as exported) or as the field key. Enum cells take the Chinese label or the code.
import {
  PARK_STATUS_LABELS, PARK_TYPE_LABELS, PLATFORM_LEVEL_LABELS, PLATFORM_TYPE_LABELS, PROJECT_STAGE_LABELS, type RegistryKind,
} from './registries';

export type CellKind = 'text' | 'enum' | 'date' | 'month' | 'period' | 'number' | 'int' | 'list';

export interface ColumnSpec {
  field: string;
  header: string;
  headerEn: string;
  kind: CellKind;
  required?: boolean;
  labels?: Record<string, { zh: string; en: string }>;
}

export interface SheetSpec {
  key: string;
  name: string;
  columns: ColumnSpec[];
  /** Child sheets name their project in this column. */
  parentColumn?: string;
}

const c = (field: string, header: string, headerEn: string, kind: CellKind, more: Partial<ColumnSpec> = {}): ColumnSpec => ({ field, header, headerEn, kind, ...more });

export const REGISTRY_SHEETS: Record<RegistryKind, SheetSpec[]> = {
  platform: [{
    key: 'main', name: '创新平台', columns: [
      c('name', '平台名称', 'Name', 'text', { required: true }),
      c('type', '平台类型', 'Type', 'enum', { required: true, labels: PLATFORM_TYPE_LABELS }),
      c('level', '级别', 'Level', 'enum', { required: true, labels: PLATFORM_LEVEL_LABELS }),
      c('hostOrg', '依托单位', 'Host organisation', 'text', { required: true }),
      c('industryCode', '重点领域代码', 'Industry code', 'text'),
      c('countyCode', '县市区代码', 'County code', 'text'),
      c('recognisedOn', '认定日期', 'Recognised on', 'date', { required: true }),
      c('revokedOn', '撤销日期', 'Revoked on', 'date'),
      c('previousLevel', '原级别', 'Previous level', 'enum', { labels: PLATFORM_LEVEL_LABELS }),
      c('upgradedOn', '升级日期', 'Upgraded on', 'date'),
      c('evidenceFile', '佐证材料', 'Evidence file', 'text'),
      c('note', '备注', 'Note', 'text'),
    ],
  }],
  park: [{
    key: 'main', name: '园区基地', columns: [
      c('name', '名称', 'Name', 'text', { required: true }),
      c('type', '类型', 'Type', 'enum', { required: true, labels: PARK_TYPE_LABELS }),
      c('countyCode', '县市区代码', 'County code', 'text'),
      c('leadIndustries', '主导产业代码', 'Lead industry codes', 'list'),
      c('status', '状态', 'Status', 'enum', { labels: PARK_STATUS_LABELS }),
      c('recognisedOn', '认定日期', 'Recognised on', 'date'),
      c('note', '备注', 'Note', 'text'),
    ],
  }],
  project: [
    {
      key: 'main', name: '重大项目', columns: [
        c('name', '项目名称', 'Name', 'text', { required: true }),
        c('owner', '业主单位', 'Owner', 'text'),
        c('industryCode', '重点领域代码', 'Industry code', 'text'),
        c('countyCode', '县市区代码', 'County code', 'text'),
        c('taskCode', '关联任务', 'Task code', 'text'),
        c('totalInvestment', '总投资（万元）', 'Total investment (10k yuan)', 'number'),
        c('stage', '阶段', 'Stage', 'enum', { labels: PROJECT_STAGE_LABELS }),
        c('plannedStart', '计划开工（年月）', 'Planned start (YYYY-MM)', 'month'),
        c('actualStart', '实际开工（年月）', 'Actual start (YYYY-MM)', 'month'),
        c('plannedEnd', '计划竣工（年月）', 'Planned end (YYYY-MM)', 'month'),
        c('note', '备注', 'Note', 'text'),
      ],
    },
    { key: 'annualPlans', name: '年度计划', parentColumn: 'project', columns: [
      c('project', '项目名称', 'Project', 'text', { required: true }),
      c('year', '年度', 'Year', 'int', { required: true }),
      c('planned', '计划投资（万元）', 'Planned (10k yuan)', 'number', { required: true }),
    ] },
    { key: 'investments', name: '月度投资', parentColumn: 'project', columns: [
      c('project', '项目名称', 'Project', 'text', { required: true }),
      c('period', '月份（YYYYMM）', 'Month (YYYYMM)', 'period', { required: true }),
      c('amount', '完成投资（万元）', 'Completed (10k yuan)', 'number', { required: true }),
    ] },
    { key: 'milestones', name: '里程碑', parentColumn: 'project', columns: [
      c('project', '项目名称', 'Project', 'text', { required: true }),
      c('name', '里程碑', 'Milestone', 'text', { required: true }),
      c('plannedOn', '计划日期', 'Planned on', 'date', { required: true }),
      c('doneOn', '完成日期', 'Done on', 'date'),
    ] },
    { key: 'funds', name: '资金', parentColumn: 'project', columns: [
      c('project', '项目名称', 'Project', 'text', { required: true }),
      c('source', '资金来源', 'Source', 'text', { required: true }),
      c('period', '月份（YYYYMM）', 'Month (YYYYMM)', 'period', { required: true }),
      c('planned', '计划拨付（万元）', 'Planned (10k yuan)', 'number', { required: true }),
      c('disbursed', '实际拨付（万元）', 'Disbursed (10k yuan)', 'number', { required: true }),
    ] },
  ],
};
