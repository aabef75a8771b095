// Load and soak: autocannon against a running `sei serve` (WORKERS workers) on a database of --values
// values: --connections clients, a mix of the main reads and writes — targets, aggregates, enterprise
// search (reads) and data entry through POST /api/data-values (writes, 1 in 6). Baselines in the same run:
// GET /api/health (no database, no session) and GET /api/me (session lookup, policy hook, JSON) at the same
// concurrency; the ratios are mix req/s ÷ each. --each S first runs every kind of the mix alone for S
// seconds (its own req/s and p99), to show which one sets the mix's pace (only the kinds in --mix).
//   npx tsx bench/load.ts [--values 1000000] [--workers 2] [--connections 100] [--duration 30] [--each 0] [--soak 0] [--rate 0] [--dialect sqlite|postgres]
//   [--keep] keeps the database and prints its URL; [--url URL] reuses one kept before (no setup);
//   [--mix aggregatesDim,searchName,targets,aggregatesMonth,searchCounty,dataEntry] the kinds in the mix (default all).
// --no-floors: only the mix (and --each), without the health and /api/me runs.
// --in-step: each client runs through the kinds in order, as autocannon does with a list of requests; all
// clients start together and stay in step, so the writes arrive 100 at once (the default draws each
// request's kind at random, as independent users would).
// --rate R: the mix (and the soak) offered at R requests/s in all, Poisson arrivals over at most --connections
// connections, each latency counted from when the request was due (bench/open-loop.ts; not autocannon's
// overallRate, which sends in a burst each second and inflates the tail — see there). Without it the run is
// closed-loop (autocannon): each client sends again as soon as it is answered, so the server is saturated and,
// by Little's law, the mean latency is clients ÷ req/s (100 clients at 1,300 req/s: 77 ms) whatever the server does.
// --pool lifo|fifo: which free connection the open-loop generator sends on (default lifo, as in every run before
// the option: the one used last, as through a proxy's pool; fifo: spread over all, as from independent users
// — see bench/open-loop.ts).
// --warm S: S seconds of the mix (closed loop, or at --rate) before the measured run, not counted.
// --soak S: after the load run, S seconds more of the mix with the servers' RSS (primary + workers)
// sampled every 5 s; growth is the last sample over the first sample taken after 60 s (warm-up), in per cent.
import { spawn } from 'node:child_process';
import { get, request } from 'node:http';
import { openSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { openLoop, type OpenLoopRequest } from './open-loop';
import { addUser } from '../src/core/users/add-user';
import { importDataValues } from '../src/core/statistics/import-data-values';
import { dialectOf, openDatabase } from '../src/db/connect';
import { createStore } from '../src/db/store';
import { importInputFromFile } from '../src/files/value-files';
import { secrets } from '../src/server/auth/secrets';
import { valuesCsv } from '../test/helpers/ops';
import { arg, databaseWithEnterprises, dialectsArg, INDICATORS, months } from './bench-common';

const VALUES = arg('values', 1_000_000);
const WORKERS = arg('workers', 2);
const CONNECTIONS = arg('connections', 100);
const DURATION = arg('duration', 30);
const EACH = arg('each', 0);
const SOAK = arg('soak', 0);
const RATE = arg('rate', 0);
const WARM = arg('warm', 0);
const POOL = process.argv.includes('--pool') ? process.argv[process.argv.indexOf('--pool') + 1]! : 'lifo';
if (POOL !== 'fifo' && POOL !== 'lifo') throw new Error(`--pool must be fifo or lifo: ${POOL}`);
const KEEP = process.argv.includes('--keep');
const URL_ARG = process.argv.includes('--url') ? process.argv[process.argv.indexOf('--url') + 1]! : null;
const MIX_ARG = process.argv.includes('--mix') ? process.argv[process.argv.indexOf('--mix') + 1]!.split(',') : null;
const PORT = 3870;
const BIN = fileURLToPath(new URL('../bin/sei.mjs', import.meta.url));
const PER_ENTERPRISE = 240; // 5 indicators × 48 months
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const loadavg = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');

/** The worker that answered GET url on a fresh connection ('single' without a cluster), or null. */
function workerOf(url: string): Promise<string | null> {
  return new Promise((resolve) => {
    const req = get(url, { agent: false, timeout: 2000 }, (res) => { res.resume(); resolve(String(res.headers['x-sei-worker'] ?? 'single')); });
    req.on('error', () => resolve(null));
    req.on('timeout', () => { req.destroy(); resolve(null); });
  });
}

/** One request on a connection of its own; its status and the worker that answered it. */
function once(url: string, method: string, headers: Record<string, string>, body?: string): Promise<{ status: number; worker: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers, agent: false }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, worker: String(res.headers['x-sei-worker'] ?? 'single') }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

