// Statistics input schemas (data values, enterprises, forms, reports, rules, reviews, data sets).
import { z } from 'zod';
import { FREQUENCIES, TIERS, type Tier } from './catalogue';

export const DataValueInput = z.object({
  orgCode: z.string().min(1).max(40),
  indicatorCode: z.string().min(1).max(60),
  period: z.string().min(1).max(20),
  value: z.union([z.number(), z.string(), z.null()]),
  comment: z.string().max(500).optional(),
});
export const DataValuesBody = z.object({
  dataValues: z.array(DataValueInput).min(1).max(100_000),
  dryRun: z.boolean().optional(),
  /** Store values outside their indicator's soft range (the reporter checked them). */
  confirm: z.boolean().optional(),
});

const enterpriseFields = {
  uscc: z.string().trim().min(1),
  name: z.string().trim().min(1).max(200),
  countyCode: z.string().trim().min(1),
  /** A park of the park registry (园区/基地), by its id or its exact name; stored as the id. */
  parkCode: z.string().trim().max(200).nullish(),
  industryCode: z.string().trim().regex(/^\d{4}$/, '行业代码须为 4 位 GB/T 4754-2017 小类 / 4-digit GB/T 4754-2017 class').nullish(),
  planIndustryCode: z.string().trim().max(60).nullish(),
  tier: z.enum(TIERS),
  aboveScale: z.boolean(),
  highTech: z.boolean(),
  /** Required true when the industry class is only partly SEI (`*`) and the enterprise should count as SEI. */
  seiConfirmed: z.boolean(),
  active: z.boolean(),
};
export const EnterpriseInput = z.object({
  ...enterpriseFields,
  tier: enterpriseFields.tier.default('sme'),
  aboveScale: enterpriseFields.aboveScale.default(false),
  highTech: enterpriseFields.highTech.default(false),
  seiConfirmed: enterpriseFields.seiConfirmed.default(false),
  active: enterpriseFields.active.default(true),
});
export type EnterpriseInputT = z.infer<typeof EnterpriseInput>;
/** A change: only the fields sent are changed (no defaults), with the row version read. */
export const EnterprisePatch = z.object(enterpriseFields).partial().extend({ rowVersion: z.number().int().positive() });

export interface Enterprise {
  orgId: string;
  uscc: string;
  name: string;
  county: { code: string; name: string };
  /** Id of the enterprise's park in the park registry, and its name. */
  parkCode: string | null;
  parkName: string | null;
  industryCode: string | null;
  industryName: string | null;
  sei: { l1: string | null; l1Name: string | null; l2: string | null; l2Name: string | null; partial: boolean; confirmed: boolean; counted: boolean };
  planIndustryCode: string | null;
  tier: Tier;
  aboveScale: boolean;
  highTech: boolean;
  active: boolean;
  demo: boolean;
  rowVersion: number;
  updatedAt: string;
}

/** Counting stops after this many matches: a search that matches more says "more than 1,000" (超过 1,000 项). */
export const ENTERPRISE_COUNT_CAP = 1000;
/** The deepest offset a list page may ask for; beyond it the search or a filter must be narrowed. */
export const ENTERPRISE_MAX_OFFSET = 10_000;

/** A page of the enterprise list. `total` is exact when `totalCapped` is false; otherwise more than `total` match. */
export interface EnterprisePage {
  items: Enterprise[];
  total: number;
  totalCapped: boolean;
}

export const FormSaveBody = z.object({
  dataset: z.string().min(1),
  org: z.string().min(1),
  period: z.string().min(1),
  values: z.array(z.object({
    indicatorCode: z.string().min(1),
    value: z.union([z.number(), z.string(), z.null()]),
    /** The row version the form read; omitted for a value that did not exist. */
    rowVersion: z.number().int().positive().nullish(),
    comment: z.string().max(500).optional(),
  })).min(1),
  reason: z.string().max(500).optional(),
  /** Store values outside their indicator's soft range (the reporter checked them). */
  confirm: z.boolean().optional(),
});

