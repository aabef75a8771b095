// Template databases for the test suite. Building the demo database (plan, registries, statistics,
// supervision, evaluation and review history) takes seconds on SQLite and tens of seconds on PostgreSQL,
// and most suites start from it; the global setup builds it once per run and dialect, and each test copies
// it: a file copy on SQLite, CREATE DATABASE … TEMPLATE on PostgreSQL. The copy is the same database
// `initDatabase` would have made a few minutes earlier.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { openDatabase } from '../../src/db/connect';
import { initDatabase } from '../../src/db/seed/init-database';
import { secrets } from '../../src/server/auth/secrets';

export interface Templates {
  /** SQLite template files, demo and plain. */
  sqlite: { demo: string; plain: string };
  /** PostgreSQL template database names, demo and plain; absent when the run's suites use SQLite only. */
  postgres?: { demo: string; plain: string };
}

declare module 'vitest' {
  export interface ProvidedContext {
    seiTemplates: Templates;
  }
}

/** The templates of this run, or null outside the vitest run (benches build their databases themselves). */
export async function currentTemplates(): Promise<Templates | null> {
  if (!process.env.VITEST) return null;
  const { inject } = await import('vitest');
  return inject('seiTemplates') ?? null;
}

async function buildSqlite(dir: string, demo: boolean): Promise<string> {
  const work = join(dir, `work-${demo ? 'demo' : 'plain'}.db`);
  const file = join(dir, `${demo ? 'demo' : 'plain'}.db`);
  const database = openDatabase(`sqlite:${work}`);
  try {
    await initDatabase(database, secrets, { demo, force: false });
    // One self-contained file (no -wal beside it) that a plain copy reproduces.
    await sql`VACUUM INTO ${sql.lit(file)}`.execute(database.db);
  } finally {
    await database.close();
  }
  return file;
}

async function buildPostgres(adminUrl: string, name: string, demo: boolean): Promise<string> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = openDatabase(url.toString());
  try {
    await initDatabase(database, secrets, { demo, force: false });
  } finally {
    await database.close();
  }
  // A template cannot be copied while a connection to it remains; the closed pool may still be leaving.
  const check = new pg.Client({ connectionString: adminUrl });
  await check.connect();
  try {
    for (let i = 0; i < 100; i++) {
      const { rows } = await check.query('SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1', [name]);
      if (rows[0].n === 0) break;
      await new Promise((r) => setTimeout(r, 50));
    }
  } finally {
    await check.end();
  }
  return name;
}

/** Builds the templates; `postgres: false` (the browser run, whose suites use SQLite only) skips PostgreSQL's. */
export async function buildTemplates(adminUrl: string, opts: { postgres: boolean }): Promise<{ templates: Templates; remove: () => Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'sei-templates-'));
  const tag = `sei_tpl_${process.pid}`;
  const [sd, sp, pg2] = await Promise.all([
    buildSqlite(dir, true),
    buildSqlite(dir, false),
    opts.postgres
      ? Promise.all([buildPostgres(adminUrl, `${tag}_demo`, true), buildPostgres(adminUrl, `${tag}_plain`, false)])
      : null,
  ]);
  const templates: Templates = { sqlite: { demo: sd, plain: sp }, ...(pg2 ? { postgres: { demo: pg2[0], plain: pg2[1] } } : {}) };
  const remove = async (): Promise<void> => {
    rmSync(dir, { recursive: true, force: true });
    if (!pg2) return;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    try {
      for (const name of pg2) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    } finally {
      await admin.end();
    }
  };
  return { templates, remove };
}
