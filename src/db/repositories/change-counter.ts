// A change counter per area, kept in `meta` (key `generation.<area>`): bumped inside every write
// transaction of the area, so a read model cached in memory can tell in one indexed lookup whether it is
// still the truth (the board over 10,000 tasks is rebuilt only after a change). A rolled-back write
// rolls its bump back with it.
import { sql } from 'kysely';
import type { Db } from './versioned';

const key = (area: string) => `generation.${area}`;

export async function bumpGeneration(db: Db, area: string): Promise<void> {
  await sql`insert into meta (key, value) values (${key(area)}, '1')
    on conflict (key) do update set value = cast(cast(meta.value as integer) + 1 as text)`.execute(db);
}

export async function readGeneration(db: Db, area: string): Promise<number> {
  const row = await db.selectFrom('meta').select('value').where('key', '=', key(area)).executeTakeFirst();
  return row ? Number(row.value) : 0;
}