export const REPORT_ACTIONS = ['submit', 'review', 'approve', 'return'] as const;
export type ReportAction = (typeof REPORT_ACTIONS)[number];
export const ReportActionBody = z.object({
  dataset: z.string().min(1),
  org: z.string().min(1),
  period: z.string().min(1),
  /** The report's row version as read (0 when no report existed yet). */
  rowVersion: z.number().int().min(0),
  reason: z.string().trim().max(500).optional(),
});

export const RULE_OPERATORS = ['==', '!=', '>', '>=', '<', '<=', 'compulsory_pair', 'exclusive_pair'] as const;
export type RuleOperator = (typeof RULE_OPERATORS)[number];
export const MISSING_STRATEGIES = ['skip_if_any_missing', 'skip_if_all_missing', 'never_skip'] as const;
export type MissingStrategy = (typeof MISSING_STRATEGIES)[number];
export const RULE_KINDS = ['expression', 'ytd_non_decreasing'] as const;
export type RuleKind = (typeof RULE_KINDS)[number];

export interface ValidationRule {
  code: string;
  name: string;
  nameEn: string;
  kind: RuleKind;
  leftExpr: string;
  operator: RuleOperator;
  rightExpr: string;
  missingStrategy: MissingStrategy;
  builtin: boolean;
  active: boolean;
}

export const ValidationRuleInput = z.object({
  code: z.string().regex(/^[A-Z][A-Z0-9_]{1,40}$/),
  name: z.string().min(1).max(200),
  nameEn: z.string().min(1).max(200),
  kind: z.enum(RULE_KINDS).default('expression'),
  leftExpr: z.string().min(1).max(500),
  operator: z.enum(RULE_OPERATORS),
  rightExpr: z.string().max(500).default(''),
  missingStrategy: z.enum(MISSING_STRATEGIES).default('skip_if_any_missing'),
  active: z.boolean().default(true),
});

export const OutlierReviewBody = z.object({
  orgCode: z.string().min(1),
  indicatorCode: z.string().min(1),
  period: z.string().min(1),
  decision: z.enum(['confirmed', 'corrected']),
  /** The corrected value (decision corrected). */
  value: z.number().nullish(),
  note: z.string().max(500).optional(),
});

export const ReminderBody = z.object({
  dataset: z.string().min(1),
  period: z.string().min(1),
  /** Organisations to remind; default every non-reporter of the data set and period. */
  orgCodes: z.array(z.string()).optional(),
  message: z.string().max(500).optional(),
});

/** Data sets (统计报表): who reports (enterprises, or the city and its counties), how often, and which indicators. */
export const DATASET_CODE_PATTERN = /^[A-Z][A-Z0-9_]{1,40}$/;
export const DATASET_ORG_KINDS = ['enterprise', 'city'] as const;
export type DatasetOrgKind = (typeof DATASET_ORG_KINDS)[number];
const datasetFields = {
  name: z.string().trim().min(1).max(200),
  nameEn: z.string().trim().min(1).max(200),
  /** Submission deadline: days after the period end. */
  deadlineDays: z.number().int().min(0).max(366),
  /** Days after the period end after which entry is locked (more than deadlineDays); null: never. */
  expiryDays: z.number().int().min(1).max(3660).nullable(),
  /** Indicator codes in form order; checked against the catalogue by the use-case. */
  indicators: z.array(z.string().trim().min(1).max(60)).min(1).max(200),
};
export const DatasetInput = z.object({
  code: z.string().regex(DATASET_CODE_PATTERN),
  frequency: z.enum(FREQUENCIES),
  orgKind: z.enum(DATASET_ORG_KINDS),
  ...datasetFields,
  expiryDays: datasetFields.expiryDays.default(null),
});
export type DatasetInputT = z.infer<typeof DatasetInput>;
/**
 * A change with the row version read: only the fields sent change. Frequency and organisation kind are
 * fixed at creation; sending them is accepted only when they equal the stored ones.
 */
export const DatasetPatch = z.object(datasetFields).partial().extend({
  frequency: z.enum(FREQUENCIES).optional(),
  orgKind: z.enum(DATASET_ORG_KINDS).optional(),
  rowVersion: z.number().int().positive(),
});
export const DatasetDeleteQuery = z.object({ rowVersion: z.coerce.number().int().positive() });
