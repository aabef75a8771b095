// The Xingtai demo evaluation scheme (`init --demo` only, labelled demo): the counties ranked on SEI scale,
// like-for-like growth, R&D intensity, T4/T5 registry counts and statistics reporting, weighted by AHP
// combined with entropy, scored by TOPSIS; run and archived for 2019 and 2020 from the demo data.
import type { Transaction } from 'kysely';
import type { Secrets } from '../../core/ports';
import { createScheme } from '../../core/evaluation/save-scheme';
import { runEvaluation } from '../../core/evaluation/run-evaluation';
import type { SchemeInput } from '../../shared/evaluation';
import { storeInTransaction } from '../store';
import type { DB } from '../schema';

export const DEMO_SCHEME: SchemeInput = {
  name: '邢台市县域战新产业发展评价（演示）',
  description: '演示方案：县（市、区）按产业规模、增长质量、创新与工作落实三类七项指标，AHP 与熵权组合赋权，TOPSIS 排序；缺少任一指标数据的县不参加排名。',
  definition: {
    subjectKind: 'county',
    weighting: 'combined',
    ahpVariant: 'eigenvector',
    combine: { mode: 'product', alpha: 0.5 },
    scoring: 'topsis',
    topsisVariant: 'vector',
    rho: 0.5,
    missing: 'exclude',
    pairwise: [[1, 2, 2], ['1/2', 1, 1], ['1/2', 1, 1]],
    groups: [
      { key: 'scale', name: '产业规模', pairwise: [[1, 2], ['1/2', 1]], criteria: [{ source: 'stat:SEI_REVENUE' }, { source: 'stat:SEI_VALUE_ADDED' }] },
      { key: 'quality', name: '增长质量', pairwise: [[1, 1], [1, 1]], criteria: [{ source: 'matched:SEI_REVENUE' }, { source: 'rd_intensity' }] },
      { key: 'delivery', name: '创新与工作落实', pairwise: [[1, 2, 3], ['1/2', 1, 2], ['1/3', '1/2', 1]], criteria: [{ source: 'registry:platforms' }, { source: 'registry:parks' }, { source: 'report:on_time' }] },
    ],
  },
};

export async function addDemoEvaluation(trx: Transaction<DB>, secrets: Secrets, now: string): Promise<void> {
  const deps = { store: storeInTransaction(trx), secrets };
  const at = new Date(now);
  const scheme = await createScheme(deps, null, DEMO_SCHEME, at, { demo: true });
  for (const period of ['2019', '2020']) await runEvaluation(deps, null, scheme.id, { period }, at);
}
