import type { PublicCatalogueItem } from '../../shared/publication';
import type { Deps } from '../ports';
import { withNames } from './common';

/** What the public page lists (no login): the published items, without who published them. */
export async function publicCatalogue(deps: Deps): Promise<{ items: PublicCatalogueItem[] }> {
  const list = await withNames(deps, await deps.store.publication.list());
  return { items: list.map(({ id, kind, indicatorCode, indicatorName, dim, period, title, updatedAt }) => ({ id, kind, indicatorCode, indicatorName, dim, period, title, updatedAt })) };
}
