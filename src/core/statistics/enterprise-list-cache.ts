// Pages of the enterprise list are kept until the next write, as the cockpit's answers are (cockpit/cache.ts):
// a search over 100,000 enterprises costs 2–20 ms of database work, and a directory is searched far more often
// than written. Every write that can change a page (enterprise, organisation, park, import) leaves an audit
// row, so the newest audit row — one indexed lookup per request, read every time so that this process's own
// writes show at once — tells whether a kept page is still the truth; entries also expire (CACHE_TTL_MS).
// Statistics writes (data entry, imports of values, report steps) and logins do not change a page and are
// left out (directoryWatermark): under a stream of data entry every search would otherwise be computed anew.
import { namedCacheFor } from '../cockpit/cache';
import type { Deps } from '../ports';
import type { EnterprisePage } from '../../shared/statistics';
import type { EnterpriseFilter } from './ports';

export async function keptEnterprisePage(deps: Deps, filter: EnterpriseFilter, compute: () => Promise<EnterprisePage>): Promise<EnterprisePage> {
  const cache = namedCacheFor<EnterprisePage>(deps.store, 'enterprise-pages');
  const watermark = await deps.store.cockpit.directoryWatermark();
  return (await cache.get(JSON.stringify(filter), watermark, Date.now(), compute)).value;
}
