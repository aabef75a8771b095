// WORKERS=N: `sei serve` as a node:cluster of N worker processes listening on one port (the primary hands
// out connections round robin). They share the database: sessions, rate of writes and locks live there
// (SQLite in WAL mode with transactions that begin immediate and a busy timeout; PostgreSQL row locks), so
// any worker can answer any request. The login rate limit is counted per worker. Each worker keeps
// session → user for a few seconds (auth/session-cache.ts); the primary relays "clear" between them.
import cluster from 'node:cluster';
import { availableParallelism } from 'node:os';
import { isClearMessage } from './auth/session-cache';

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
 * dies. Only the first runs the daily supervision schedule, so reminders go out once.
 */
export function startCluster(n: number, log: (line: string) => void): { stop: () => Promise<void> } {
  let stopping = false;
  const slot = new Map<number, number>();
  const fork = (i: number) => {
    const w = cluster.fork(i === 0 ? {} : { SUPERVISION_CRON: 'off' });
    slot.set(w.id, i);
  };
  for (let i = 0; i < n; i++) fork(i);
  // A worker that ended or changed sessions asks the others to drop their kept session → user entries.
  cluster.on('message', (from, message) => {
    if (!isClearMessage(message)) return;
    for (const w of Object.values(cluster.workers ?? {})) if (w && w.id !== from.id && w.isConnected()) w.send(message);
  });
  cluster.on('exit', (w, code, signal) => {
    const i = slot.get(w.id) ?? 1;
    slot.delete(w.id);
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
