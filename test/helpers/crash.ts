// Crash-safety trials (bench/crash-safety.ts runs many, test/ops-crash.test.ts a handful): a CLI import or
// the server is killed with SIGKILL at a random moment of a write, and afterwards the database must hold
// each write wholly or not at all, its aggregates must equal a rebuild from the values, and it must pass
// its integrity check.
import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { databaseWithEnterprises } from '../../bench/bench-common';
import { addUser } from '../../src/core/users/add-user';
import { importDataValues } from '../../src/core/statistics/import-data-values';
import type { Dialect } from '../../src/db/connect';
import { createStore } from '../../src/db/store';
import { importInputFromFile } from '../../src/files/value-files';
import { secrets } from '../../src/server/auth/secrets';
import type { TestDatabase } from './databases';
import { aggregateMismatches, valuesCsv } from './ops';

const BIN = fileURLToPath(new URL('../../bin/sei.mjs', import.meta.url));
const ADMIN = { username: 'crashadmin', password: 'Crash@2026-admin' };
export const TRIAL_KINDS = ['cli-import', 'server-import', 'server-submit', 'cli-registry'] as const;
export type TrialKind = (typeof TRIAL_KINDS)[number];

/** A seeded generator (mulberry32), so a failing run can be repeated with its --seed. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface CrashRig {
  dialect: Dialect;
  database: TestDatabase;
  dir: string;
  importIds: string[];
  importCodes: string[];
  submitCodes: string[];
  values: number;
  platforms: number;
  port: number;
  server: ChildProcess | null;
  cookie: string;
  csrf: string;
}

export interface TrialResult {
  kind: TrialKind;
  trial: number;
  delayMs: number;
  /** The write had finished (the process answered or exited) before the kill. */
  finishedBeforeKill: boolean;
  outcome: 'present' | 'absent' | 'mixed';
  problems: string[];
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A database with `values / 240` enterprises to import into, 40 more with values to submit, and an admin. */
export async function prepareRig(dialect: Dialect, dir: string, opts: { values: number; platforms: number; port: number }): Promise<CrashRig> {
  const importCount = Math.ceil(opts.values / 240);
  const { database, enterprises } = await databaseWithEnterprises(dialect, importCount + 40);
  const deps = { store: createStore(database.db), secrets };
  await addUser(deps, null, { username: ADMIN.username, role: 'admin', orgCode: null, password: ADMIN.password }, new Date());
  const submit = enterprises.slice(importCount);
  // The reporting enterprises' monthly values, entered once: each submission trial submits one month.
  const input = await importInputFromFile(Buffer.from(valuesCsv(submit.map((e) => e.code), submit.length * 240, 99)), 'submit.csv', await deps.store.statistics.indicators(), { dryRun: false });
  await importDataValues(deps, null, input, new Date());
  return {
    dialect, database, dir, values: opts.values, platforms: opts.platforms, port: opts.port, server: null, cookie: '', csrf: '',
    importIds: enterprises.slice(0, importCount).map((e) => e.orgId), importCodes: enterprises.slice(0, importCount).map((e) => e.code), submitCodes: submit.map((e) => e.code),
  };
}

