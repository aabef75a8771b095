// Publication records (公开发布): what the public page may serve.
import type { PublicationStore, StoredPublication } from '../../core/publication/ports';
import type { PublicationKind, PublicDim } from '../../shared/publication';
import { toIso } from '../mappers';
import { deleteVersioned, updateVersioned, type Db } from './versioned';

/** The one key of an item, unique in the table. */
export const itemKey = (q: { kind: PublicationKind; indicatorCode: string | null; dim: PublicDim | null; period: string }) =>
  q.kind === 'targets' ? `targets:${q.period}` : `aggregate:${q.indicatorCode}:${q.dim}:${q.period}`;

const COLUMNS = ['id', 'kind', 'indicator_code', 'dim', 'period', 'title', 'published_by', 'created_at', 'updated_at', 'row_version'] as const;

function query(db: Db) {
  return db.selectFrom('publication').select(COLUMNS);
}
type Row = Awaited<ReturnType<ReturnType<typeof query>['execute']>>[number];

const toPublication = (r: Row): StoredPublication => ({
  id: r.id, kind: r.kind as PublicationKind, indicatorCode: r.indicator_code, dim: r.dim as PublicDim | null, period: r.period, title: r.title,
  publishedBy: r.published_by, createdAt: toIso(r.created_at)!, updatedAt: toIso(r.updated_at)!, rowVersion: Number(r.row_version),
});

export function publicationRepository(db: Db): PublicationStore {
  return {
    list: async () => (await query(db).orderBy('kind').orderBy('period', 'desc').orderBy('indicator_code').orderBy('dim').execute()).map(toPublication),
    get: async (id) => { const r = await query(db).where('id', '=', id).executeTakeFirst(); return r ? toPublication(r) : null; },
    find: async (q) => { const r = await query(db).where('item_key', '=', itemKey(q)).executeTakeFirst(); return r ? toPublication(r) : null; },
    insert: async (p) => {
      await db.insertInto('publication').values({
        id: p.id, item_key: itemKey(p), kind: p.kind, indicator_code: p.indicatorCode, dim: p.dim, period: p.period, title: p.title,
        published_by: p.publishedBy, created_at: p.createdAt, updated_at: p.createdAt, row_version: 1,
      }).execute();
    },
    updateTitle: (id, rowVersion, title, now) => updateVersioned(db, 'publication', id, rowVersion, { title }, now),
    delete: (id, rowVersion) => deleteVersioned(db, 'publication', id, rowVersion),
  };
}
