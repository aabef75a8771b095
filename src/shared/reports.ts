// 季度通报 (the briefing report to the leading group): the query, and the figures a report is made of,
// assembled once (src/core/reports/assemble-report.ts) and written as Word, PDF or Excel (src/files/report-*.ts).
import { z } from 'zod';
import type { Light, ProgressStatus } from './targets';
import type { BulletinRow } from './supervision-follow-up';

export const REPORT_FORMATS = ['json', 'docx', 'pdf', 'xlsx'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** A quarter (2020Q4), a month (202012) or a year (2020). */
export const ReportPeriodSchema = z.string().trim().regex(/^\d{4}(Q[1-4]|0[1-9]|1[0-2])?$/, 'period must be a quarter 2020Q4, a month 202012 or a year 2020');

export const ReportQuerySchema = z.object({
  period: ReportPeriodSchema,
  format: z.enum(REPORT_FORMATS).default('json'),
});

export type SuppressedReason = 'few' | 'dominant' | 'complementary';

export interface ReportTargetRow {
  code: string;
  name: string;
  unit: string;
  comparator: string;
  targetValue: number;
  targetYear: number;
  baselineYear: number | null;
  baselineValue: number | null;
  actual: number | null;
  /** The period the actual describes ("2020", or the as-of date of a registry count). */
  actualPeriod: string | null;
  attainmentPct: number | null;
  met: boolean | null;
  light: Light | null;
  status: ProgressStatus | null;
  projection: { year: number; value: number; meetsTarget: boolean } | null;
  demo: boolean;
}

export interface ReportTableRow {
  key: string;
  name: string;
  /** null when the cell is suppressed for the reader (then `suppressed` says why). */
  value: number | null;
  yoy: number | null;
  n: number;
  suppressed: SuppressedReason | null;
}

export interface ReportTable {
  indicator: { code: string; name: string; unit: string };
  dim: 'industry' | 'county';
  /** The stored period read (a quarter is read as its year-to-date month, 1—N月累计). */
  period: string;
  rows: ReportTableRow[];
  total: { value: number | null; yoy: number | null } | null;
  /** Whether the confidentiality rule was applied for the reader. */
  confidentiality: boolean;
}

export interface ReportTrend {
  code: string;
  name: string;
  unit: string;
  points: { year: number; value: number }[];
  target: { year: number; value: number } | null;
}

export interface ReportProjects {
  total: number;
  /** Projects by their worst light (start, progress, funds, milestones); `none` when no light applies yet. */
  lights: Record<Light | 'none', number>;
  /** Every red-light project, worst first (the Word/PDF body lists the first 15, an annex the rest; Excel all). */
  red: { name: string; county: string | null; reasons: string[] }[];
}

export interface BriefingReport {
  title: string;
  period: string;
  periodLabel: { zh: string; en: string };
  /** The last day the report describes (or today, for a period not yet over). */
  asOf: string;
  planTitle: string;
  generatedAt: string;
  demo: boolean;
  targets: ReportTargetRow[];
  trends: ReportTrend[];
  industries: ReportTable | null;
  counties: ReportTable | null;
  projects: ReportProjects | null;
  /** The supervision ranking (督查排名), when the reader may read supervised tasks. */
  supervision: { label: { zh: string; en: string }; departments: BulletinRow[]; counties: BulletinRow[]; onTimeRate: number | null; closureRate: number | null } | null;
  /** What could not be included, and why. */
  notes: { zh: string; en: string }[];
}
