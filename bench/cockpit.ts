// The cockpit API against the running server: GET /api/cockpit?period=2020 over V stored values
// (synthetic enterprises × 7 indicators × 48 months, aggregates built), as the leader. Measured in the same
// run against a baseline, GET /api/targets?asOf=2020-12-31 (target figures recomputed per request):
//   - the first (cold) cockpit answer, then p50/p95 of sequential warm requests;
//   - autocannon with 50 connections for 10 s: requests/s and p99 (goal ≥ 1,000 req/s, p99 ≤ 100 ms);
//   - after a write (an audit row), the next answer is computed again (cache miss), then kept.
//   npx tsx bench/cockpit.ts [--values 1000000] [--runs 200] [--base-runs 20] [--seconds 10] [--dialect sqlite|postgres]
import { performance } from 'node:perf_hooks';
import { execFile } from 'node:child_process';
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
import { arg, databaseWithEnterprises, dialectsArg, INDICATORS, months, percentile } from './bench-common';

const run = promisify(execFile);
const V = arg('values', 1_000_000);
const RUNS = arg('runs', 200);
const SECONDS = arg('seconds', 10);
/** Sequential runs of the baseline (each recomputes every target: seconds on a large database). */
const BASE_RUNS = arg('base-runs', 20);
const periods = months(2017, 48);
const enterpriseCount = Math.ceil(V / (INDICATORS.length * periods.length));

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
  const r0 = await fetch(url, { headers: { cookie } });
  if (!r0.ok) throw new Error(`${url}: ${r0.status} ${await r0.text()}`);
  await r0.arrayBuffer();
  const first = performance.now() - t;
  const ms: number[] = [];
  let cache: string | null = null;
  for (let i = 0; i < runs; i++) {
    const s = performance.now();
    const r = await fetch(url, { headers: { cookie } });
    await r.arrayBuffer();
    ms.push(performance.now() - s);
    cache = r.headers.get('x-cockpit-cache');
  }
  return { p50: percentile(ms, 50), p95: percentile(ms, 95), first, cache };
}

/** autocannon in its own process (as against a running server: the load generator does not share the server's event loop). */
async function cannon(url: string, cookie: string): Promise<{ rps: number; p99: number; non2xx: number }> {
  const { stdout } = await run('npx', ['autocannon', '-c', '50', '-d', String(SECONDS), '-j', '-H', `cookie=${cookie}`, url], { maxBuffer: 64 << 20 });
  const r = JSON.parse(stdout) as { requests: { average: number }; latency: { p99: number }; non2xx: number };
  return { rps: r.requests.average, p99: r.latency.p99, non2xx: r.non2xx };
}

for (const dialect of dialectsArg()) {
  const log = (s: string) => process.stderr.write(`[${dialect}] ${s}\n`);
  log(`${enterpriseCount} enterprises, loading ${V} values`);
  const { database } = await databaseWithEnterprises(dialect, enterpriseCount);
  try {
    const stored = await load(database.db, log);
    const store = createStore(database.db);
    await store.users.insert({ id: newId(), username: 'benchleader', displayName: 'bench', passwordHash: await secrets.hashPassword('Bench@2018x'), role: 'leader', orgId: null }, new Date().toISOString());
    const app = await buildApp({ database, webRoot: null, loginRateLimit: { max: 1000, timeWindow: 60_000 } });
    const base = await app.listen({ port: 0, host: '127.0.0.1' });
    const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'benchleader', password: 'Bench@2018x' }) });
    const cookie = (login.headers.getSetCookie?.() ?? []).map((c) => c.split(';')[0]).join('; ');
    const cockpitUrl = `${base}/api/cockpit?period=2020`;
    const targetsUrl = `${base}/api/targets?asOf=2020-12-31`;
    const ck = await sequential(cockpitUrl, cookie);
    log(`stored ${stored} values; cockpit cold ${ck.first.toFixed(0)} ms, warm p50/p95 ${ck.p50.toFixed(2)} / ${ck.p95.toFixed(2)} ms over ${RUNS} (cache ${ck.cache})`);
    const tg = await sequential(targetsUrl, cookie, BASE_RUNS);
    log(`baseline GET /api/targets: first ${tg.first.toFixed(0)} ms, p50/p95 ${tg.p50.toFixed(2)} / ${tg.p95.toFixed(2)} ms over ${BASE_RUNS}; p95 ratio ${(tg.p95 / ck.p95).toFixed(0)}×`);
    const ac = await cannon(cockpitUrl, cookie);
    log(`autocannon 50 connections ${SECONDS} s: cockpit ${ac.rps.toFixed(0)} req/s p99 ${ac.p99} ms (non-2xx ${ac.non2xx})`);
    const at = await cannon(targetsUrl, cookie);
    log(`autocannon 50 connections ${SECONDS} s: cockpit ${ac.rps.toFixed(0)} req/s p99 ${ac.p99} ms (non-2xx ${ac.non2xx}); targets ${at.rps.toFixed(0)} req/s p99 ${at.p99} ms (non-2xx ${at.non2xx}); ratio ${(ac.rps / at.rps).toFixed(1)}×`);
    await writeAudit(database.db, { actorId: null, actorName: 'bench', action: 'update', entity: 'bench', entityId: null });
    await new Promise((r) => setTimeout(r, 1_100)); // another process's write is seen within a second
    const t = performance.now();
    const after = await fetch(cockpitUrl, { headers: { cookie } });
    await after.arrayBuffer();
    log(`after a write: ${after.headers.get('x-cockpit-cache')} in ${(performance.now() - t).toFixed(0)} ms`);
    await app.close();
  } finally {
    await database.drop();
  }
}
