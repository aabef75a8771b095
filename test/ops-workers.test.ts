// WORKERS=2: `sei serve` as a cluster of two worker processes on one port sharing the database. A session
// made by one worker is honoured by the other, a write through either is seen by both, a logout through
// one is refused at once by both (session cache relay), and SIGTERM to the primary ends them all. The kept
// process (src/server/kept-process.ts) computes the targets list for both. Both databases.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { getPriority } from 'node:os';
import { get } from 'node:http';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ENTERPRISE, DEMO_PASSWORD } from '../src/db/seed/demo';
import { createInitializedDatabase, dialects, type TestDatabase } from './helpers/databases';

const BIN = fileURLToPath(new URL('../bin/sei.mjs', import.meta.url));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The worker that answers GET url on a connection of its own (fetch keeps connections alive, and a kept
 * connection stays with one worker), with a timeout (a connection accepted while a worker was starting may
 * never be answered); null when nobody answers.
 */
function workerOf(url: string, headers: Record<string, string> = {}): Promise<string | null> {
  return new Promise((resolve) => {
    const req = get(url, { agent: false, timeout: 5000, headers }, (res) => { res.resume(); resolve(`${res.statusCode} ${String(res.headers['x-sei-worker'])}`); });
    req.on('error', () => resolve(null));
    req.on('timeout', () => { req.destroy(); resolve(null); });
  });
}

