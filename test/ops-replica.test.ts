// DATABASE_READ_URL against a real streaming replica (scripts/pg-replica.sh: a second local cluster on port
// 5433 made with pg_basebackup -R). A write goes to the primary; the aggregates API answers from the
// replica — stale while its replay is paused, current once it caught up. On SQLite the variable is refused.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/db/connect';
import { DEMO_ENTERPRISE } from '../src/db/seed/demo';
import { createInitializedDatabase, TEST_DATABASE_URL, type TestDatabase } from './helpers/databases';
import { loginAs, makeApp } from './helpers/http';

const REPLICA_PORT = 5433;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function replicaClient(dbName = 'postgres'): Promise<pg.Client> {
  const url = new URL(TEST_DATABASE_URL);
  url.port = String(REPLICA_PORT);
  url.pathname = `/${dbName}`;
  const c = new pg.Client({ connectionString: url.toString() });
  try {
    await c.connect();
  } catch (err) {
    throw new Error(`没有可用的只读副本 / no streaming replica on 127.0.0.1:${REPLICA_PORT} (${(err as Error).message}): run scripts/pg-replica.sh as root first (.ci/run does)`);
  }
  return c;
}

describe('sqlite: DATABASE_READ_URL', () => {
  it('is refused with a message naming PostgreSQL', () => {
    expect(() => openDatabase('sqlite::memory:', 'postgres://postgres@127.0.0.1:5433/x')).toThrow(/DATABASE_READ_URL is for a PostgreSQL read replica/);
  });
});

describe('postgres: DATABASE_READ_URL on a streaming replica', { timeout: 120_000 }, () => {
  let primary: TestDatabase;
  let standby: pg.Client;
  beforeAll(async () => {
    const check = await replicaClient();
    const { rows } = await check.query('select pg_is_in_recovery() as r');
    await check.end();
    if (!rows[0].r) throw new Error(`127.0.0.1:${REPLICA_PORT} is not a standby: run scripts/pg-replica.sh`);
    primary = await createInitializedDatabase('postgres', { demo: true });
  }, 180_000);
  afterAll(async () => {
    await standby?.query('select pg_wal_replay_resume()').catch(() => undefined);
    await standby?.end().catch(() => undefined);
    await primary?.drop();
  }, 60_000);

  /** Waits until the replica replayed everything the primary wrote so far. */
  async function caughtUp(): Promise<void> {
    const p = new pg.Client({ connectionString: primary.url });
    await p.connect();
    const { rows } = await p.query('select pg_current_wal_lsn()::text as lsn');
    await p.end();
    for (let i = 0; i < 400; i++) {
      const c = await replicaClient().catch(() => null);
      if (c) {
        const r = await c.query('select pg_last_wal_replay_lsn() >= $1::pg_lsn as ok', [rows[0].lsn]);
        await c.end();
        if (r.rows[0].ok) return;
      }
      await sleep(50);
    }
    throw new Error('the replica did not catch up in 20 s');
  }

  it('aggregates are read from the replica: stale while replay is paused, current after it catches up; writes reach the primary', async () => {
    await caughtUp();
    const readUrl = new URL(primary.url);
    readUrl.port = String(REPLICA_PORT);
    const both = openDatabase(primary.url, readUrl.toString());
    expect(both.read).toBeDefined();
    expect(both.label).toContain(':5433');
    const app = await makeApp({ ...both, url: primary.url, drop: async () => undefined });
    try {
      const tongji = await loginAs(app, 'tongji');
      const q = `/api/statistics/aggregates?indicator=RD_EXPENDITURE&dim=city&period=202103`;
      const cityValue = async () => {
        const res = await tongji.request('GET', q);
        expect(res.statusCode, res.body).toBe(200);
        return JSON.stringify(res.json());
      };
      const before = await cityValue();

      standby = await replicaClient(primary.url.slice(primary.url.lastIndexOf('/') + 1));
      await standby.query('select pg_wal_replay_pause()');
      const write = await tongji.request('POST', '/api/data-values', { dataValues: [{ orgCode: DEMO_ENTERPRISE.code, indicatorCode: 'RD_EXPENDITURE', period: '202103', value: 4321.5 }], confirm: true });
      expect(write.statusCode, write.body).toBe(200);
      // On the primary the value is there …
      const onPrimary = await primary.db.selectFrom('data_value').innerJoin('enterprise', 'enterprise.org_id', 'data_value.org_id').select('value')
        .where('enterprise.uscc', '=', DEMO_ENTERPRISE.code).where('indicator_code', '=', 'RD_EXPENDITURE').where('period', '=', '202103').executeTakeFirstOrThrow();
      expect(Number(onPrimary.value)).toBe(4321.5);
      // … while the API, reading the paused replica, still answers the old aggregate.
      expect(await cityValue()).toBe(before);

      await standby.query('select pg_wal_replay_resume()');
      await caughtUp();
      const after = await cityValue();
      expect(after).not.toBe(before);
      // The read pool is read-only: a write through it fails even on a primary.
      await expect(both.read!.insertInto('meta').values({ key: 'x', value: 'y' } as never).execute()).rejects.toThrow(/read-only/);
    } finally {
      await app.close();
      await both.close();
    }
  });
});
