// What the target use-cases need: the plan's targets and the city's annual series (statistics, issue 3).
import type { Target } from '../../shared/plan';
import type { Reliability } from '../../shared/targets';
import type { ReporterValue, StatusRow } from './figure-quality';

/** One annual city value, oldest first (same shape as src/db/repositories/city-series.ts SeriesPoint). */
export interface AnnualValue {
  period: string;
  year: number;
  value: number;
  demo: boolean;
  source: string;
  reliability: Reliability;
}

export interface PlanTargets {
  planId: string;
  periodStart: number;
  periodEnd: number;
  targets: Target[];
}

export interface TargetsStore {
  /** Targets of a plan (the default plan when planId is null). */
  ofPlan(planId: string | null): Promise<PlanTargets | null>;
  /** The plan the target belongs to, with the target. */
  byId(targetId: string): Promise<(PlanTargets & { target: Target }) | null>;
  cityAnnualSeries(indicatorCode: string): Promise<AnnualValue[]>;
  /** How a city indicator is made (for its status shares); null when it is neither stored nor summed. */
  citySource(indicatorCode: string): Promise<CitySource | null>;
  /** The stored values behind a city indicator in these periods, summed by period and status. */
  cityStatusRows(indicatorCode: string, periods: string[], range?: OrgRange): Promise<CityStatusRow[]>;
  /** The periods holding values behind a city indicator (for a sum: the aggregates' city rows), sorted; none for a ratio. */
  cityPeriods(indicatorCode: string): Promise<string[]>;
  /** The enterprises behind a city sum (within `range`) with a value in `previousYear` and none in `period`. */
  cityMissingIn(indicatorCode: string, period: string, previousYear: number, range?: OrgRange): Promise<string[]>;
  /** Organisation ids cutting the enterprises into slices of about `size`, for reads one slice at a time. */
  enterpriseBounds(size: number): Promise<string[]>;
  /** These enterprises' values behind a city sum in one year (by the stored year, not by period text: collations differ). */
  cityValuesOf(indicatorCode: string, orgIds: readonly string[], year: number): Promise<ReporterValue[]>;
}

/** A slice of organisation ids: from inclusive, to exclusive, null open. */
export interface OrgRange { from: string | null; to: string | null }

export type CitySource =
  | { kind: 'city' }
  | { kind: 'enterprises'; of: string; scale: number; seiOnly: boolean }
  | { kind: 'ratio'; numerator: string; denominator: string; scale: number };

export interface CityStatusRow extends StatusRow {
  period: string;
}
