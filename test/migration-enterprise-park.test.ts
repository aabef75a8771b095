// Migration 0004: an enterprise's free-text park that names a registered park becomes the park's id;
// other text stays as typed (nothing lost) — on both databases.
import { Migrator, sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { createDatabaseAt, dialects, type TestDatabase } from './helpers/databases';

describe.each(dialects)('%s: migration 0004 (enterprise park → park registry id)', (dialect) => {
  let database: TestDatabase | undefined;
  afterEach(async () => {
    await database?.drop();
    database = undefined;
  });

  it('maps park names to ids and keeps unknown text', async () => {
    let migrator: Migrator;
    ({ database, migrator } = await createDatabaseAt(dialect, '0003-registries'));
    const db = database.db;
    const now = new Date().toISOString();
    await sql`insert into organization (id, code, name, kind, parent_id, is_lead, sort, active, created_at, updated_at)
      values ('c1', '130528', '宁晋县', 'county', null, 0, 1, 1, ${now}, ${now}),
             ('e1', 'E1', '甲', 'enterprise', 'c1', 0, 2, 1, ${now}, ${now}),
             ('e2', 'E2', '乙', 'enterprise', 'c1', 0, 3, 1, ${now}, ${now}),
             ('e3', 'E3', '丙', 'enterprise', 'c1', 0, 4, 1, ${now}, ${now})`.execute(db);
    await sql`insert into park (id, name, type, county_org_id, lead_industries_json, source, demo, created_at, updated_at)
      values ('p1', '宁晋新能源产业基地', 'base', 'c1', '[]', 'plan', 0, ${now}, ${now})`.execute(db);
    await sql`insert into enterprise (org_id, uscc, name, county_org_id, park_code, tier, above_scale, high_tech, sei_partial, sei_confirmed, active, demo, created_at, updated_at)
      values ('e1', 'E1', '甲', 'c1', '宁晋新能源产业基地', 'sme', 0, 0, 0, 0, 1, 0, ${now}, ${now}),
             ('e2', 'E2', '乙', 'c1', '某工业园', 'sme', 0, 0, 0, 0, 1, 0, ${now}, ${now}),
             ('e3', 'E3', '丙', 'c1', null, 'sme', 0, 0, 0, 0, 1, 0, ${now}, ${now})`.execute(db);
    expect((await migrator.migrateToLatest()).error).toBeUndefined();
    const rows = await db.selectFrom('enterprise').select(['org_id', 'park_code']).orderBy('org_id').execute();
    expect(rows).toEqual([
      { org_id: 'e1', park_code: 'p1' },
      { org_id: 'e2', park_code: '某工业园' },
      { org_id: 'e3', park_code: null },
    ]);
  });
});
