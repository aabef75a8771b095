// The cockpit API against the running server: GET /api/cockpit?period=2020 over V stored values
// (synthetic enterprises × 7 indicators × 48 months, aggregates built), as the leader. Measured in the same
// run against a baseline, GET /api/targets?asOf=2020-12-31 (target figures recomputed per request):
//   - the first (cold) cockpit answer, then p50/p95 of sequential warm requests;
//   - autocannon with 50 connections for 10 s: requests/s and p99 (goal ≥ 1,000 req/s, p99 ≤ 100 ms), and the
//     same against GET /api/me (the session lookup every signed-in route pays, a tiny body): the machine's ceiling;
//   - after a write (an audit row), the next answer is computed again (cache miss), then kept.
// Requests are sent as a browser sends them (Accept-Encoding: gzip: the kept answer is sent pre-compressed);
// --plain sends none (the uncompressed bytes).
//   npx tsx bench/cockpit.ts [--values 1000000] [--runs 200] [--base-runs 20] [--seconds 10] [--dialect sqlite|postgres]
// The 10 M-value database of the issue, built once into a SQLite file and reused by later runs (the build is
// the slow part: see BENCHMARKS.md); --base-runs 0 leaves out the baseline, whose every request recomputes
// the targets over all values (minutes at this size); --workers 2 serves with `sei serve` WORKERS=2:
//   npx tsx bench/cockpit.ts --values 10000000 --keep /var/tmp/cockpit-10m.db --base-runs 0 [--workers 2] [--write-check 0]
// (--write-check 0 leaves out the last step, a write then one recomputed answer: minutes at 10 M values.)
import { performance } from 'node:perf_hooks';
import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';
import type { Kysely } from 'kysely';
import { contributionTargets, contributionsOf, DeltaAccumulator, type OrgDims } from '../src/core/statistics/aggregates';
import { BUILTIN_INDICATORS } from '../src/core/statistics/catalogue';
import { newId } from '../src/core/ids';
import { writeAudit } from '../src/db/audit';
import { orgInfos } from '../src/db/repositories/statistics-catalogue';
import { applyAggregateDeltas, insertValueRows, valueRow } from '../src/db/repositories/statistics-values';
import type { DB } from '../src/db/schema';
import { createStore } from '../src/db/store';
import { secrets } from '../src/server/auth/secrets';
import { buildApp } from '../src/server/app';
import { openDatabase } from '../src/db/connect';
import { initDatabase } from '../src/db/seed/init-database';
import { createTestDatabase, type TestDatabase } from '../test/helpers/databases';
import { addEnterprises, arg, dialectsArg, INDICATORS, months, percentile } from './bench-common';

const run = promisify(execFile);
const V = arg('values', 1_000_000);
const RUNS = arg('runs', 200);
const SECONDS = arg('seconds', 10);
/** Sequential runs of the baseline (each recomputes every target: seconds on a large database). */
const BASE_RUNS = arg('base-runs', 20);
const periods = months(2017, 48);
const enterpriseCount = Math.ceil(V / (INDICATORS.length * periods.length));
const KEEP = process.argv.includes('--keep') ? process.argv[process.argv.indexOf('--keep') + 1]! : null;
const WORKERS = arg('workers', 0);
const ENCODING: Record<string, string> = process.argv.includes('--plain') ? {} : { 'accept-encoding': 'gzip' };

async function load(db: Kysely<DB>, log: (s: string) => void): Promise<number> {
  const orgs = new Map([...(await orgInfos(db)).values()].map((o) => [o.orgId, o as OrgDims]));
  const enterprises = [...orgs.values()].filter((o) => o.kind === 'enterprise');
  const targets = contributionTargets(BUILTIN_INDICATORS);
  const acc = new DeltaAccumulator();
  const meta = { actorId: null, actorName: 'bench', now: new Date().toISOString(), batchId: null };
  let seed = 11;
  let stored = 0;
  const t0 = performance.now();
  for (let i = 0; i < enterprises.length; i += 500) {
    const rows: unknown[][] = [];
    const vals: { orgId: string; indicatorCode: string; period: string; value: number; source: string }[] = [];
    for (const e of enterprises.slice(i, i + 500)) {
      const size = 1000 + (e.orgId.charCodeAt(e.orgId.length - 1) % 50) * 400;
      for (const ind of INDICATORS) {
        let ytd = 0;
        for (const p of periods) {
          if (stored + rows.length >= V) break;
          seed = (seed * 1103515245 + 12345) % 2147483648;
          ytd = (Number(p.slice(4)) === 1 ? 0 : ytd) + size * (0.8 + (seed / 2147483648) * 0.4);
          const value = Math.round(ytd * 10) / 10;
          rows.push(valueRow({ orgId: e.orgId, indicatorCode: ind, period: p, year: Number(p.slice(0, 4)), value, status: 'approved', source: 'file', comment: null }, meta));
          vals.push({ orgId: e.orgId, indicatorCode: ind, period: p, value, source: 'file' });
        }
      }
    }
    await db.transaction().execute((trx) => insertValueRows(trx, rows));
    contributionsOf(vals, orgs, targets, 1, acc);
    stored += rows.length;
    if ((i / 500) % 20 === 0) log(`  loaded ${stored} values (${Math.round((performance.now() - t0) / 1000)} s)`);
  }
  await db.transaction().execute((trx) => applyAggregateDeltas(trx, acc.result()));
  return stored;
}

