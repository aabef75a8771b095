// Migration 0005: built-in indicators of an existing database get the default plausibility ranges (the
// same as a new database); an indicator whose hard maximum was set keeps it — on both databases.
import { Migrator, sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { BUILTIN_INDICATORS } from '../src/core/statistics/catalogue';
import { listIndicators } from '../src/db/repositories/statistics-catalogue';
import { createDatabaseAt, dialects, type TestDatabase } from './helpers/databases';

describe.each(dialects)('%s: migration 0005 (indicator ranges)', (dialect) => {
  let database: TestDatabase | undefined;
  afterEach(async () => {
    await database?.drop();
    database = undefined;
  });

  it('sets the documented defaults on built-in indicators and keeps a maximum someone set', async () => {
    let migrator: Migrator;
    ({ database, migrator } = await createDatabaseAt(dialect, '0004-enterprise-park'));
    const db = database.db;
    const now = new Date().toISOString();
    for (const [i, d] of BUILTIN_INDICATORS.entries()) {
      // As 0002's seed stored them: min 0 (or none), no maximum.
      await sql`insert into indicator (code, name, name_en, unit, frequency, aggregation, cumulative, time_aggregation, decimals, direction, level, formula_json, min_value, max_value, description, sort, builtin, created_at, updated_at)
        values (${d.code}, ${d.name}, ${d.nameEn}, ${d.unit}, ${d.frequency}, ${d.aggregation}, ${d.cumulative ? 1 : 0}, ${d.timeAggregation}, ${d.decimals}, ${d.direction}, ${d.level}, ${null}, ${d.level === 'derived' || d.code === 'PROFIT' || d.unit === '%' ? null : 0}, ${d.code === 'FISCAL_REVENUE' ? 700 : null}, ${null}, ${i}, 1, ${now}, ${now})`.execute(db);
    }
    expect((await migrator.migrateToLatest()).error).toBeUndefined();
    const byCode = new Map((await listIndicators(db)).map((i) => [i.code, i]));
    for (const d of BUILTIN_INDICATORS) {
      const got = byCode.get(d.code)!;
      const ranges = { minValue: got.minValue, maxValue: got.maxValue, softMin: got.softMin, softMax: got.softMax, integer: got.integer };
      if (d.code === 'FISCAL_REVENUE') expect(ranges).toMatchObject({ maxValue: 700, softMax: null });
      else if (d.level === 'derived') expect(ranges).toEqual({ minValue: null, maxValue: null, softMin: null, softMax: null, integer: false });
      else expect(ranges, d.code).toEqual({ minValue: d.minValue, maxValue: d.maxValue, softMin: d.softMin, softMax: d.softMax, integer: d.integer });
    }
  });
});
