// A registry record that other records refer to cannot be deleted or moved out from under them. Today
// that is a park enterprises are registered in (企业名录 → 所在园区): deleted or moved to another county,
// the enterprises would point at nothing, or at a park outside their county, and the park aggregates would
// silently lose them. Every delete, update and import of a registry record passes through here.
import type { RegistryKind } from '../../shared/registries';
import { AppError } from '../app-error';
import type { Store } from '../ports';

export async function refuseChangeInUse(
  store: Store,
  kind: RegistryKind,
  record: { id: string; name: string; countyOrgId: string | null },
  change: { delete: true } | { countyOrgId: string | null },
): Promise<void> {
  if (kind !== 'park') return;
  const park = record;
  if (!('delete' in change) && (change.countyOrgId === park.countyOrgId || change.countyOrgId === null)) return;
  const n = await store.statistics.enterprises.countInPark(park.id);
  if (!n) return;
  const what = 'delete' in change ? { zh: '删除', en: 'delete it' } : { zh: '改到其他县市区', en: 'move it to another county' };
  throw new AppError('CONFLICT', {
    zh: `园区「${park.name}」仍登记有 ${n} 家企业，不能${what.zh}；请先在企业名录中调整这些企业的所在园区`,
    en: `${n} enterprise(s) are registered in park ${park.name}: cannot ${what.en}; change their park in the enterprise registry first`,
  });
}
