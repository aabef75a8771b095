// Fails the whole run early, with a clear message, when PostgreSQL is not reachable: the
// PostgreSQL suites are required, never skipped.
import pg from 'pg';
import { TEST_DATABASE_URL } from './helpers/databases';

export default async function setup(): Promise<void> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.query('select 1');
  } catch (err) {
    throw new Error(
      `PostgreSQL is required for the test suite but ${TEST_DATABASE_URL} is not reachable (${String(err)}). ` +
        'Start it (see README "PostgreSQL") or set TEST_DATABASE_URL.',
    );
  } finally {
    await client.end().catch(() => undefined);
  }
}
