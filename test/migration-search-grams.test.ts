// Migration 0016: enterprises stored before it get their search grams and are found by one- and
// two-character queries through the new index — on both databases.
import { Migrator, sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { listEnterprises } from '../src/db/repositories/enterprises';
import { searchGrams, searchKey } from '../src/db/search-key';
import { createDatabaseAt, dialects, type TestDatabase } from './helpers/databases';

describe.each(dialects)('%s: migration 0016 (search grams)', (dialect) => {
  let database: TestDatabase | undefined;
  afterEach(async () => {
    await database?.drop();
    database = undefined;
  });

  it('fills the grams of stored enterprises and finds them by one or two characters', async () => {
    let migrator: Migrator;
    ({ database, migrator } = await createDatabaseAt(dialect, '0015-cockpit'));
    const db = database.db;
    const now = new Date().toISOString();
    await sql`insert into organization (id, code, name, kind, parent_id, is_lead, sort, active, created_at, updated_at)
      values ('c1', '130528', '宁晋县', 'county', null, 0, 1, 1, ${now}, ${now}),
             ('e1', 'E1', '邢台钢铁', 'enterprise', 'c1', 0, 2, 1, ${now}, ${now}),
             ('e2', 'E2', '宁晋光伏', 'enterprise', 'c1', 0, 3, 1, ${now}, ${now})`.execute(db);
    await sql`insert into enterprise (org_id, uscc, name, county_org_id, tier, above_scale, high_tech, sei_partial, sei_confirmed, active, demo, search_key, created_at, updated_at)
      values ('e1', 'E1', '邢台钢铁', 'c1', 'sme', 0, 0, 0, 0, 1, 0, ${searchKey('邢台钢铁', 'E1')}, ${now}, ${now}),
             ('e2', 'E2', '宁晋光伏', 'c1', 'sme', 0, 0, 0, 0, 1, 0, ${searchKey('宁晋光伏', 'E2')}, ${now}, ${now})`.execute(db);
    expect((await migrator.migrateToLatest()).error).toBeUndefined();
    const rows = await db.selectFrom('enterprise').select(['org_id', 'search_grams']).orderBy('org_id').execute();
    expect(rows).toEqual([
      { org_id: 'e1', search_grams: searchGrams(searchKey('邢台钢铁', 'E1')) },
      { org_id: 'e2', search_grams: searchGrams(searchKey('宁晋光伏', 'E2')) },
    ]);
    const found = async (q: string) => (await listEnterprises(db, { q, limit: 10, offset: 0 })).items.map((e) => e.orgId);
    expect(await found('钢铁')).toEqual(['e1']);
    expect(await found('伏')).toEqual(['e2']);
    expect(await found('gt')).toEqual(['e1']);
    expect(await found('xingtaigangtie')).toEqual(['e1']);
  });
});
