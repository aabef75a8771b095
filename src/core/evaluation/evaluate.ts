// Runs a scheme on a data snapshot (pure, so a run reproduces from its archive). Steps:
//  1. missing values: 'exclude' drops a subject lacking any figure; 'worst' gives it the criterion's
//     worst observed value (min for benefit, max for cost). Never 0. A criterion with no figure at all
//     is refused by name, as is a run left with fewer than 2 subjects.
//  2. weights: AHP over the tree (global = group weight × local weight; any CR > 0.1 refuses the run),
//     entropy (min–max variant), fixed (normalised), or combined (AHP with entropy, product or linear α).
//  3. score: TOPSIS (vector or min–max), grey relational grade (ρ) or weighted sum; rank 1 = best.
import type { RunResult, RunSnapshot, SchemeDefinition } from '../../shared/evaluation';
import { AppError } from '../app-error';
import { ahpHierarchy, CR_LIMIT } from './methods/ahp';
import { entropyWeights } from './methods/entropy';
import { rankDescending } from './methods/errors';
import type { Direction } from './methods/normalize';
import { combineWeights, greyRelational, topsis, weightedSum } from './methods/scoring';

const refuse = (zh: string, en: string, path = 'scheme') => new AppError('VALIDATION', { zh, en }, [{ path, message: en, reason: zh, reasonEn: en }]);

/** AHP leaf weights in the order of the flattened criteria; throws when a matrix is inconsistent. */
export function ahpWeights(def: SchemeDefinition): { weights: number[]; groups: RunResult['ahp'] } {
  const h = ahpHierarchy({
    key: 'groups', pairwise: def.pairwise ?? (def.groups.length === 1 ? [[1]] : undefined),
    children: def.groups.map((g) => ({ key: g.key, pairwise: g.pairwise ?? (g.criteria.length === 1 ? [[1]] : undefined), children: g.criteria.map((c, i) => ({ key: `${g.key}/${i}` })) })),
  }, def.ahpVariant);
  const groups = Object.entries(h.groups).map(([group, r]) => ({ group, CR: r.CR, lambda_max: r.lambda_max, consistent: r.consistent }));
  return { weights: h.leaves.map((l) => l.weight), groups };
}

export function evaluate(def: SchemeDefinition, snap: RunSnapshot): RunResult {
  const types = snap.criteria.map((c) => c.direction) as Direction[];
  snap.criteria.forEach((c, j) => {
    if (snap.values.every((r) => r[j] === null)) throw refuse(`指标“${c.name.zh}”在本期没有任何评价对象的数据，无法评价；请删去该指标或补充数据`, `criterion "${c.name.en}" has no figure for any subject in this period; remove it or add data`, `criteria[${j}]`);
  });
  const worst = snap.criteria.map((c, j) => {
    const col = snap.values.map((r) => r[j]).filter((x): x is number => x !== null);
    return c.direction === -1 ? Math.max(...col) : Math.min(...col);
  });
  const subjects = snap.subjects.map((s, i) => {
    const raw = snap.values[i];
    const missing = snap.criteria.filter((_, j) => raw[j] === null).map((c) => c.source);
    const excluded = def.missing === 'exclude' && missing.length > 0;
    const values = excluded ? raw : raw.map((x, j) => (x === null ? worst[j] : x));
    return { key: s.key, name: s.name, values, missing, excluded };
  });
  const kept = subjects.filter((s) => !s.excluded);
  if (kept.length < 2) throw refuse(`按缺失值规则处理后只剩 ${kept.length} 个评价对象，至少需要 2 个`, `after the missing-value rule only ${kept.length} subject(s) remain; at least 2 are needed`, 'subjects');
  const matrix = kept.map((s) => s.values as number[]);

  let ahp: { weights: number[]; groups: RunResult['ahp'] } | null = null;
  if (def.weighting === 'ahp' || def.weighting === 'combined') {
    ahp = ahpWeights(def);
    const bad = ahp.groups.find((g) => !g.consistent);
    if (bad) {
      const where = bad.group === 'groups' ? { zh: '准则层', en: 'the criteria groups' } : { zh: `“${def.groups.find((g) => g.key === bad.group)?.name ?? bad.group}”`, en: `group "${bad.group}"` };
      throw refuse(`${where.zh}的判断矩阵一致性比率 CR = ${bad.CR.toFixed(3)} > ${CR_LIMIT}，不能运行评价；请调整判断矩阵`, `the pairwise matrix of ${where.en} has CR = ${bad.CR.toFixed(3)} > ${CR_LIMIT}; the run is refused until it is revised`, 'pairwise');
    }
  }
  const entropy = def.weighting === 'entropy' || def.weighting === 'combined' ? entropyWeights(matrix, types, 'minmax').weights : null;
  let final: number[];
  if (def.weighting === 'ahp') final = ahp!.weights;
  else if (def.weighting === 'entropy') final = entropy!;
  else if (def.weighting === 'combined') final = combineWeights(ahp!.weights, entropy!, def.combine.mode, def.combine.alpha);
  else {
    const fixed = def.groups.flatMap((g) => g.criteria.map((c) => c.weight ?? 0));
    const s = fixed.reduce((a, b) => a + b, 0);
    if (!(s > 0)) throw refuse('固定权重全为 0 或未填写', 'fixed weights are all 0 or missing', 'weights');
    final = fixed.map((w) => w / s);
  }

  let scores: number[];
  if (def.scoring === 'topsis') scores = topsis(matrix, types, final, def.topsisVariant).closeness;
  else if (def.scoring === 'gra') scores = greyRelational(matrix, types, final, def.rho).grades;
  else scores = weightedSum(matrix, types, final).scores;
  const ranks = rankDescending(scores);
  let k = 0;
  const out = subjects.map((s) => {
    if (s.excluded) return { ...s, values: s.values.map(() => null), score: null, rank: null };
    const i = k++;
    return { ...s, score: scores[i], rank: ranks[i] };
  });
  out.sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || (a.key < b.key ? -1 : 1));
  const nMissing = subjects.filter((s) => s.missing.length).length;
  const missingNote = def.missing === 'exclude'
    ? { zh: `缺失值规则：排除缺少任一指标数据的评价对象（本次排除 ${nMissing} 个）`, en: `Missing values: a subject lacking any figure is excluded (${nMissing} excluded this run)` }
    : { zh: `缺失值规则：缺失值取该指标的最差观测值（本次涉及 ${nMissing} 个评价对象）`, en: `Missing values: a missing figure takes the criterion's worst observed value (${nMissing} subject(s) affected)` };
  return {
    weights: snap.criteria.map((c, j) => ({ source: c.source, ahp: ahp ? ahp.weights[j] : null, entropy: entropy ? entropy[j] : null, final: final[j] })),
    ahp: ahp?.groups ?? [],
    subjects: out,
    missingNote,
  };
}
