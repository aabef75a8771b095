// A scheme is checked when saved: known criteria for its subject kind, pairwise matrices of the right
// size and reciprocal (their CR may still exceed 0.1: that is shown live and refuses a run, not a save).
import { SchemeInputSchema, type SchemeInput } from '../../shared/evaluation';
import { AppError } from '../app-error';
import { parseInput } from '../parse-input';
import { criterionInfo } from './criteria';
import { schemeCriteria } from './gather-data';
import { parsePairwise } from './methods/ahp';

const refuse = (path: string, zh: string, en: string) => new AppError('VALIDATION', { zh, en }, [{ path, message: en, reason: zh, reasonEn: en }]);

/** The fields a person fills in on the page, refused in words before the schema's generic messages. */
function checkFields(raw: unknown): void {
  const r = (raw ?? {}) as { name?: unknown; definition?: { groups?: unknown } };
  if (typeof r.name !== 'string' || !r.name.trim()) throw refuse('name', '方案名称不能为空', 'the scheme needs a name');
  const groups = r.definition?.groups;
  if (!Array.isArray(groups) || groups.length === 0) throw refuse('definition.groups', '方案至少需要一个准则（指标组）', 'the scheme needs at least one criteria group');
  groups.forEach((g: { name?: unknown; criteria?: unknown }, gi) => {
    if (typeof g?.name !== 'string' || !g.name.trim()) throw refuse(`definition.groups.${gi}.name`, `第 ${gi + 1} 个准则缺少名称`, `criteria group ${gi + 1} has no name`);
    if (!Array.isArray(g.criteria) || g.criteria.length === 0) throw refuse(`definition.groups.${gi}.criteria`, `准则“${g.name}”至少需要一个指标`, `criteria group "${g.name}" needs at least one criterion`);
    g.criteria.forEach((c: { weight?: unknown }, ci: number) => {
      if (c?.weight !== undefined && (typeof c.weight !== 'number' || !Number.isFinite(c.weight) || c.weight < 0)) {
        throw refuse(`definition.groups.${gi}.criteria.${ci}.weight`, `准则“${g.name}”第 ${ci + 1} 个指标的权重须为非负数，此处为 ${JSON.stringify(c.weight)}`, `group "${g.name}", criterion ${ci + 1}: a weight must be a non-negative number, found ${JSON.stringify(c.weight)}`);
      }
    });
  });
}

export function checkScheme(raw: unknown): SchemeInput {
  checkFields(raw);
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
  if (def.weighting === 'fixed') {
    // A fixed weight left empty would silently count as 0: every criterion must say its weight.
    def.groups.forEach((g, gi) => g.criteria.forEach((c, ci) => {
      if (c.weight === undefined) throw refuse(`definition.groups.${gi}.criteria.${ci}.weight`, `固定权重方案中，准则“${g.name}”的指标“${criterionInfo(c.source)?.name.zh ?? c.source}”缺少权重`, `fixed weights: criterion "${criterionInfo(c.source)?.name.en ?? c.source}" in group "${g.name}" has no weight`);
    }));
  }
  if (def.weighting === 'fixed' && !def.groups.some((g) => g.criteria.some((c) => (c.weight ?? 0) > 0))) {
    throw new AppError('VALIDATION', { zh: '固定权重方案须至少为一个指标填写大于 0 的权重', en: 'a fixed-weight scheme needs at least one weight above 0' }, [{ path: 'definition.groups', message: 'weights' }]);
  }
  return s;
}
