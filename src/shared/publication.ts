// 公开发布: what the coordinator publishes on the public page (no login) — the targets as of a period, or
// the city or county aggregates of one indicator and period — and what the public routes answer.
import { z } from 'zod';
import type { Light } from './targets';
import type { SuppressedReason } from './reports';

export const PUBLICATION_KINDS = ['targets', 'aggregate'] as const;
export type PublicationKind = (typeof PUBLICATION_KINDS)[number];
export const PUBLIC_DIMS = ['city', 'county'] as const;
export type PublicDim = (typeof PUBLIC_DIMS)[number];

/** A year 2020, a quarter 2020Q4 or a month 202012. */
export const PublicPeriodSchema = z.string().trim().regex(/^\d{4}(Q[1-4]|0[1-9]|1[0-2])?$/, 'period must be a year 2020, a quarter 2020Q4 or a month 202012');

export const PublicationCreateSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('targets'), period: PublicPeriodSchema, title: z.string().trim().max(200).optional() }),
  z.object({ kind: z.literal('aggregate'), indicatorCode: z.string().trim().min(1).max(64), dim: z.enum(PUBLIC_DIMS), period: PublicPeriodSchema, title: z.string().trim().max(200).optional() }),
]);
export type PublicationCreate = z.infer<typeof PublicationCreateSchema>;

export const PublicationUpdateSchema = z.object({ rowVersion: z.number().int().min(1), title: z.string().trim().max(200) });
export const PublicationDeleteSchema = z.object({ rowVersion: z.coerce.number().int().min(1) });

export interface Publication {
  id: string;
  kind: PublicationKind;
  indicatorCode: string | null;
  indicatorName: string | null;
  dim: PublicDim | null;
  period: string;
  title: string;
  publishedBy: string;
  createdAt: string;
  updatedAt: string;
  rowVersion: number;
}

/** What the public page lists: the published items without who published them. */
export type PublicCatalogueItem = Pick<Publication, 'id' | 'kind' | 'indicatorCode' | 'indicatorName' | 'dim' | 'period' | 'title' | 'updatedAt'>;

export interface PublicTarget {
  code: string;
  name: string;
  unit: string;
  targetValue: number;
  targetYear: number;
  baselineValue: number | null;
  baselineYear: number | null;
  actual: number | null;
  actualPeriod: string | null;
  attainmentPct: number | null;
  light: Light | null;
}

export interface PublicCell {
  key: string;
  name: string;
  /** null when suppressed (never 0): `suppressed` says why. */
  value: number | null;
  yoy: number | null;
  suppressed: SuppressedReason | null;
}

export interface PublicAggregate {
  indicator: { code: string; name: string; unit: string };
  dim: PublicDim;
  period: string;
  rows: PublicCell[];
  total: PublicCell | null;
  rule: { minContributors: number; dominanceShare: number };
}

export const PublicAggregateQuerySchema = z.object({ indicator: z.string().trim().min(1).max(64), dim: z.enum(PUBLIC_DIMS), period: PublicPeriodSchema });
export const PublicTargetsQuerySchema = z.object({ period: PublicPeriodSchema });
