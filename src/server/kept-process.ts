// WORKERS=N: the kept answers that take long to compute (the targets list: ≈ 0.7 s of reads at ten million
// values) are computed by one more process of the cluster, the kept process, instead of by each worker.
// Computed in a worker, the list held that worker's event loop for its whole duration, and every request
// the worker had meanwhile waited behind it (the load bench's tail, BENCHMARKS.md, round of 2026-12-02);
// and each worker computed its own. Now a worker whose kept answer is old asks the primary, which hands the
// ask to the kept process; that computes once for every ask of the same key and reader view, and the primary
// gives the answer to every worker (each keeps it: src/core/cockpit/cache.ts, offer). The workers keep
// deciding when an answer is old and when to ask again (the rest after a slow computation), so what a reader
// sees is labelled as before (stale, computedAt).
//
// When the kept process is not there (starting, restarted after a crash, KEPT_PROCESS=0) or does not answer
// within KEPT_REMOTE_TIMEOUT_MS, the worker computes the answer itself, as with one process.
import cluster, { type Worker } from 'node:cluster';
import { setPriority } from 'node:os';
import type { Database } from '../db/connect';
import { createStore } from '../db/store';
import { namedCacheFor } from '../core/cockpit/cache';
import type { Deps, KeptRemote } from '../core/ports';
import { KEPT_TARGETS, type KeptTargetsArgs } from '../core/targets/kept-assessments';
import { listTargetAssessments } from '../core/targets/list-target-assessments';
import { secrets } from './auth/secrets';

/** The environment that makes a cluster worker the kept process, and the one that tells request workers to use it. */
export const KEPT_ROLE_ENV = { SEI_ROLE: 'kept' } as const;
export const KEPT_CLIENT_ENV = { SEI_KEPT: 'remote' } as const;

export const isKeptProcess = (): boolean => cluster.isWorker && process.env.SEI_ROLE === KEPT_ROLE_ENV.SEI_ROLE;
/** KEPT_PROCESS=0 turns the kept process off: each worker computes its own kept answers. */
export const keptProcessWanted = (raw = process.env.KEPT_PROCESS): boolean => raw !== '0' && raw !== 'off';

/** One ask as it travels: `from` is the asking worker's cluster id (set by the primary), `id` its number there. */
export interface Ask { sei: 'kept-ask'; id: number; from?: number; name: string; key: string; watermark?: string; args: unknown }
export interface Asker { from: number; id: number }
export interface Value { sei: 'kept-value'; name: string; key: string; watermark: string; value: unknown; startedAt: number; tookMs: number; askers: Asker[] }
export interface Fail { sei: 'kept-fail'; askers: Asker[]; reason: string }
const READY = { sei: 'kept-ready' } as const;

const seiOf = (m: unknown): unknown => (typeof m === 'object' && m !== null ? (m as { sei?: unknown }).sei : undefined);

/**
 * The kept process's niceness (KEPT_NICE, default 10; 0–19). Its computation is read-heavy CPU work beside
 * workers that answer requests on the same cores; niced, it takes the CPU they leave, so it runs longer and
 * the requests of those seconds wait less.
 */
export function keptNice(raw = process.env.KEPT_NICE): number {
  const n = Number(raw ?? 10);
  return Number.isInteger(n) && n >= 0 && n <= 19 ? n : 10;
}

/** How long a worker waits for the kept process before it computes the answer itself (KEPT_REMOTE_TIMEOUT_MS, default 60 s). */
export function keptRemoteTimeoutMs(raw = process.env.KEPT_REMOTE_TIMEOUT_MS): number {
  const n = Number(raw ?? 60_000);
  return Number.isFinite(n) && n > 0 ? n : 60_000;
}

/** In a request worker: the Deps port that asks the kept process, and keeps every answer it hands out. */
export function keptClient(store: object): KeptRemote & { stop: () => void } {
  const me = cluster.worker?.id ?? 0;
  const waiting = new Map<number, { resolve: (v: unknown | null) => void; timer: ReturnType<typeof setTimeout> }>();
  let next = 1;
  const settle = (id: number, v: unknown | null) => {
    const w = waiting.get(id);
    if (!w) return;
    waiting.delete(id);
    clearTimeout(w.timer);
    w.resolve(v);
  };
  const onMessage = (m: unknown) => {
    const kind = seiOf(m);
    if (kind === 'kept-value') {
      const v = m as Value;
      // Kept before the askers here resume, so that their own caching finds it (and keeps the newer of the two).
      namedCacheFor<unknown>(store, v.name).offer(v.key, v.watermark, v.value, v.startedAt, v.tookMs);
      for (const a of v.askers) if (a.from === me) settle(a.id, v.value);
    } else if (kind === 'kept-fail') {
      for (const a of (m as Fail).askers) if (a.from === me) settle(a.id, null);
    }
  };
  process.on('message', onMessage);
  return {
    async compute(name, key, watermark, args) {
      if (!process.send) return null;
      const id = next++;
      return new Promise<unknown | null>((resolve) => {
        const timer = setTimeout(() => settle(id, null), keptRemoteTimeoutMs());
        waiting.set(id, { resolve, timer });
        const ask: Ask = { sei: 'kept-ask', id, name, key, watermark, args };
        process.send!(ask, undefined, undefined, (err) => { if (err) settle(id, null); });
      });
    },
    stop() {
      process.off('message', onMessage);
      for (const id of [...waiting.keys()]) settle(id, null);
    },
  };
}

