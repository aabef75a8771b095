// The registries that feed the count targets (创新平台, 园区/集群/示范基地) and the major-project register
// (重大项目): enums with their Chinese labels, input schemas (API, forms and XLSX import share them) and
// the records the API returns.
import { z } from 'zod';
import type { Light } from './targets';

type Labels<K extends string> = Record<K, { zh: string; en: string }>;

export const PLATFORM_TYPES = [
  'enterprise_tech_center', 'tech_innovation_center', 'engineering_research_center', 'key_laboratory',
  'incubator', 'maker_space', 'startup_nursery',
] as const;
export type PlatformType = (typeof PLATFORM_TYPES)[number];
export const PLATFORM_TYPE_LABELS: Labels<PlatformType> = {
  enterprise_tech_center: { zh: '企业技术中心', en: 'Enterprise technology center' },
  tech_innovation_center: { zh: '技术创新中心（工程技术研究中心）', en: 'Technology innovation center' },
  engineering_research_center: { zh: '工程研究中心（工程实验室）', en: 'Engineering research center / laboratory' },
  key_laboratory: { zh: '重点实验室', en: 'Key laboratory' },
  incubator: { zh: '孵化器', en: 'Incubator' },
  maker_space: { zh: '众创空间', en: 'Maker space' },
  startup_nursery: { zh: '创业苗圃', en: 'Start-up nursery' },
};

export const PLATFORM_LEVELS = ['national', 'provincial', 'municipal'] as const;
export type PlatformLevel = (typeof PLATFORM_LEVELS)[number];
export const PLATFORM_LEVEL_LABELS: Labels<PlatformLevel> = {
  national: { zh: '国家级', en: 'National' },
  provincial: { zh: '省级', en: 'Provincial' },
  municipal: { zh: '市级', en: 'Municipal' },
};
export const LEVEL_RANK: Record<PlatformLevel, number> = { municipal: 1, provincial: 2, national: 3 };

export const PARK_TYPES = ['park', 'cluster', 'base', 'demo_base', 'zone'] as const;
export type ParkType = (typeof PARK_TYPES)[number];
export const PARK_TYPE_LABELS: Labels<ParkType> = {
  park: { zh: '产业园区', en: 'Industrial park' },
  cluster: { zh: '产业集聚区（集群）', en: 'Industrial cluster' },
  base: { zh: '产业基地', en: 'Industrial base' },
  demo_base: { zh: '示范基地（园区）', en: 'Demonstration base' },
  zone: { zh: '经济开发区', en: 'Development zone' },
};

export const PARK_STATUSES = ['planned', 'building', 'recognised'] as const;
export type ParkStatus = (typeof PARK_STATUSES)[number];
export const PARK_STATUS_LABELS: Labels<ParkStatus> = {
  planned: { zh: '规划', en: 'Planned' },
  building: { zh: '建设中', en: 'Building' },
  recognised: { zh: '已认定', en: 'Recognised' },
};

export const PROJECT_STAGES = ['preparation', 'construction', 'completed', 'operating'] as const;
export type ProjectStage = (typeof PROJECT_STAGES)[number];
export const PROJECT_STAGE_LABELS: Labels<ProjectStage> = {
  preparation: { zh: '前期', en: 'Preparation' },
  construction: { zh: '在建', en: 'Under construction' },
  completed: { zh: '竣工', en: 'Completed' },
  operating: { zh: '投产', en: 'In operation' },
};

export const RECORD_SOURCES = ['plan', 'manual', 'import', 'demo'] as const;
export type RecordSource = (typeof RECORD_SOURCES)[number];

export const REGISTRY_KINDS = ['platform', 'park', 'project'] as const;
export type RegistryKind = (typeof REGISTRY_KINDS)[number];

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date YYYY-MM-DD').refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), 'not a calendar date');
const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'month YYYY-MM');
const period = z.string().regex(/^\d{4}(0[1-9]|1[0-2])$/, 'period YYYYMM');
const optText = z.string().trim().max(2000).nullable().optional().transform((v) => (v ? v : null));
const code = z.string().trim().min(1).max(64);

