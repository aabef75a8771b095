// Fails the whole run early, with a clear message, when PostgreSQL is not reachable: the
// PostgreSQL suites are required, never skipped. Then builds the run's template databases
// (test/helpers/templates.ts) that the suites copy instead of initialising their own.
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { TEST_DATABASE_URL } from './helpers/databases';
import { buildTemplates } from './helpers/templates';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
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
  const started = Date.now();
  // The browser suites (run on their own, SQLite only) need no PostgreSQL templates.
  // (A wrong guess costs only time: a suite without its template initialises its own database.)
  const filters = process.argv.slice(2).filter((a) => !a.startsWith('-') && a !== 'run');
  const browserOnly = filters.length > 0 && filters.every((f) => f.startsWith('test/browser'));
  const { templates, remove } = await buildTemplates(TEST_DATABASE_URL, { postgres: !browserOnly });
  console.log(`template databases built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  project.provide('seiTemplates', templates);
  return remove;
}
