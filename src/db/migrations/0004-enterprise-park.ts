// An enterprise's park (所在园区) now refers to the park registry by id instead of free text. Text that
// names a registered park exactly becomes its id; other text is kept as it was (shown as an unknown
// park until someone picks the park), so nothing typed before is lost.
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's schema types
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await sql`update enterprise set park_code = (select p.id from park p where p.name = enterprise.park_code)
    where park_code is not null
      and not exists (select 1 from park p where p.id = enterprise.park_code)
      and exists (select 1 from park p where p.name = enterprise.park_code)`.execute(db);
  await db.schema.createIndex('enterprise_park').on('enterprise').column('park_code').execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropIndex('enterprise_park').execute();
}
