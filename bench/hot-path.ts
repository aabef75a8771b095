// The per-request cost of an authenticated GET: `sei serve` (one process) answering GET /api/me — session
// cookie, session → user, policy hook, the handler, JSON — with the session cache off (SESSION_CACHE_MS=0:
// one session query per request, as before the cache) and on (default 2 s), alternating servers on the same
// database; GET /api/health (no session, no database) in the same runs as the floor. Prints req/s and p99 of
// each round, the medians and the ratio cache on ÷ cache off.
//   npx tsx bench/hot-path.ts [--rounds 3] [--seconds 10] [--connections 100] [--log-level warn|info] [--dialect sqlite|postgres]
// (--log-level info: the production default, one JSON line per request in and out, written to /dev/null.)
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { addUser } from '../src/core/users/add-user';
import { createStore } from '../src/db/store';
import { secrets } from '../src/server/auth/secrets';
import { createInitializedDatabase } from '../test/helpers/databases';
import { arg, dialectsArg } from './bench-common';

const ROUNDS = arg('rounds', 3);
const SECONDS = arg('seconds', 10);
const CONNECTIONS = arg('connections', 100);
const PORT = 3872;
const LOG_LEVEL = process.argv.includes('--log-level') ? process.argv[process.argv.indexOf('--log-level') + 1]! : 'warn';
const BIN = fileURLToPath(new URL('../bin/sei.mjs', import.meta.url));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const loadavg = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function measure(url: string, cacheMs: number): Promise<{ me: number; meP99: number; health: number; healthP99: number; non2xx: number; errors: number }> {
  const server = spawn(process.execPath, [BIN, 'serve', '--port', String(PORT), '--host', '127.0.0.1'], {
    env: { ...process.env, DATABASE_URL: url, WORKERS: '1', LOG_LEVEL, SUPERVISION_CRON: 'off', SESSION_CACHE_MS: String(cacheMs) }, stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${PORT}`;
  try {
    for (let i = 0; !(await fetch(`${base}/api/health`).then((r) => r.ok, () => false)); i++) {
      if (i > 1200) throw new Error('server did not start');
      await sleep(250);
    }
    const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'hotpath', password: 'Hot@2026-path' }) });
    const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    const run = (path: string, headers: Record<string, string>) => autocannon({ url: `${base}${path}`, connections: CONNECTIONS, duration: SECONDS, headers });
    await run('/api/me', { cookie }); // warm-up (JIT, statement cache), not counted
    const me = await run('/api/me', { cookie });
    const health = await run('/api/health', {});
    return { me: Math.round(me.requests.average), meP99: me.latency.p99, health: Math.round(health.requests.average), healthP99: health.latency.p99, non2xx: me.non2xx + health.non2xx, errors: me.errors + health.errors };
  } finally {
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
  }
}

for (const dialect of dialectsArg()) {
  const database = await createInitializedDatabase(dialect, { demo: false });
  await addUser({ store: createStore(database.db), secrets }, null, { username: 'hotpath', role: 'admin', orgCode: null, password: 'Hot@2026-path' }, new Date());
  await database.close();
  const off: number[] = [];
  const on: number[] = [];
  const offShare: number[] = [];
  const onShare: number[] = [];
  try {
    for (let r = 0; r < ROUNDS; r++) {
      // Alternate which goes first: drift on a shared machine then hits both sides.
      for (const cacheMs of r % 2 === 0 ? [0, 2000] : [2000, 0]) {
        const m = await measure(database.url, cacheMs);
        (cacheMs ? on : off).push(m.me);
        (cacheMs ? onShare : offShare).push(m.me / m.health);
        console.log(JSON.stringify({ bench: 'hot-path', dialect, round: r + 1, sessionCacheMs: cacheMs, logLevel: LOG_LEVEL, connections: CONNECTIONS, seconds: SECONDS, meReqPerSec: m.me, meP99: m.meP99, healthReqPerSec: m.health, healthP99: m.healthP99, meOverHealth: Number((m.me / m.health).toFixed(2)), non2xx: m.non2xx, errorsOrTimeouts: m.errors, loadavg: loadavg() }));
      }
    }
    console.log(JSON.stringify({ bench: 'hot-path', dialect, medianMeCacheOff: median(off), medianMeCacheOn: median(on), ratioOnOverOff: Number((median(on) / median(off)).toFixed(2)),
      // GET /api/me as a share of GET /api/health measured by the same server a moment later: less sensitive to the machine's load.
      medianMeOverHealthOff: Number(median(offShare).toFixed(2)), medianMeOverHealthOn: Number(median(onShare).toFixed(2)) }));
  } finally {
    await database.drop();
  }
}
