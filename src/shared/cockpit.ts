// 领导驾驶舱 (cockpit), county map and pivot analysis: the one answer of GET /api/cockpit and the pivot's
// request and answer. Documented in docs/cockpit.md.
import { z } from 'zod';
import type { Aggregates } from './statistics';
import type { Light, ProgressStatus, Reliability } from './targets';

/** A period of the selector: a year (2020), a quarter (2020Q4) or a month (202012). */
export const PeriodSchema = z.string().regex(/^\d{4}(Q[1-4]|0[1-9]|1[0-2])?$/, 'period: 2020, 2020Q4 or 202012');

export const CockpitQuerySchema = z.object({ period: PeriodSchema.optional() });

export interface CockpitTarget {
  id: string;
  code: string;
  name: string;
  nameEn: string;
  unit: string;
  indicatorCode: string;
  kind: 'series' | 'count';
  comparator: string;
  value: number;
  year: number;
  actual: { value: number; period: string; reliability: Reliability; demo: boolean } | null;
  attainmentPct: number | null;
  met: boolean | null;
  light: Light | null;
  status: ProgressStatus | null;
  projection: { year: number; value: number; meetsTarget: boolean; final?: boolean } | null;
  messages: { zh: string; en: string }[];
}

export interface TrendPoint { year: number; value: number; demo: boolean; reliability: Reliability }

export interface CockpitTrend {
  indicatorCode: string;
  targetCode: string | null;
  name: string;
  nameEn: string;
  unit: string;
  target: { year: number; value: number } | null;
  points: TrendPoint[];
}

/** One polygon of the reference map (2018 boundaries) with the figure of the division it shows in the period's vintage. */
export interface MapRegion {
  /** The 2018 code of the polygon (feature id of reference/xingtai-counties-2018.geojson). */
  feature: string;
  /** The polygon's 2018 name (ECharts matches regions by it). */
  featureName: string;
  /** The division key the figures of the period are stored/shown under (2020: 任泽区 130505 for the 任县 polygon). */
  key: string;
  /** The division's name in the period's vintage. */
  name: string;
  value: number | null;
  yoy: number | null;
  n: number;
  confidential?: boolean;
  /** 邢台县 in 2020 and later: abolished; its enterprises not yet re-assigned show here (待划归). */
  pending?: boolean;
  note?: string;
}

export interface CockpitMap {
  indicatorCode: string;
  period: string;
  vintage: 2018 | 2020;
  regions: MapRegion[];
  /** Rows of the aggregate that have no polygon (开发区 130571, 未分类 …). */
  offMap: { key: string; name: string; value: number | null }[];
}

export interface CockpitAlert {
  kind: 'target_red' | 'project_red' | 'missing_reports' | 'outliers' | 'supervision_red';
  severity: 'high' | 'medium';
  text: { zh: string; en: string };
  /** Where the alert drills down to (a web path). */
  link: string;
  count?: number;
}

export interface CockpitSupervision {
  asOf: string;
  counts: { green: number; yellow: number; red: number; closed: number };
  /** Units with the most red tasks. */
  redUnits: { name: string; red: number }[];
}

export interface Cockpit {
  period: string;
  asOf: string;
  generatedAt: string;
  targets: CockpitTarget[];
  trends: CockpitTrend[];
  /** SEI revenue by plan industry, by SEI category, by county (confidentiality applied per reader). */
  industries: Aggregates | null;
  seiCategories: Aggregates | null;
  counties: Aggregates | null;
  map: CockpitMap | null;
  registries: { code: string; name: string; nameEn: string; count: number | null; target: number; unit: string; light: Light | null }[];
  projects: { total: number; green: number; yellow: number; red: number; none: number } | null;
  reporting: { dataset: string; period: string; expected: number; received: number; onTime: number; late: number; approved: number; completeness: number | null; timeliness: number | null; missing: number } | null;
  alerts: CockpitAlert[];
  supervision: CockpitSupervision | null;
  /** Parts not shown to this reader or not computable, with why. */
  notes: { zh: string; en: string }[];
}

// ---- pivot ----

export const PIVOT_DIMS = ['county', 'industry', 'sei', 'park', 'size', 'city'] as const;
export type PivotDim = (typeof PIVOT_DIMS)[number];
/** The most indicator × period columns one pivot answers; more is refused with a message, never cut. */
export const PIVOT_MAX_COLUMNS = 60;
/** The most rows one pivot answers; a larger result is cut and says so (`truncated`). */
export const PIVOT_MAX_ROWS = 500;

const csv = z.string().transform((s) => s.split(',').map((x) => x.trim()).filter(Boolean));
export const PivotQuerySchema = z.object({
  indicators: csv.pipe(z.array(z.string().min(1)).min(1, 'indicators: at least one')),
  dim: z.enum(PIVOT_DIMS),
  periods: csv.pipe(z.array(PeriodSchema).min(1, 'periods: at least one')),
  format: z.enum(['json', 'xlsx']).optional(),
});
export type PivotQuery = z.infer<typeof PivotQuerySchema>;

export interface PivotColumn { indicator: string; name: string; nameEn: string; unit: string; period: string }
export interface PivotCell { value: number | null; n: number; confidential?: 'few' | 'dominant' | 'complementary' }
export interface PivotRow { key: string; name: string; reconciling?: boolean; cells: PivotCell[] }

export interface Pivot {
  dim: PivotDim;
  columns: PivotColumn[];
  rows: PivotRow[];
  /** The total row of each column where the dimension adds up to the city (null elsewhere). */
  totals: (number | null)[];
  /** Where each column was read from: the kept aggregate rows, or the enterprises' own values (size). */
  source: 'aggregates' | 'values';
  truncated: { shown: number; total: number } | null;
  confidentialityApplied: boolean;
}

// ---- enterprise lists and pages behind a figure ----

export interface EnterpriseFigureRow { orgId: string; code: string; name: string; countyCode: string | null; industryCode: string | null; seiL1: string | null; value: number | null }

export interface EnterpriseFigures {
  indicator: string;
  period: string;
  items: EnterpriseFigureRow[];
  total: number;
  truncated: { shown: number; total: number } | null;
  /** Figures of single enterprises are hidden from readers the confidentiality rule applies to. */
  figuresHidden: boolean;
}

export interface EnterprisePage {
  orgId: string;
  code: string;
  name: string;
  countyCode: string | null;
  countyName: string | null;
  industryCode: string | null;
  seiL1: string | null;
  year: number;
  /** Month → indicator → value, for the year of the period. */
  indicators: { code: string; name: string; nameEn: string; unit: string }[];
  months: { period: string; values: Record<string, number | null> }[];
}
