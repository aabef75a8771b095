// What the target use-cases need: the plan's targets and the city's annual series (statistics, issue 3).
import type { Target } from '../../shared/plan';
import type { Reliability } from '../../shared/targets';

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
}
