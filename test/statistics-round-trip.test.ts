// Data honesty: an export of the whole demo database (CSV and XLSX) imports back unchanged — every
// data_value row keeps its value, status, source, reliability, source URL, comment and row version, and
// no value audit is written — on both databases.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportRows } from '../src/core/statistics/catalogue-queries';
import { importDataValues } from '../src/core/statistics/import-data-values';
import { createStore } from '../src/db/store';
import { importInputFromFile, tableFile } from '../src/files/value-files';
import { secrets } from '../src/server/auth/secrets';
import { createInitializedDatabase, dialects, type TestDatabase } from './helpers/databases';

describe.each(dialects)('%s: export → import round trip', { timeout: 120_000 }, (dialect) => {
  let database: TestDatabase;
  beforeAll(async () => { database = await createInitializedDatabase(dialect, { demo: true }); });
  afterAll(async () => { await database?.drop(); });

  const snapshot = async () => {
    const r = await sql<Record<string, unknown>>`select org_id, indicator_code, period, year, value, status, source, batch_id, comment, source_url, source_type, reliability, row_version, updated_by, updated_at from data_value order by org_id, indicator_code, period`.execute(database.db);
    return r.rows.map((row) => JSON.stringify({ ...row, value: Number(row.value), year: Number(row.year), row_version: Number(row.row_version), updated_at: String(row.updated_at) }));
  };
  const audits = async () => Number((await sql<{ n: number }>`select count(*) as n from data_value_audit`.execute(database.db)).rows[0]!.n);

  it.each(['csv', 'xlsx'] as const)('the whole demo database, exported as %s, imports back changing nothing', async (format) => {
    const deps = { store: createStore(database.db), secrets };
    const before = await snapshot();
    const auditsBefore = await audits();
    const rows = await exportRows(deps, null, {});
    expect(rows.length - 1).toBe(before.length);
    // City rows with their provenance are part of the export (the case that was rewritten).
    expect(rows.some((r) => r[5] === 'approved' && r[6] === 'reference' && r[7] != null && r[9] != null)).toBe(true);
    const bytes = await tableFile(rows, format);
    const indicators = await deps.store.statistics.indicators();
    const input = await importInputFromFile(bytes, `all.${format}`, indicators, { dryRun: false });
    const result = await importDataValues(deps, null, input, new Date());
    expect(result).toMatchObject({ valid: true, inserted: 0, updated: 0, deleted: 0, unchanged: before.length });
    expect(await snapshot()).toEqual(before);
    expect(await audits()).toBe(auditsBefore);
  });
});
