// A scheme is checked when saved: known criteria for its subject kind, pairwise matrices of the right
// size and reciprocal (their CR may still exceed 0.1: that is shown live and refuses a run, not a save).
import { SchemeInputSchema, type SchemeInput } from '../../shared/evaluation';
import { AppError } from '../app-error';
import { parseInput } from '../parse-input';
import { schemeCriteria } from './gather-data';
import { parsePairwise } from './methods/ahp';

export function checkScheme(raw: unknown): SchemeInput {
  const s = parseInput(SchemeInputSchema, raw);
  const def = s.definition;
  schemeCriteria(def);
  const keys = new Set<string>();
  def.groups.forEach((g, gi) => {
    if (keys.has(g.key)) throw new AppError('VALIDATION', { zh: `第 ${gi + 1} 组的键“${g.key}”重复`, en: `group ${gi + 1}: key "${g.key}" is used twice` }, [{ path: `definition.groups.${gi}.key`, message: 'duplicate' }]);
    keys.add(g.key);
    const seen = new Set<string>();
    g.criteria.forEach((c, ci) => {
      if (seen.has(c.source)) throw new AppError('VALIDATION', { zh: `“${g.name}”中指标 ${c.source} 重复`, en: `group "${g.key}": criterion ${c.source} appears twice` }, [{ path: `definition.groups.${gi}.criteria.${ci}.source`, message: 'duplicate' }]);
      seen.add(c.source);
    });
  });
  const usesAhp = def.weighting === 'ahp' || def.weighting === 'combined';
  const matrix = (m: unknown, size: number, path: string, what: { zh: string; en: string }) => {
    if (m === undefined) {
      if (usesAhp && size > 1) throw new AppError('VALIDATION', { zh: `${what.zh}缺少判断矩阵`, en: `${what.en} has no pairwise matrix` }, [{ path, message: 'required for AHP' }]);
      return;
    }
    const a = parsePairwise(m, path);
    if (a.length !== size) throw new AppError('VALIDATION', { zh: `${what.zh}的判断矩阵为 ${a.length} 阶，应为 ${size} 阶`, en: `${what.en}: the pairwise matrix has ${a.length} rows, expected ${size}` }, [{ path, message: 'wrong size' }]);
  };
  matrix(def.pairwise, def.groups.length, 'definition.pairwise', { zh: '准则层', en: 'the criteria groups' });
  def.groups.forEach((g, gi) => matrix(g.pairwise, g.criteria.length, `definition.groups.${gi}.pairwise`, { zh: `“${g.name}”`, en: `group "${g.key}"` }));
  if (def.weighting === 'fixed' && !def.groups.some((g) => g.criteria.some((c) => (c.weight ?? 0) > 0))) {
    throw new AppError('VALIDATION', { zh: '固定权重方案须至少为一个指标填写大于 0 的权重', en: 'a fixed-weight scheme needs at least one weight above 0' }, [{ path: 'definition.groups', message: 'weights' }]);
  }
  return s;
}