export const PlatformInputSchema = z
  .object({
    name: z.string().trim().min(1).max(200),
    type: z.enum(PLATFORM_TYPES),
    level: z.enum(PLATFORM_LEVELS),
    hostOrg: z.string().trim().min(1).max(200),
    industryCode: code.nullable().optional().transform((v) => v ?? null),
    countyCode: code.nullable().optional().transform((v) => v ?? null),
    /** When it was recognised at its first recorded level (previousLevel when upgraded, else level). */
    recognisedOn: date,
    revokedOn: date.nullable().optional().transform((v) => v ?? null),
    previousLevel: z.enum(PLATFORM_LEVELS).nullable().optional().transform((v) => v ?? null),
    upgradedOn: date.nullable().optional().transform((v) => v ?? null),
    evidenceFile: optText,
    note: optText,
  })
  .superRefine((p, ctx) => {
    if ((p.previousLevel == null) !== (p.upgradedOn == null))
      ctx.addIssue({ code: 'custom', path: ['upgradedOn'], message: '原级别与升级日期须同时填写 / previousLevel and upgradedOn go together' });
    if (p.previousLevel && LEVEL_RANK[p.previousLevel] >= LEVEL_RANK[p.level])
      ctx.addIssue({ code: 'custom', path: ['previousLevel'], message: '原级别须低于现级别 / previousLevel must be below level' });
    if (p.upgradedOn && p.upgradedOn < p.recognisedOn)
      ctx.addIssue({ code: 'custom', path: ['upgradedOn'], message: '升级日期早于认定日期 / upgradedOn is before recognisedOn' });
    if (p.revokedOn && p.revokedOn < p.recognisedOn)
      ctx.addIssue({ code: 'custom', path: ['revokedOn'], message: '撤销日期早于认定日期 / revokedOn is before recognisedOn' });
  });
export type PlatformInput = z.infer<typeof PlatformInputSchema>;

export const ParkInputSchema = z
  .object({
    name: z.string().trim().min(1).max(200),
    type: z.enum(PARK_TYPES),
    countyCode: code.nullable().optional().transform((v) => v ?? null),
    leadIndustries: z.array(code).default([]),
    status: z.enum(PARK_STATUSES).nullable().optional().transform((v) => v ?? null),
    recognisedOn: date.nullable().optional().transform((v) => v ?? null),
    note: optText,
  })
  .superRefine((p, ctx) => {
    if (p.status === 'recognised' && !p.recognisedOn)
      ctx.addIssue({ code: 'custom', path: ['recognisedOn'], message: '已认定的园区须填写认定日期 / a recognised park needs recognisedOn' });
    if (p.recognisedOn && p.status !== 'recognised')
      ctx.addIssue({ code: 'custom', path: ['status'], message: '有认定日期的园区状态须为已认定 / recognisedOn needs status recognised' });
  });
export type ParkInput = z.infer<typeof ParkInputSchema>;

const amount = z.number().finite().min(0);
export const ProjectInputSchema = z
  .object({
    name: z.string().trim().min(1).max(200),
    owner: optText,
    industryCode: code.nullable().optional().transform((v) => v ?? null),
    countyCode: code.nullable().optional().transform((v) => v ?? null),
    taskCode: code.nullable().optional().transform((v) => v ?? null),
    /** 万元 */
    totalInvestment: amount.nullable().optional().transform((v) => v ?? null),
    stage: z.enum(PROJECT_STAGES).nullable().optional().transform((v) => v ?? null),
    plannedStart: month.nullable().optional().transform((v) => v ?? null),
    actualStart: month.nullable().optional().transform((v) => v ?? null),
    plannedEnd: month.nullable().optional().transform((v) => v ?? null),
    note: optText,
    annualPlans: z.array(z.object({ year: z.number().int().min(2000).max(2100), planned: amount })).default([]),
    investments: z.array(z.object({ period, amount })).default([]),
    milestones: z.array(z.object({ name: z.string().trim().min(1).max(200), plannedOn: date, doneOn: date.nullable().optional().transform((v) => v ?? null) })).default([]),
    funds: z.array(z.object({ source: z.string().trim().min(1).max(200), period, planned: amount, disbursed: amount })).default([]),
  })
  .superRefine((p, ctx) => {
    const dup = (list: string[], path: string, what: string) => {
      const seen = new Set<string>();
      list.forEach((k, i) => {
        if (seen.has(k)) ctx.addIssue({ code: 'custom', path: [path, i], message: `${what}重复 / duplicate ${k}` });
        seen.add(k);
      });
    };
    dup(p.annualPlans.map((a) => String(a.year)), 'annualPlans', '年度');
    dup(p.investments.map((a) => a.period), 'investments', '月份');
  });
