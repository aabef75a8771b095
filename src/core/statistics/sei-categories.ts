// The SEI catalogue (国家统计局《战略性新兴产业分类（2018）》) as loaded by `sei init`: the level-1
// categories, each with its level-2 ones on request. The codes are hierarchical ("3", "3.1"), so a
// category's level and parent follow from its code.
import type { SeiCategory } from '../../shared/statistics';
import { authorize, type Actor } from '../policy';
import type { Deps } from '../ports';

/** "1.10" after "1.9": compares the dotted parts as numbers. */
function byCode(a: string, b: string): number {
  const x = a.split('.').map(Number);
  const y = b.split('.').map(Number);
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (x[i] ?? -1) - (y[i] ?? -1);
    if (d) return d;
  }
  return a.localeCompare(b);
}

export async function listSeiCategories(deps: Deps, actor: Actor, opts: { level: 1 | 2 }): Promise<SeiCategory[]> {
  authorize(actor, 'read', 'enterprise');
  const names = await deps.store.statistics.seiCategoryNames();
  const codes = [...names.keys()].sort(byCode);
  return codes
    .filter((code) => !code.includes('.'))
    .map((code) => {
      const category: SeiCategory = { code, name: names.get(code)! };
      if (opts.level === 2) {
        category.children = codes.filter((c) => c.split('.').length === 2 && c.startsWith(`${code}.`)).map((c) => ({ code: c, name: names.get(c)! }));
      }
      return category;
    });
}
