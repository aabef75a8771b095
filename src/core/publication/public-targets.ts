// The targets on the public page: served only when the coordinator published them for that period, as
// of the period's end; city figures and registry counts only (the quality shares, which are sums over
// enterprises, are not part of the public answer).
import type { PublicTarget } from '../../shared/publication';
import { PublicTargetsQuerySchema } from '../../shared/publication';
import { AppError } from '../app-error';
import { parseInput } from '../parse-input';
import type { Deps } from '../ports';
import { bulletinRange } from '../supervision/bulletin-ranking';
import { listTargetAssessments } from '../targets/list-target-assessments';
import { PUBLIC_READER } from './common';

export const notPublished = () => new AppError('NOT_FOUND', { zh: '该内容尚未公开发布', en: 'not published' });

export async function publicTargets(deps: Deps, raw: unknown, now: Date): Promise<{ period: string; asOf: string; targets: PublicTarget[] }> {
  const { period } = parseInput(PublicTargetsQuerySchema, raw);
  if (!(await deps.store.publication.find({ kind: 'targets', indicatorCode: null, dim: null, period }))) throw notPublished();
  const { to } = bulletinRange(period);
  const today = now.toISOString().slice(0, 10);
  const asOf = to < today ? to : today;
  const all = await listTargetAssessments(deps, PUBLIC_READER, asOf);
  return {
    period, asOf,
    targets: all.targets.map((a) => ({
      code: a.target.code, name: a.target.name, unit: a.target.unit, targetValue: a.target.value, targetYear: a.target.year,
      baselineValue: a.baseline?.value ?? a.target.baselineValue, baselineYear: a.baseline?.year ?? a.target.baselineYear,
      actual: a.actual?.value ?? null, actualPeriod: a.actual?.period ?? null, attainmentPct: a.attainment?.attainmentPct ?? null, light: a.schedule?.light ?? null,
    })),
  };
}