export type ProjectInput = z.infer<typeof ProjectInputSchema>;

interface RecordMeta {
  id: string;
  demo: boolean;
  rowVersion: number;
  countyName: string | null;
  updatedAt: string;
  /** Name, full pinyin and pinyin initials in lower case: 邢台钢铁 is found by xtgt or xingtaigangtie. */
  searchKey: string;
}

export interface Platform extends RecordMeta, PlatformInput {
  /** Level on the as-of date of the listing (null before recognition). */
  levelAsOf: PlatformLevel | null;
  /** Whether it counts towards 省级以上创新平台 on the as-of date. */
  countsAsOf: boolean;
}

export interface Park extends RecordMeta, ParkInput {
  source: RecordSource;
  countsAsOf: boolean;
}

export interface ProjectLights {
  start: Light | null;
  progress: Light | null;
  funds: Light | null;
  /** Milestones due by the as-of date and not done: yellow 1–2 months late, red 3 or more. */
  milestones: Light | null;
  /** The figures behind the lights. */
  startLateMonths: number | null;
  /** Due milestones not done, and how many months the most overdue one is late. */
  milestonesOverdue: number;
  milestoneLateMonths: number | null;
  annualPlanned: number | null;
  doneThisYear: number;
  expectedPct: number | null;
  donePct: number | null;
  lagPoints: number | null;
  fundsPlanned: number;
  fundsDisbursed: number;
  /** Each light in words with the figures behind it (src/core/registries/explain-project-lights.ts). */
  reasons?: ProjectLightReasons;
}

export interface ProjectLightReasons {
  start: { zh: string; en: string };
  progress: { zh: string; en: string };
  funds: { zh: string; en: string };
  milestones: { zh: string; en: string };
}

export interface Project extends RecordMeta, ProjectInput {
  source: RecordSource;
  /** Cumulative investment completed up to the as-of month (万元). */
  investmentToDate: number;
  lights: ProjectLights;
  /** 领导小组审议: funds approved for the project by the leading group and paid on them (万元); their
   * schedule and payments also feed the funds light. Absent when no approved review item names it. */
  reviewFunds?: ProjectReviewFunds;
}

export interface ProjectReviewFunds {
  approved: number;
  paid: number;
  items: { id: string; code: string; title: string }[];
  /** Schedule rows (planned) and payments (disbursed) by month, as the project's own fund rows. */
  rows: { source: string; period: string; planned: number; disbursed: number }[];
}

export const UpdateEnvelopeSchema = z.object({ rowVersion: z.number().int().min(1) });

export interface ImportRowError {
  row: number;
  sheet?: string;
  field: string;
  value: unknown;
  reason: string;
  reasonEn: string;
}

export interface ImportResult {
  dryRun: boolean;
  created: number;
  updated: number;
  /** Rows identical to the stored record: not rewritten (re-importing an export changes nothing). */
  unchanged: number;
  rows: number;
  errors: ImportRowError[];
  preview: { row: number; name: string; action: 'create' | 'update' | 'unchanged' }[];
}

/** Words in a milestone's name that a stage completes: 竣工 completes construction, 投产 (operation) both. */
const STAGE_WORDS: Partial<Record<ProjectStage, RegExp>> = {
  completed: /竣工|完工|completion|completed/i,
  operating: /竣工|完工|投产|completion|completed|operation|commission/i,
};

/** Open milestones the project's stage says are done (completing the stage offers to close them; the server explains a red 节点 light with them). */
export function milestonesDoneByStage<M extends { name: string; doneOn: string | null }>(stage: ProjectStage | null, milestones: readonly M[]): M[] {
  const words = stage ? STAGE_WORDS[stage] : undefined;
  return words ? milestones.filter((m) => !m.doneOn && words.test(m.name)) : [];
}
