// Use-case: plan text → parsed plan and the draft plan file (nothing is written; `sei plan import` or
// POST /api/plans loads the reviewed draft). Checked against PlanFileSchema so a draft always loads.
import type { PlanFile } from '../../shared/plan-file';
import { PlanFileSchema } from '../../shared/plan-file';
import type { ParsedPlan } from '../../shared/plan-parse';
import { authorize, type Actor } from '../policy';
import { parsePlanText } from './parse-plan-text';
import type { PlanParseReference, Segmenter } from './ports';
import { toPlanFile } from './to-plan-file';

export interface PlanParseDeps {
  reference: PlanParseReference;
  segmenter: Segmenter | null;
}

export interface PlanDraft {
  parsed: ParsedPlan;
  planFile: PlanFile;
  /** What the draft plan file could not take (blank numbers, industries without a category). */
  left: string[];
}

export function parseToDraft(deps: PlanParseDeps, actor: Actor | null, text: string, opts: { code?: string; now: Date }): PlanDraft {
  if (actor) authorize(actor, 'create', 'plan');
  const t0 = performance.now();
  const parsed = parsePlanText(text, { reference: deps.reference, segmenter: deps.segmenter });
  parsed.stats.ms = Math.round((performance.now() - t0) * 10) / 10;
  const { file, left } = toPlanFile(parsed, { code: opts.code, fallbackYear: opts.now.getUTCFullYear(), reference: deps.reference });
  // the builder only writes what the schema takes; parse anyway so a bug shows here, not at import
  const checked = PlanFileSchema.safeParse(file);
  if (!checked.success) left.push(...checked.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  return { parsed, planFile: checked.success ? checked.data : file, left };
}