async function sequential(url: string, cookie: string, runs = RUNS): Promise<{ p50: number; p95: number; first: number; cache: string | null }> {
  const t = performance.now();
  const r0 = await fetch(url, { headers: { cookie, ...ENCODING } });
  if (!r0.ok) throw new Error(`${url}: ${r0.status} ${await r0.text()}`);
  await r0.arrayBuffer();
  const first = performance.now() - t;
  const ms: number[] = [];
  let cache: string | null = null;
  for (let i = 0; i < runs; i++) {
    const s = performance.now();
    const r = await fetch(url, { headers: { cookie, ...ENCODING } });
    await r.arrayBuffer();
    ms.push(performance.now() - s);
    cache = r.headers.get('x-cockpit-cache');
  }
  return { p50: percentile(ms, 50), p95: percentile(ms, 95), first, cache };
}

/** autocannon in its own process (as against a running server: the load generator does not share the server's event loop). */
async function cannon(url: string, cookie: string): Promise<{ rps: number; p99: number; non2xx: number }> {
  const headers = ['-H', `cookie=${cookie}`, ...('accept-encoding' in ENCODING ? ['-H', 'accept-encoding=gzip'] : [])];
  const { stdout } = await run('npx', ['autocannon', '-c', '50', '-d', String(SECONDS), '-j', ...headers, url], { maxBuffer: 64 << 20 });
  const r = JSON.parse(stdout) as { requests: { average: number }; latency: { p99: number }; non2xx: number };
  return { rps: r.requests.average, p99: r.latency.p99, non2xx: r.non2xx };
}

/** The database: a fresh one (dropped after), or with --keep a SQLite file built once and reused. */
async function benchDatabase(dialect: string, log: (s: string) => void): Promise<{ database: TestDatabase; stored: number }> {
  if (KEEP && existsSync(KEEP)) {
    const d = openDatabase(`sqlite:${KEEP}`);
    const n = await d.db.selectFrom('data_value').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    log(`reusing ${KEEP}: ${Number(n.n)} stored values`);
    return { database: { ...d, url: `sqlite:${KEEP}`, drop: () => d.close() }, stored: Number(n.n) };
  }
  const t = performance.now();
  let database: TestDatabase;
  if (KEEP) {
    const d = openDatabase(`sqlite:${KEEP}`);
    database = { ...d, url: `sqlite:${KEEP}`, drop: () => d.close() };
  } else {
    database = await createTestDatabase(dialect as 'sqlite' | 'postgres');
  }
  await initDatabase(database, secrets, { demo: false, force: false });
  log(`${enterpriseCount} enterprises, loading ${V} values`);
  await addEnterprises(database.db, enterpriseCount);
  const stored = await load(database.db, log);
  await createStore(database.db).users.insert({ id: newId(), username: 'benchleader', displayName: 'bench', passwordHash: await secrets.hashPassword('Bench@2018x'), role: 'leader', orgId: null }, new Date().toISOString());
  log(`database built in ${((performance.now() - t) / 1000).toFixed(0)} s`);
  return { database, stored };
}

/** The server: in this process (buildApp, no request log), or `sei serve` with WORKERS=N against the same database. */
async function startServer(database: TestDatabase): Promise<{ base: string; close: () => Promise<void> }> {
  if (WORKERS < 1) {
    const app = await buildApp({ database, webRoot: null, loginRateLimit: { max: 1000, timeWindow: 60_000 } });
    return { base: await app.listen({ port: 0, host: '127.0.0.1' }), close: () => app.close() };
  }
  const port = 3400 + Math.floor(Math.random() * 500);
  const child = spawn(process.execPath, ['bin/sei.mjs', 'serve', '--port', String(port), '--host', '127.0.0.1'], {
    env: { ...process.env, DATABASE_URL: database.url, WORKERS: String(WORKERS), LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn', SUPERVISION_CRON: 'off' }, stdio: 'ignore', detached: true,
  });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    if (await fetch(`${base}/api/health`).then((r) => r.ok, () => false)) break;
    if (i > 600) throw new Error('sei serve did not start');
    await new Promise((r) => setTimeout(r, 200));
  }
  return { base, close: async () => { process.kill(-child.pid!, 'SIGTERM'); await new Promise((r) => child.once('exit', r)); } };
}

