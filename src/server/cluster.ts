// WORKERS=N: `sei serve` as a node:cluster of N worker processes listening on one port (the primary hands
// out connections round robin). They share the database: sessions, rate of writes and locks live there
// (SQLite in WAL mode with transactions that begin immediate and a busy timeout; PostgreSQL row locks), so
// any worker can answer any request. The login rate limit is counted per worker. Each worker keeps
// session → user for a few seconds (auth/session-cache.ts); the primary relays "clear" between them.
import cluster from 'node:cluster';
import { availableParallelism } from 'node:os';
import { isClearMessage } from './auth/session-cache';
import { KEPT_CLIENT_ENV, KEPT_ROLE_ENV, keptProcessWanted, keptRelay } from './kept-process';

/** The slot of the kept process (src/server/kept-process.ts) among the forked workers. */
const KEPT_SLOT = -1;

/** WORKERS from the environment: unset or 1 → one process; `auto` → one per CPU. */
export function workerCount(raw: string | undefined = process.env.WORKERS): number {
  if (raw === undefined || raw === '') return 1;
  if (raw === 'auto') return availableParallelism();
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 64) throw new Error(`WORKERS 须为 1–64 的整数或 auto / WORKERS must be an integer 1–64 or auto: "${raw}"`);
  return n;
}

export const isWorker = (): boolean => cluster.isWorker;
export const workerId = (): number => cluster.worker?.id ?? 0;

/**
 * In the primary: forks `n` workers (each runs the same `sei serve` command line) and replaces one that
 * dies. Only the first runs the daily supervision schedule, so reminders go out once. Unless KEPT_PROCESS=0,
 * one more worker is the kept process, which computes the slow kept answers for all (kept-process.ts).
 */
export function startCluster(n: number, log: (line: string) => void, withKept = keptProcessWanted()): { stop: () => Promise<void> } {
  let stopping = false;
  const slot = new Map<number, number>();
  // The kept answers (the targets list) travel between processes as structured clones: a worker gets the value
  // as computed, as from a computation of its own (a JSON round trip would turn a Date into a string).
  cluster.setupPrimary({ serialization: 'advanced' });
  const relay = keptRelay();
  const fork = (i: number) => {
    if (i === KEPT_SLOT) {
      const w = cluster.fork({ ...KEPT_ROLE_ENV, SUPERVISION_CRON: 'off' });
      relay.setKept(w);
      slot.set(w.id, i);
      return;
    }
    const w = cluster.fork({ ...(i === 0 ? {} : { SUPERVISION_CRON: 'off' }), ...(withKept ? KEPT_CLIENT_ENV : {}) });
    slot.set(w.id, i);
  };
  for (let i = 0; i < n; i++) fork(i);
  // Forked last, so that the request workers are 1…n.
  if (withKept) fork(KEPT_SLOT);
  // A worker that ended or changed sessions asks the others to drop their kept session → user entries.
  cluster.on('message', (from, message) => {
    if (!isClearMessage(message)) return;
    for (const w of Object.values(cluster.workers ?? {})) if (w && w.id !== from.id && w.isConnected()) w.send(message);
  });
  cluster.on('exit', (w, code, signal) => {
    const i = slot.get(w.id) ?? 1;
    slot.delete(w.id);
    if (i === KEPT_SLOT) relay.setKept(null);
    if (stopping) return;
    log(`工作进程 ${w.process.pid} 退出（${signal ?? code}），重新启动 / worker ${w.process.pid} exited (${signal ?? code}); starting another`);
    fork(i);
  });
  const stop = async () => {
    stopping = true;
    const all = Object.values(cluster.workers ?? {}).filter((w) => w !== undefined);
    await Promise.all(all.map((w) => new Promise<void>((resolve) => { w.once('exit', () => resolve()); w.process.kill('SIGTERM'); })));
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void stop().then(() => process.exit(0)));
  return { stop };
}