function sei(rig: CrashRig, args: string[]): ChildProcess {
  return spawn(process.execPath, [BIN, ...args], { env: { ...process.env, DATABASE_URL: rig.database.url, LOG_LEVEL: 'warn', SEI_PROGRESS: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
}

const exited = (p: ChildProcess) => new Promise<number | null>((r) => (p.exitCode !== null || p.signalCode !== null ? r(p.exitCode) : p.once('exit', (c) => r(c))));

/** Starts `sei serve` and signs in as the admin. */
export async function startServer(rig: CrashRig): Promise<void> {
  const p = sei(rig, ['serve', '--port', String(rig.port), '--host', '127.0.0.1']);
  let err = '';
  p.stderr!.on('data', (d) => (err += d));
  p.stdout!.resume();
  rig.server = p;
  // Up to three minutes: on a busy machine the server's start (tsx) alone can take a minute.
  for (let i = 0; i < 1800; i++) {
    if (p.exitCode !== null) throw new Error(`server exited ${p.exitCode}: ${err}`);
    const ok = await fetch(`http://127.0.0.1:${rig.port}/api/health`).then((r) => r.ok, () => false);
    if (ok) break;
    await sleep(100);
  }
  const res = await fetch(`http://127.0.0.1:${rig.port}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ADMIN) });
  if (!res.ok) throw new Error(`login failed: ${res.status} ${await res.text()}`);
  rig.cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  rig.csrf = ((await res.json()) as { csrfToken: string }).csrfToken;
}

export async function stopServer(rig: CrashRig): Promise<void> {
  if (!rig.server) return;
  rig.server.kill('SIGKILL');
  await exited(rig.server);
  rig.server = null;
}

/** After a kill on PostgreSQL: wait until no other session works on the database (its transaction ended). */
async function settle(rig: CrashRig): Promise<void> {
  if (rig.dialect !== 'postgres') return;
  for (let i = 0; i < 200; i++) {
    const { rows } = await sql<{ n: number }>`select count(*) as n from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()`.execute(rig.database.db);
    if (Number(rows[0]!.n) === 0) return;
    await sleep(50);
  }
  throw new Error('a killed process still has a session on the database after 10 s');
}

async function importState(rig: CrashRig): Promise<{ n: number; sum: number }> {
  const r = await rig.database.db.selectFrom('data_value').select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.sum<number>('value').as('sum')]).where('org_id', 'in', rig.importIds).executeTakeFirstOrThrow();
  return { n: Number(r.n), sum: Number(r.sum ?? 0) };
}

const csvSum = (csv: string) => csv.split('\n').slice(1).filter(Boolean).reduce((s, l) => s + Number(l.slice(l.lastIndexOf(',') + 1)), 0);
const near = (a: number, b: number) => Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(b));

/** The database checks every trial ends with: integrity, foreign keys, aggregates. */
export async function databaseProblems(rig: CrashRig): Promise<string[]> {
  const problems: string[] = [];
  const db = rig.database.db;
  if (rig.dialect === 'sqlite') {
    const ic = (await sql<{ integrity_check: string }>`pragma integrity_check`.execute(db)).rows.map((r) => r.integrity_check);
    if (ic.join() !== 'ok') problems.push(`integrity_check: ${ic.slice(0, 3).join('; ')}`);
    const fk = (await sql`pragma foreign_key_check`.execute(db)).rows;
    if (fk.length) problems.push(`foreign_key_check: ${fk.length} rows`);
  } else {
    // amcheck verifies every B-tree index of the schema against its structure invariants: the indexes of
    // each partition (relkind 'i'); a partitioned table's own index (relkind 'I') holds no data.
    await sql`create extension if not exists amcheck`.execute(db);
    const { rows } = await sql<{ n: number }>`select count(bt_index_check(c.oid)) as n from pg_index i join pg_class c on c.oid = i.indexrelid join pg_am am on am.oid = c.relam
      where am.amname = 'btree' and c.relkind = 'i' and c.relnamespace = 'public'::regnamespace and c.relpersistence <> 't'`.execute(db);
    if (!(Number(rows[0]!.n) > 0)) problems.push('amcheck checked no index');
  }
  const agg = await aggregateMismatches(db);
  if (agg.length) problems.push(`aggregates ≠ rebuild: ${agg.slice(0, 3).join('; ')} (${agg.length})`);
  return problems;
}

async function platformWorkbook(rig: CrashRig, trial: number): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('创新平台');
  ws.addRow(['平台名称', '平台类型', '级别', '依托单位', '重点领域代码', '县市区代码', '认定日期']);
  for (let i = 0; i < rig.platforms; i++) ws.addRow([`崩溃试验平台-T${trial}-${i}`, '企业技术中心', '省级', `试验依托单位${i}`, 'new-materials', '130528', '2019-06-01']);
  const file = join(rig.dir, `platforms-${trial}.xlsx`);
  writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));
  return file;
}

/**
 * One trial: start the write, SIGKILL the process doing it after `delayMs` (calibrate with a large delay:
 * the write then finishes), recover (restart the server for the server kinds), check.
 */
export async function runTrial(rig: CrashRig, kind: TrialKind, trial: number, delayMs: number, opts: { fromWrite?: boolean } = {}): Promise<TrialResult & { writeMs: number | null }> {
  const problems: string[] = [];
  // From the start of the write (the process spawned, the request sent) to its end: the kill window.
  let t0 = Date.now();
  let writeMs: number | null = null;
  const ended = () => void (writeMs = Date.now() - t0);
  let finished = false;
  let outcome: TrialResult['outcome'] = 'absent';
  if (kind === 'cli-import' || kind === 'server-import') {
    const csv = valuesCsv(rig.importCodes, rig.values, 1000 + trial);
    const file = join(rig.dir, `values-${trial}.csv`);
    writeFileSync(file, csv);
    const before = await importState(rig);
    if (kind === 'cli-import') {
      const p = sei(rig, ['data', 'import', file]);
      p.stdout!.resume();
      // With opts.fromWrite the delay counts from the progress bar's first 写入 write line: the kill then
      // lands inside the import's transaction, not while the CLI is still starting.
      const writing = new Promise<void>((resolve) => {
        let err = '';
        p.stderr!.on('data', (d) => { err += d; if (err.includes('写入 write')) resolve(); });
      });
      const done = exited(p).then((c) => { finished = c === 0; ended(); });
      if (opts.fromWrite) await Promise.race([writing, done]);
      await Promise.race([sleep(delayMs), done]);
      p.kill('SIGKILL');
      await exited(p);
    } else {
      if (!rig.server) await startServer(rig);
      t0 = Date.now();
      const req = fetch(`http://127.0.0.1:${rig.port}/api/data-values/import?filename=values-${trial}.csv`, { method: 'POST', headers: { 'content-type': 'text/csv', cookie: rig.cookie, 'x-csrf-token': rig.csrf }, body: csv })
        .then(async (r) => { finished = r.ok; ended(); if (!r.ok) problems.push(`import answered ${r.status} ${(await r.text()).slice(0, 200)}`); }, () => undefined);
      await Promise.race([sleep(delayMs), req]);
      await stopServer(rig);
    }
    await settle(rig);
    const after = await importState(rig);
    const want = { n: rig.values, sum: csvSum(csv) };
    if (after.n === want.n && near(after.sum, want.sum)) outcome = 'present';
    else if (after.n === before.n && near(after.sum, before.sum)) outcome = 'absent';
    else outcome = 'mixed';
    if (finished && outcome !== 'present') problems.push(`the import finished but its values are ${outcome}`);
  } else if (kind === 'server-submit') {
    if (!rig.server) await startServer(rig);
    t0 = Date.now();
    const period = `${2017 + Math.floor((trial % 48) / 12)}${String((trial % 12) + 1).padStart(2, '0')}`;
    const post = (org: string) => fetch(`http://127.0.0.1:${rig.port}/api/reports/submit`, { method: 'POST', headers: { 'content-type': 'application/json', cookie: rig.cookie, 'x-csrf-token': rig.csrf }, body: JSON.stringify({ dataset: 'ENT_MONTHLY', org, period, rowVersion: 0 }) })
      .then((r) => r.status, () => 0);
    let killed = false;
    // Four at a time, as several reporters at the deadline.
    const all = (async () => {
      const codes = [...rig.submitCodes];
      await Promise.all(Array.from({ length: 4 }, async () => { for (let c = codes.shift(); c; c = codes.shift()) await post(c); }));
      if (!killed) { finished = true; ended(); }
    })();
    await Promise.race([sleep(delayMs), all]);
    killed = true;
    await stopServer(rig);
    await all;
    await settle(rig);
    // Each report and the status of its values moved together.
    const { rows } = await sql<{ code: string; report: string | null; statuses: string }>`
      select e.uscc as code, r.status as report, ${rig.dialect === 'sqlite' ? sql`group_concat(distinct dv.status)` : sql`string_agg(distinct dv.status, ',')`} as statuses
      from enterprise e join data_value dv on dv.org_id = e.org_id and dv.period = ${period}
      left join report r on r.org_id = e.org_id and r.dataset_code = 'ENT_MONTHLY' and r.period = ${period}
      where e.uscc in (${sql.join(rig.submitCodes)}) group by e.uscc, r.status`.execute(rig.database.db);
    let submitted = 0;
    for (const r of rows) {
      const want = r.report ?? 'draft';
      if (r.statuses !== want) problems.push(`${r.code} ${period}: report ${want}, values ${r.statuses}`);
      if (r.report === 'submitted') submitted++;
    }
    if (rows.length !== rig.submitCodes.length) problems.push(`${rows.length} of ${rig.submitCodes.length} enterprises have values in ${period}`);
    outcome = submitted === 0 ? 'absent' : submitted === rig.submitCodes.length ? 'present' : 'mixed';
    // Submissions are separate writes: some of them stored is expected; each one whole is what counts.
    if (problems.length) outcome = 'mixed';
    else if (outcome === 'mixed') outcome = 'present';
  } else {
    const file = await platformWorkbook(rig, trial);
    t0 = Date.now();
    const p = sei(rig, ['registry', 'import', '--kind', 'platform', file]);
    p.stdout!.resume(); p.stderr!.resume();
    const done = exited(p).then((c) => { finished = c === 0; ended(); });
    await Promise.race([sleep(delayMs), done]);
    p.kill('SIGKILL');
    await exited(p);
    await settle(rig);
    const ids = (await rig.database.db.selectFrom('innovation_platform').select('id').where('name', 'like', `崩溃试验平台-T${trial}-%`).execute()).map((r) => r.id);
    const audited = ids.length ? Number((await rig.database.db.selectFrom('audit_log').select((eb) => eb.fn.count<number>('entity_id').distinct().as('n')).where('entity_id', 'in', ids).executeTakeFirstOrThrow()).n) : 0;
    outcome = ids.length === 0 ? 'absent' : ids.length === rig.platforms ? 'present' : 'mixed';
    if (audited !== ids.length) problems.push(`${ids.length} platforms stored, ${audited} with an audit row`);
    if (finished && outcome !== 'present') problems.push(`the registry import finished but its rows are ${outcome}`);
  }
  if (outcome === 'mixed' && !problems.length) problems.push('partly written');
  problems.push(...(await databaseProblems(rig)));
  return { kind, trial, delayMs: Math.round(delayMs), finishedBeforeKill: finished, outcome, problems, writeMs };
}