for (const dialect of dialectsArg()) {
  const log = (s: string) => process.stderr.write(`[${dialect}] ${s}\n`);
  const { database, stored } = await benchDatabase(dialect, log);
  try {
    const server = await startServer(database);
    const base = server.base;
    const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'benchleader', password: 'Bench@2018x' }) });
    const cookie = (login.headers.getSetCookie?.() ?? []).map((c) => c.split(';')[0]).join('; ');
    const cockpitUrl = `${base}/api/cockpit?period=2020`;
    const targetsUrl = `${base}/api/targets?asOf=2020-12-31`;
    // With several workers each keeps its own answer: compute it in all of them first (the cold figure is then not measured).
    if (WORKERS > 1) await cannonWarm(cockpitUrl, cookie);
    const ck = await sequential(cockpitUrl, cookie);
    log(`stored ${stored} values; ${WORKERS ? `sei serve WORKERS=${WORKERS}` : 'in-process server'}; ${'accept-encoding' in ENCODING ? 'gzip' : 'plain'}; cockpit ${WORKERS > 1 ? 'first after warming every worker' : 'cold'} ${ck.first.toFixed(0)} ms, warm p50/p95 ${ck.p50.toFixed(2)} / ${ck.p95.toFixed(2)} ms over ${RUNS} (cache ${ck.cache})`);
    const tg = BASE_RUNS > 0 ? await sequential(targetsUrl, cookie, BASE_RUNS) : null;
    if (tg) log(`baseline GET /api/targets: first ${tg.first.toFixed(0)} ms, p50/p95 ${tg.p50.toFixed(2)} / ${tg.p95.toFixed(2)} ms over ${BASE_RUNS}; p95 ratio ${(tg.p95 / ck.p95).toFixed(0)}×`);
    const ac = await cannon(cockpitUrl, cookie);
    log(`autocannon 50 connections ${SECONDS} s: cockpit ${ac.rps.toFixed(0)} req/s p99 ${ac.p99} ms (non-2xx ${ac.non2xx}); goal ≥ 1,000 req/s (${(ac.rps / 1000).toFixed(2)}×), p99 ≤ 100 ms`);
    // The ceiling of any signed-in route on this machine now: GET /api/me (session lookup, tiny body).
    const me = await cannon(`${base}/api/me`, cookie);
    log(`autocannon 50 connections ${SECONDS} s: GET /api/me ${me.rps.toFixed(0)} req/s p99 ${me.p99} ms; cockpit/me ratio ${(ac.rps / Math.max(me.rps, 0.1)).toFixed(2)}`);
    if (tg) {
      const at = await cannon(targetsUrl, cookie);
      log(`autocannon 50 connections ${SECONDS} s: targets ${at.rps.toFixed(0)} req/s p99 ${at.p99} ms (non-2xx ${at.non2xx}); cockpit/targets ratio ${(ac.rps / Math.max(at.rps, 0.1)).toFixed(1)}×`);
    }
    if (arg('write-check', 1)) {
      await writeAudit(database.db, { actorId: null, actorName: 'bench', action: 'update', entity: 'bench', entityId: null });
      await new Promise((r) => setTimeout(r, 1_100)); // another process's write is seen within a second
      const t = performance.now();
      const after = await fetch(cockpitUrl, { headers: { cookie } });
      await after.arrayBuffer();
      log(`after a write: ${after.headers.get('x-cockpit-cache')} in ${(performance.now() - t).toFixed(0)} ms`);
    }
    await server.close();
  } finally {
    await database.drop();
  }
}

/** With several workers the first requests of each compute the answer: send a few concurrent ones until all answer from their cache. */
async function cannonWarm(url: string, cookie: string): Promise<void> {
  for (let i = 0; i < 600; i++) {
    // A cold answer at 10 M values takes minutes: a fetch that times out is retried (the worker keeps computing).
    const rs = await Promise.all(Array.from({ length: 8 }, () => fetch(url, { headers: { cookie } }).then(async (r) => { await r.arrayBuffer(); return r.headers.get('x-cockpit-cache'); }, () => 'timeout')));
    if (rs.every((x) => x === 'hit')) return;
  }
}