describe.each(dialects)('%s: sei serve with WORKERS=2', { timeout: 240_000 }, (dialect) => {
  let database: TestDatabase;
  let server: ChildProcess;
  let out = '';
  const port = dialect === 'sqlite' ? 3821 : 3822;
  const base = `http://127.0.0.1:${port}`;
  beforeAll(async () => {
    database = await createInitializedDatabase(dialect, { demo: true });
    server = spawn(process.execPath, [BIN, 'serve', '--port', String(port), '--host', '127.0.0.1'], { env: { ...process.env, DATABASE_URL: database.url, WORKERS: '2', LOG_LEVEL: 'warn', SESSION_CACHE_MS: '60000', KEPT_WAIT_BELOW_MS: '500' } });
    server.stdout!.on('data', (d) => (out += d));
    server.stderr!.on('data', (d) => (out += d));
    for (let i = 0; i < 1200; i++) {
      if (server.exitCode !== null) throw new Error(`server exited: ${out}`);
      // Ready when both workers answer.
      const seen = new Set<string>();
      for (let k = 0; k < 4; k++) {
        const w = await workerOf(`${base}/api/health`);
        if (w) seen.add(w);
      }
      if (seen.size === 2) break;
      await sleep(200);
    }
  }, 300_000);
  afterAll(async () => {
    if (server && server.exitCode === null) server.kill('SIGKILL');
    await database?.drop();
  });

  it('the kept process computes the targets list for both workers; while it is away they compute it themselves', async () => {
    const pidOf = () => [...out.matchAll(/kept process ready \(pid (\d+)\)/g)].map((m) => Number(m[1]));
    for (let i = 0; i < 100 && pidOf().length === 0; i++) await sleep(100);
    const keptPid = pidOf()[0]!;
    expect(readFileSync(`/proc/${keptPid}/environ`, 'utf8').split('\0')).toContain('SEI_ROLE=kept');
    expect(getPriority(keptPid)).toBe(10); // KEPT_NICE: it takes the CPU the request workers leave
    const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'tongji', password: DEMO_PASSWORD }) });
    const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const write = (value: number) => fetch(`${base}/api/data-values`, { method: 'POST', headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken }, body: JSON.stringify({ dataValues: [{ orgCode: DEMO_ENTERPRISE.code, indicatorCode: 'RD_EXPENDITURE', period: '202108', value }], confirm: true }) }).then((r) => expect(r.status).toBe(200));
    // Each read on a connection of its own, so both workers answer.
    const targets = () => Promise.all(Array.from({ length: 6 }, () => fetch(`${base}/api/targets`, { headers: { cookie, connection: 'close' } })
      .then(async (r) => ({ status: r.status, worker: r.headers.get('x-sei-worker'), stale: ((await r.json()) as { stale: boolean }).stale }))));
    // Until every answer follows the newest write, for up to 30 s: under load a computation can take longer
    // than KEPT_WAIT_BELOW_MS, and then the next one waits out its rest (KEPT_REST_FACTOR × its duration).
    const untilFresh = async () => {
      let got = await targets();
      for (const t0 = Date.now(); got.some((r) => r.stale) && Date.now() - t0 < 30_000; got = await targets()) await sleep(200);
      return got;
    };
    const fresh = await targets();
    expect(fresh.every((r) => r.status === 200 && !r.stale)).toBe(true);

    // Stopped, the kept process answers nobody: after a write each worker waits its 500 ms for it
    // (KEPT_WAIT_BELOW_MS; the suite pins 60 s), then gives the kept list labelled stale. Computed in a
    // worker, this small list would be fresh: that is how we know the workers ask the kept process.
    process.kill(keptPid, 'SIGSTOP');
    await write(401);
    const waited = await targets();
    expect(waited.every((r) => r.status === 200 && r.stale)).toBe(true);
    expect(new Set(waited.map((r) => r.worker))).toEqual(new Set(['1', '2']));
    process.kill(keptPid, 'SIGCONT');
    let after = await untilFresh();
    expect(after.every((r) => r.status === 200 && !r.stale)).toBe(true);

    // Killed, it is replaced; meanwhile and after, every read is answered and follows the newest write.
    process.kill(keptPid, 'SIGKILL');
    await write(402);
    expect((await targets()).every((r) => r.status === 200)).toBe(true);
    for (let i = 0; i < 200 && pidOf().length < 2; i++) await sleep(100);
    expect(pidOf()[1]).not.toBe(keptPid);
    await write(403);
    after = await untilFresh();
    expect(after.every((r) => r.status === 200 && !r.stale)).toBe(true);
  });

  it('two workers answer in turn; a session and a write made through one hold on the other; SIGTERM stops all', async () => {
    expect(out).toContain('with 2 workers');
    const workers = await Promise.all(Array.from({ length: 8 }, () => fetch(`${base}/api/health`).then((r) => r.headers.get('x-sei-worker'))));
    expect(new Set(workers)).toEqual(new Set(['1', '2']));

    const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'tongji', password: DEMO_PASSWORD }) });
    expect(login.status).toBe(200);
    const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const who = new Set<string>();
    for (let i = 0; i < 6; i++) {
      const [status, worker] = (await workerOf(`${base}/api/targets`, { cookie }))!.split(' ');
      expect(status).toBe('200');
      who.add(worker!);
    }
    expect(who.size).toBe(2);

    // Writes through both workers at once: each is stored, none lost to a lock.
    const writes = await Promise.all(['202104', '202105', '202106', '202107'].map((period, i) =>
      fetch(`${base}/api/data-values`, { method: 'POST', headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken }, body: JSON.stringify({ dataValues: [{ orgCode: DEMO_ENTERPRISE.code, indicatorCode: 'RD_EXPENDITURE', period, value: 321 + i }], confirm: true }) })
        .then(async (r) => ({ status: r.status, worker: r.headers.get('x-sei-worker'), body: await r.text() }))));
    for (const w of writes) expect(w.status, w.body).toBe(200);
    const stored = await database.db.selectFrom('data_value').innerJoin('enterprise', 'enterprise.org_id', 'data_value.org_id')
      .select(['period', 'value']).where('enterprise.uscc', '=', DEMO_ENTERPRISE.code).where('indicator_code', '=', 'RD_EXPENDITURE').where('period', 'in', ['202104', '202105', '202106', '202107']).orderBy('period').execute();
    expect(stored.map((r) => Number(r.value))).toEqual([321, 322, 323, 324]);

    // Each worker keeps the session (60 s here); a logout through one is refused by both well inside that:
    // the primary relays the clear to the other worker.
    const kept = new Set<string>();
    for (let i = 0; i < 8 && kept.size < 2; i++) {
      const [status, worker] = (await workerOf(`${base}/api/me`, { cookie }))!.split(' ');
      expect(status).toBe('200');
      kept.add(worker!);
    }
    expect(kept.size).toBe(2);
    const loggedOut = await fetch(`${base}/api/auth/logout`, { method: 'POST', headers: { cookie, 'x-csrf-token': csrfToken } });
    expect(loggedOut.status).toBe(200);
    const refusedBy = new Set<string>();
    const t0 = Date.now();
    while (refusedBy.size < 2 && Date.now() - t0 < 3000) {
      const [status, worker] = (await workerOf(`${base}/api/me`, { cookie }))!.split(' ');
      if (status === '401') refusedBy.add(worker!);
      else expect(Date.now() - t0, 'a worker still honoured the logged-out session').toBeLessThan(1000);
    }
    expect(refusedBy).toEqual(new Set(['1', '2']));

    server.kill('SIGTERM');
    const code = await new Promise<number | null>((r) => server.once('exit', (c) => r(c)));
    expect(code).toBe(0);
    expect(await fetch(`${base}/api/health`).then(() => 'answered', () => 'closed')).toBe('closed');
  });
});