function rssOfTree(pid: number): number {
  let total = 0;
  const walk = (p: number) => {
    try {
      total += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${p}/status`, 'utf8'))?.[1] ?? 0) * 1024;
      for (const t of readFileSync(`/proc/${p}/task/${p}/children`, 'utf8').trim().split(/\s+/).filter(Boolean)) walk(Number(t));
    } catch { /* gone */ }
  };
  walk(pid);
  return total;
}

/** A database as `sei init` leaves it plus VALUES values through the product's own import; its URL and the enterprise codes. */
async function setup(dialect: 'sqlite' | 'postgres'): Promise<{ url: string; codes: string[]; values: number; drop: () => Promise<void> }> {
  const count = Math.ceil(VALUES / PER_ENTERPRISE);
  const t0 = Date.now();
  const { database, enterprises } = await databaseWithEnterprises(dialect, count);
  const deps = { store: createStore(database.db), secrets };
  await addUser(deps, null, { username: 'loadadmin', role: 'admin', orgCode: null, password: 'Load@2026-admin' }, new Date());
  // Through the product's import, 500,000 values at a time, so the aggregates are the product's own.
  const codes = enterprises.map((e) => e.code);
  const chunk = Math.ceil(500_000 / PER_ENTERPRISE);
  for (let i = 0; i < codes.length; i += chunk) {
    const part = codes.slice(i, i + chunk);
    const csv = valuesCsv(part, Math.min(part.length * PER_ENTERPRISE, VALUES - i * PER_ENTERPRISE), 11 + i);
    const input = await importInputFromFile(Buffer.from(csv), 'load.csv', await deps.store.statistics.indicators(), { dryRun: false });
    await importDataValues(deps, null, input, new Date());
    console.log(JSON.stringify({ bench: 'load', dialect, setupProgress: Math.min(VALUES, (i + chunk) * PER_ENTERPRISE), ms: Date.now() - t0 }));
  }
  const stored = await countValues(database.db);
  console.log(JSON.stringify({ bench: 'load', dialect, setup: true, values: stored, enterprises: count, setupMs: Date.now() - t0, loadavg: loadavg(), url: KEEP ? database.url : undefined }));
  await database.close();
  return { url: database.url, codes, values: stored, drop: KEEP ? async () => undefined : database.drop };
}

async function countValues(db: ReturnType<typeof openDatabase>['db']): Promise<number> {
  return Number((await db.selectFrom('data_value').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
}

async function reuse(url: string): Promise<{ url: string; codes: string[]; values: number; drop: () => Promise<void> }> {
  const database = openDatabase(url);
  const rows = await database.db.selectFrom('enterprise').select('uscc').where('name', 'like', '基准企业%').execute();
  const values = await countValues(database.db);
  console.log(JSON.stringify({ bench: 'load', reused: url, values, enterprises: rows.length }));
  await database.close();
  return { url, codes: rows.map((r) => r.uscc), values, drop: async () => undefined };
}

for (const dialect of URL_ARG ? [dialectOf(URL_ARG)] : dialectsArg()) {
  const { url, codes, values, drop } = URL_ARG ? await reuse(URL_ARG) : await setup(dialect);
  // BENCH_SERVER_NODE_ARGS: extra node options for the server, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof" (NODE_OPTIONS refuses them).
  const nodeArgs = process.env.BENCH_SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  // BENCH_SERVER_LOG=FILE: the server logs every request (pino, with its responseTime) to FILE, for a breakdown by route.
  const logFile = process.env.BENCH_SERVER_LOG ? openSync(process.env.BENCH_SERVER_LOG, 'w') : 'ignore';
  const server = spawn(process.execPath, [...nodeArgs, BIN, 'serve', '--port', String(PORT), '--host', '127.0.0.1'], { env: { ...process.env, DATABASE_URL: url, WORKERS: String(WORKERS), LOG_LEVEL: logFile === 'ignore' ? 'warn' : 'info', SUPERVISION_CRON: 'off' }, stdio: ['ignore', logFile, 'inherit'] });
  const tag = { bench: 'load', dialect, workers: WORKERS, connections: CONNECTIONS };
  try {
    const base = `http://127.0.0.1:${PORT}`;
    const started = Date.now();
    // Each probe on a connection of its own (no keep-alive: a kept connection stays with one worker) and with a
    // timeout (a connection accepted while a worker was still starting may never be answered).
    for (let i = 0; ; i++) {
      const seen = new Set<string | null>();
      for (let k = 0; k < 2 * WORKERS; k++) seen.add(await workerOf(`${base}/api/health`));
      seen.delete(null);
      if (seen.size >= (WORKERS > 1 ? WORKERS : 1)) break;
      if (i > 2400) throw new Error('server did not start');
      await sleep(250);
    }
    console.log(JSON.stringify({ ...tag, serverReadyMs: Date.now() - started }));
    const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'loadadmin', password: 'Load@2026-admin' }) });
    const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    // A fresh headers object per request: autocannon writes Content-Length into the object it is given, and a
    // shared one made every GET after a POST announce a body it did not send (the 400s and socket errors).
    const headers = () => ({ cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' });
    const periods = months(2017, 48);
    let n = 0;
    const pick = <T>(xs: T[]) => xs[(n = (n * 1103515245 + 12345) % 2147483648) % xs.length]!;
    const get = (path: () => string) => ({ method: 'GET' as const, setupRequest: (r: Record<string, unknown>) => ({ ...r, path: path(), headers: headers() }) });
    const kinds: Record<string, object> = {
      aggregatesDim: get(() => `/api/statistics/aggregates?indicator=${pick(INDICATORS.slice(0, 5))}&dim=${pick(['city', 'county', 'industry', 'sei'])}&period=${pick(['2019', '2020', '2020Q4', '202012'])}`),
      searchName: get(() => `/api/enterprises?q=${encodeURIComponent(`基准企业${pick([1, 12, 123, 1234, 77, 999])}`)}&limit=20`),
      targets: get(() => '/api/targets'),
      aggregatesMonth: get(() => `/api/statistics/aggregates?indicator=REVENUE&dim=county&period=${pick(periods)}`),
      searchCounty: get(() => `/api/enterprises?county=${pick(['130528', '130502', '130581'])}&limit=50`),
      dataEntry: { method: 'POST' as const, setupRequest: (r: Record<string, unknown>) => ({ ...r, path: '/api/data-values', headers: headers(), body: JSON.stringify({ dataValues: [{ orgCode: pick(codes), indicatorCode: 'REVENUE', period: pick(periods), value: 1000 + (n % 90_000) / 10 }], confirm: true }) }) },
    };
    for (const k of MIX_ARG ?? []) if (!(k in kinds)) throw new Error(`--mix: unknown kind ${k}; known: ${Object.keys(kinds).join(',')}`);
    type Kind = { method: string; setupRequest: (r: Record<string, unknown>) => Record<string, unknown> };
    const mixKinds = Object.entries(kinds).filter(([k]) => !MIX_ARG || MIX_ARG.includes(k)) as [string, Kind][];
    const mix = mixKinds.map(([, v]) => v);
    const run = (title: string, requests: object[], seconds: number) => autocannon({ url: base, connections: CONNECTIONS, duration: seconds, requests: requests as never, timeout: 10 }).then((r) => ({
      title, offeredRate: 'closed-loop', reqPerSec: Math.round(r.requests.average), mean: r.latency.mean, p50: r.latency.p50, p90: r.latency.p90, p99: r.latency.p99, max: r.latency.max, total: r.requests.total,
      ok2xx: r['2xx'], non2xx: r.non2xx, errors: r.errors, timeouts: r.timeouts, statusCodes: Object.fromEntries(Object.entries((r as unknown as { statusCodeStats?: Record<string, { count: number }> }).statusCodeStats ?? {}).map(([k, v]) => [k, v.count])), loadavg: loadavg(),
    }));
    // --no-floors: skip the two floor runs (health, /api/me), e.g. for a CPU profile of the mix alone.
    const floors = !process.argv.includes('--no-floors');
    const health = floors ? await run('health', [{ method: 'GET', path: '/api/health' }], Math.min(DURATION, 15)) : { reqPerSec: NaN };
    if (floors) console.log(JSON.stringify({ ...tag, ...health }));
    const me = floors ? await run('me', [get(() => '/api/me')], Math.min(DURATION, 15)) : { reqPerSec: NaN };
    if (floors) console.log(JSON.stringify({ ...tag, ...me, ratioToHealth: Number((me.reqPerSec / health.reqPerSec).toFixed(2)) }));
    if (EACH > 0) for (const [title, kind] of mixKinds) console.log(JSON.stringify({ ...tag, ...(await run(title, [kind], EACH)) }));
    // Warm-up: each kind answered by every worker (fresh connections, which the primary hands out in turn), so
    // the first targets computation after the start (≈ 1 s at 10 M values, every request waits for it) is not
    // inside the measured run; a server that has been up has it.
    for (const kind of mix as { method: string; setupRequest: (r: Record<string, unknown>) => { path: string; headers: Record<string, string>; body?: string } }[]) {
      const answered = new Set<string>();
      for (let i = 0; answered.size < WORKERS && i < 20 * WORKERS; i++) {
        const r = kind.setupRequest({});
        const { status, worker } = await once(`${base}${r.path}`, kind.method, r.headers, r.body);
        if (status !== 200) throw new Error(`warm-up ${kind.method} ${r.path}: ${status}`);
        answered.add(worker);
      }
    }
    // Each request draws its kind at random, in the mix's proportions. With autocannon's list, every client
    // ran the kinds in the same order from the same start, so the 100 clients sent their data entries together
    // and they queued behind each other for the writer: a convoy the bench made, not one users make.
    const drawKind = () => mixKinds[Math.floor(Math.random() * mixKinds.length)]!;
    const drawn = { method: 'GET', setupRequest: (r: Record<string, unknown>) => { const [, kind] = drawKind(); return kind.setupRequest({ ...r, method: kind.method }); } };
    const requests = process.argv.includes('--in-step') ? mix : [drawn];
    // An offered rate: the open-loop generator draws each request's kind the same way.
    const nextRequest = (): OpenLoopRequest => {
      const [kind, k] = drawKind();
      const r = k.setupRequest({}) as { path: string; headers: Record<string, string>; body?: string };
      return { kind, method: k.method, path: r.path, headers: r.headers, body: r.body };
    };
    // BENCH_TRACE=FILE: every answer of the offered runs as a line (run, due ms since its start, latency ms, kind, status, worker).
    const traceLines: string[] = [];
    const offered = (title: string, seconds: number) => {
      const trace = process.env.BENCH_TRACE ? (due: number, ms: number, kind: string, status: number, worker: string) => { traceLines.push(`${title},${due.toFixed(1)},${ms.toFixed(1)},${kind},${status},${worker}`); } : undefined;
      // The run's start on the wall clock, to set its time line beside the server's log or vmstat.
      if (trace) console.log(JSON.stringify({ ...tag, run: title, startedAt: new Date().toISOString() }));
      return openLoop({ base, rate: RATE, seconds, connections: CONNECTIONS, next: nextRequest, trace, scheduling: POOL }).then((r) => {
        if (trace) writeFileSync(process.env.BENCH_TRACE!, `run,due_ms,latency_ms,kind,status,worker\n${traceLines.join('\n')}\n`);
        return { title, pool: POOL, ...r, loadavg: loadavg() };
      });
    };
    // --warm S: the mix first for S seconds, not counted (a server that has been up: its code optimised, its caches filled).
    if (WARM > 0) {
      const w = RATE > 0 ? await offered('warm', WARM) : await run('warm', requests, WARM);
      console.log(JSON.stringify({ ...tag, ...w, byKind: undefined }));
    }
    const load = RATE > 0 ? await offered('mix', DURATION) : await run('mix', requests, DURATION);
    console.log(JSON.stringify({
      ...tag, values, mix: MIX_ARG ?? Object.keys(kinds), order: RATE > 0 ? 'offered, drawn' : requests === mix ? 'in step' : 'drawn', ...load, ratioToHealth: Number((load.reqPerSec / health.reqPerSec).toFixed(2)), ratioToMe: Number((load.reqPerSec / me.reqPerSec).toFixed(2)),
      goal: '0 errors, p99 ≤ 100 ms, ≥ 1000 req/s',
    }));
    if (SOAK > 0) {
      const samples: { s: number; rss: number }[] = [];
      const soakStart = Date.now();
      const sample = () => samples.push({ s: Math.round((Date.now() - soakStart) / 1000), rss: rssOfTree(server.pid!) });
      sample();
      const timer = setInterval(sample, 5000);
      const soak = RATE > 0 ? await offered('soak', SOAK) : await run('soak', requests, SOAK);
      clearInterval(timer);
      sample();
      const warm = samples.find((x) => x.s >= 60) ?? samples[0]!;
      const last = samples[samples.length - 1]!;
      console.log(JSON.stringify({
        ...tag, soakSeconds: SOAK, ...soak, rssStartMB: Math.round(samples[0]!.rss / 1048576), rssWarmMB: Math.round(warm.rss / 1048576), rssEndMB: Math.round(last.rss / 1048576),
        rssMaxMB: Math.round(Math.max(...samples.map((x) => x.rss)) / 1048576), rssGrowthPct: Number((((last.rss - warm.rss) / warm.rss) * 100).toFixed(1)), goal: 'RSS growth < 10 %',
      }));
    }
  } finally {
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
    await drop();
  }
}