/** In the primary: passes asks to the kept process and its answers to every worker; answers "fail" while it is away. */
export function keptRelay(): { setKept: (w: Worker | null) => void } {
  let kept: Worker | null = null;
  let ready = false;
  const outstanding = new Map<string, Asker>();
  const fail = (askers: Asker[], reason: string) => {
    for (const a of askers) {
      outstanding.delete(`${a.from}:${a.id}`);
      const w = cluster.workers?.[a.from];
      if (w?.isConnected()) w.send({ sei: 'kept-fail', askers: [a], reason } satisfies Fail);
    }
  };
  cluster.on('message', (from, m) => {
    const kind = seiOf(m);
    if (kind === 'kept-ask') {
      const ask = { ...(m as Ask), from: from.id };
      if (!kept || !ready || !kept.isConnected()) return fail([{ from: from.id, id: ask.id }], 'unavailable');
      outstanding.set(`${from.id}:${ask.id}`, { from: from.id, id: ask.id });
      kept.send(ask);
    } else if (kind === 'kept-ready' && from === kept) {
      ready = true;
    } else if (kind === 'kept-value' && from === kept) {
      for (const a of (m as Value).askers) outstanding.delete(`${a.from}:${a.id}`);
      for (const w of Object.values(cluster.workers ?? {})) if (w && w !== kept && w.isConnected()) w.send(m);
    } else if (kind === 'kept-fail' && from === kept) {
      fail((m as Fail).askers, (m as Fail).reason);
    }
  });
  return {
    setKept(w) {
      // The kept process went away (or was replaced): whoever waits on it computes for itself.
      if (kept !== w) fail([...outstanding.values()], 'kept process gone');
      kept = w;
      ready = false;
    },
  };
}

type Computation = (deps: Deps, args: unknown) => Promise<unknown>;
const COMPUTATIONS: Record<string, Computation> = {
  [KEPT_TARGETS]: (deps, args) => {
    const a = args as KeptTargetsArgs;
    return listTargetAssessments(deps, a.actor, a.asOf, a.opts);
  },
};

/**
 * The kept process's queue: one computation per key at a time. Asks that arrive while one runs join it when
 * they know no newer write than it read; the others wait for the next, which answers all of them at once.
 */
export class KeptLanes {
  private readonly lanes = new Map<string, { runningMark: string | null; current: Ask[]; queued: Ask[] }>();

  constructor(
    private readonly watermark: () => Promise<string>,
    private readonly compute: (name: string, args: unknown) => Promise<unknown>,
    private readonly send: (m: Value | Fail) => void,
  ) {}

  ask(ask: Ask): void {
    const laneKey = `${ask.name}\u0001${ask.key}`;
    const lane = this.lanes.get(laneKey);
    if (!lane) {
      this.lanes.set(laneKey, { runningMark: null, current: [], queued: [ask] });
      void this.run(laneKey);
    } else if (lane.runningMark !== null && ask.watermark === lane.runningMark) lane.current.push(ask);
    else lane.queued.push(ask);
  }

  private async run(laneKey: string): Promise<void> {
    const lane = this.lanes.get(laneKey)!;
    while (lane.queued.length) {
      lane.current = lane.queued;
      lane.queued = [];
      const first = lane.current[0]!;
      const startedAt = Date.now();
      try {
        lane.runningMark = await this.watermark();
        const value = await this.compute(first.name, first.args);
        this.send({ sei: 'kept-value', name: first.name, key: first.key, watermark: lane.runningMark, value, startedAt, tookMs: Date.now() - startedAt, askers: lane.current.map(askerOf) });
      } catch (err) {
        this.send({ sei: 'kept-fail', askers: lane.current.map(askerOf), reason: String((err as Error)?.message ?? err) });
      }
      lane.runningMark = null;
      lane.current = [];
    }
    this.lanes.delete(laneKey);
  }
}

const askerOf = (a: Ask): Asker => ({ from: a.from ?? 0, id: a.id });

/** The kept process: answers the asks the primary hands it (KeptLanes) until stopped. */
export function runKeptProcess(database: Database): { stop: () => Promise<void> } {
  const deps: Deps = { store: createStore(database.db, database.read), secrets };
  try {
    setPriority(keptNice());
  } catch {
    // Not allowed here (a container without the right): it runs at the workers' priority, as it did before.
  }
  const lanes = new KeptLanes(
    () => deps.store.cockpit.watermark(),
    (name, args) => {
      const compute = COMPUTATIONS[name];
      if (!compute) throw new Error(`unknown kept answer ${name}`);
      return compute(deps, args);
    },
    (m) => process.send?.(m),
  );
  const onMessage = (m: unknown) => { if (seiOf(m) === 'kept-ask') lanes.ask(m as Ask); };
  process.on('message', onMessage);
  process.send?.(READY);
  console.error(`计算进程已就绪 / kept process ready (pid ${process.pid})`);
  return {
    async stop() {
      process.off('message', onMessage);
      await database.close();
    },
  };
}
