// The plan file: one documented schema (README "Plan file format") for a whole action plan as data.
// A plan file is written by hand from the plan's text (or drafted by the parser) and loaded by `sei init`.
import { z } from 'zod';

export const SECTION_KINDS = ['preamble', 'principle', 'goal', 'task', 'measure', 'other'] as const;
export const COMPARATORS = ['>', '>=', '≈', '<=', '<', 'range'] as const;
export const PLAN_STATUSES = ['draft', 'published', 'archived'] as const;
export const ENTITY_KINDS = [
  'county',
  'park',
  'enterprise',
  'institution',
  'project',
  'department',
] as const;

export type SectionKind = (typeof SECTION_KINDS)[number];
export type Comparator = (typeof COMPARATORS)[number];
export type PlanStatus = (typeof PLAN_STATUSES)[number];
export type EntityKind = (typeof ENTITY_KINDS)[number];

/** A section key is the outline position, e.g. "2" for 二、, "2.3" for 二、（三）, "1.2.4" for 一、（二）4. */
const sectionKey = z.string().regex(/^\d+(\.\d+)*$/, 'section key like "2.3"');

export interface PlanSectionInput {
  key: string;
  number: string;
  title: string;
  body?: string;
  kind: SectionKind;
  children?: PlanSectionInput[];
}

export const PlanSectionInputSchema: z.ZodType<PlanSectionInput> = z.lazy(() =>
  z.object({
    key: sectionKey,
    number: z.string().min(1),
    title: z.string().min(1),
    body: z.string().optional(),
    kind: z.enum(SECTION_KINDS),
    children: z.array(PlanSectionInputSchema).optional(),
  }),
);

export const TargetInputSchema = z
  .object({
    code: z.string().min(1),
    name: z.string().min(1),
    nameEn: z.string().min(1),
    indicatorCode: z.string().min(1),
    comparator: z.enum(COMPARATORS),
    value: z.number(),
    /** Upper bound, only for comparator "range" (e.g. 10–15个). */
    valueMax: z.number().nullable().optional(),
    unit: z.string().min(1),
    year: z.number().int(),
    baselineYear: z.number().int().nullable().optional(),
    baselineValue: z.number().nullable().optional(),
    /** Relative tolerance for "≈" (0.05 = ±5 %); null means the default. */
    tolerance: z.number().positive().nullable().optional(),
    direction: z.enum(['increase', 'decrease']),
    sectionKey,
    /** The words of the plan this target is read from, e.g. "突破1000亿元". */
    sourceText: z.string().min(1),
  })
  .refine((t) => t.comparator !== 'range' || (t.valueMax != null && t.valueMax > t.value), {
    message: 'comparator "range" needs valueMax greater than value',
    path: ['valueMax'],
  });

export const IndustryInputSchema = z.object({
  code: z.string().min(1),
  name: z.string().min(1),
  nameEn: z.string().min(1),
  /** Codes from the NBS 战略性新兴产业分类(2018) category table, level 1 ("6") or level 2 ("6.1"). */
  seiCategories: z.array(z.string().regex(/^\d(\.\d+)?$/)).min(1),
  sectionKey,
});

export const TaskInputSchema = z.object({
  code: z.string().min(1),
  sectionKey,
  title: z.string().min(1),
  content: z.string().min(1),
  industryCode: z.string().nullable().optional(),
  /** Organisation codes (see reference/organizations.yaml). */
  leadOrg: z.string().nullable().optional(),
  responsibleOrgs: z.array(z.string()).default([]),
  /** Division codes of the counties the task names. */
  counties: z.array(z.string()).default([]),
});

export const MeasureInputSchema = z.object({
  code: z.string().min(1),
  sectionKey,
  title: z.string().min(1),
  content: z.string().min(1),
});

export const EntityInputSchema = z.object({
  kind: z.enum(ENTITY_KINDS),
  name: z.string().min(1),
  aliases: z.array(z.string()).default([]),
  /** Division code of the county it belongs to, where the text says. */
  countyCode: z.string().nullable().optional(),
  /** For county entities and departments: the organisation code. */
  orgCode: z.string().nullable().optional(),
  industryCode: z.string().nullable().optional(),
  note: z.string().nullable().optional(),
  sectionKeys: z.array(sectionKey).min(1),
});

export const PlanFileSchema = z.object({
  schemaVersion: z.literal(1),
  plan: z.object({
    code: z.string().regex(/^[a-z0-9-]+$/),
    title: z.string().min(1),
    titleEn: z.string().min(1),
    issuer: z.string().min(1),
    periodStart: z.number().int(),
    periodEnd: z.number().int(),
    basis: z.array(z.string()).default([]),
    status: z.enum(PLAN_STATUSES).default('draft'),
    leadOrg: z.string().nullable().optional(),
    source: z.string().optional(),
  }),
  sections: z.array(PlanSectionInputSchema).min(1),
  industries: z.array(IndustryInputSchema),
  targets: z.array(TargetInputSchema),
  tasks: z.array(TaskInputSchema),
  measures: z.array(MeasureInputSchema),
  entities: z.array(EntityInputSchema),
});

export type PlanFile = z.infer<typeof PlanFileSchema>;
export type TargetInput = z.infer<typeof TargetInputSchema>;
export type IndustryInput = z.infer<typeof IndustryInputSchema>;
export type TaskInput = z.infer<typeof TaskInputSchema>;
export type EntityInput = z.infer<typeof EntityInputSchema>;
