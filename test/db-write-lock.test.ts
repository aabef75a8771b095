// A transaction that finds the database's write lock held by another process waits for it without holding
// this process: timers (and so the requests a server is answering) keep running, and the write goes through
// once the lock is free (src/db/sqlite-lock.ts; on PostgreSQL a lock wait is asynchronous by nature).
import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { sqlitePath } from '../src/db/connect';
import { createTestDatabase, dialects, type TestDatabase } from './helpers/databases';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.each(dialects)('%s: waiting for the write lock', (dialect) => {
  let database: TestDatabase | undefined;
  afterEach(async () => {
    await database?.drop();
    database = undefined;
  });

  it('keeps the event loop turning while another process holds the lock, then writes', async () => {
    database = await createTestDatabase(dialect);
    const db = database.db;
    await sql`create table lock_probe (x integer not null)`.execute(db);
    // Another process holds the write lock (SQLite: the whole file; PostgreSQL: the table).
    let release: () => Promise<void>;
    if (dialect === 'sqlite') {
      const other = new SQLite(sqlitePath(database.url));
      other.exec('begin immediate');
      other.exec('insert into lock_probe (x) values (1)');
      release = async () => { other.exec('commit'); other.close(); };
    } else {
      const other = new pg.Client({ connectionString: database.url });
      await other.connect();
      await other.query('begin');
      await other.query('lock table lock_probe in access exclusive mode');
      await other.query('insert into lock_probe (x) values (1)');
      release = async () => { await other.query('commit'); await other.end(); };
    }
    let ticks = 0;
    const timer = setInterval(() => ticks++, 5);
    let done = false;
    const write = db.transaction().execute(async (trx) => {
      await sql`insert into lock_probe (x) values (2)`.execute(trx);
    }).then(() => { done = true; });
    await sleep(300);
    const ticksWhileLocked = ticks;
    expect(done).toBe(false);
    await release();
    await write;
    clearInterval(timer);
    // busy_timeout alone would have frozen the process for the 300 ms: no tick at all.
    expect(ticksWhileLocked).toBeGreaterThanOrEqual(20);
    const rows = await sql<{ x: number }>`select x from lock_probe order by x`.execute(db);
    expect(rows.rows.map((r) => Number(r.x))).toEqual([1, 2]);
  });

  it('answers reads of this process while its own write transaction is open, with the last commit', async () => {
    database = await createTestDatabase(dialect);
    const db = database.db;
    await sql`create table lock_probe (x integer not null)`.execute(db);
    await sql`insert into lock_probe (x) values (1)`.execute(db);
    const count = async () => Number((await sql<{ n: number }>`select count(*) as n from lock_probe`.execute(db)).rows[0]!.n);
    let inside!: () => void;
    const held = new Promise<void>((r) => { inside = r; });
    let finish!: () => void;
    const gate = new Promise<void>((r) => { finish = r; });
    const write = db.transaction().execute(async (trx) => {
      await sql`insert into lock_probe (x) values (2)`.execute(trx);
      inside();
      await gate;
    });
    await held;
    // SQLite: with one connection behind a mutex this read waited for the commit (the test timed out).
    const during = await Promise.race([count(), sleep(2000).then(() => 'waited')]);
    expect(during).toBe(1);
    // A write outside a transaction takes its turn after the open one.
    let lateDone = false;
    const late = sql`insert into lock_probe (x) values (3)`.execute(db).then(() => { lateDone = true; });
    await sleep(50);
    if (dialect === 'sqlite') expect(lateDone).toBe(false);
    finish();
    await write;
    await late;
    expect(await count()).toBe(3);
  });
});
