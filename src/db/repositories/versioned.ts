// The row-versioned update and delete of the tables people edit (optimistic concurrency: a write names
// the version it read).
import type { Generated, Kysely, Transaction, UpdateObject } from 'kysely';
import type { DB } from '../schema';

export type Db = Kysely<DB> | Transaction<DB>;

/** The tables with a text id, a row_version and updated_at. */
export type VersionedTable = {
  [K in keyof DB]: DB[K] extends { id: string; row_version: Generated<number>; updated_at: unknown } ? K : never;
}[keyof DB];

/** Every versioned table seen through the three columns the helpers touch (Kysely cannot resolve them on a generic table). */
type VersionedDb = Kysely<Record<VersionedTable, { id: string; row_version: Generated<number>; updated_at: string }>>;

/**
 * Sets `set` on the row `id` only if its row_version is still `rowVersion`, bumping the version and
 * updated_at; false when the row is gone or was changed meanwhile (the caller reports CONFLICT).
 */
export async function updateVersioned<T extends VersionedTable>(db: Db, table: T, id: string, rowVersion: number, set: UpdateObject<DB, T>, now: string): Promise<boolean> {
  const r = await (db as unknown as VersionedDb)
    .updateTable(table as VersionedTable)
    .set((eb) => ({ ...(set as object), row_version: eb('row_version', '+', 1), updated_at: now }))
    .where('id', '=', id)
    .where('row_version', '=', rowVersion)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Deletes the row `id` only if its row_version is still `rowVersion`; false otherwise. */
export async function deleteVersioned(db: Db, table: VersionedTable, id: string, rowVersion: number): Promise<boolean> {
  const r = await (db as unknown as VersionedDb).deleteFrom(table).where('id', '=', id).where('row_version', '=', rowVersion).executeTakeFirst();
  return Number(r.numDeletedRows) === 1;
}
