// An open-loop load generator: requests offered at a steady rate (Poisson arrivals, as from many independent
// users) over at most `connections` kept-alive connections, each latency counted from the moment the request
// was due — so time spent waiting for a free connection, or for the generator itself, counts (no coordinated
// omission). Why not autocannon's `overallRate`: it gives each connection a budget per second and lets it
// send back to back until the budget is spent (lib/httpClient.js: `reqsMadeThisSecond`), so the load comes
// in a burst at the start of every second; and it corrects each latency with an expected interval of
// `Math.ceil(1 / rate)` = 1 ms (lib/run.js, rate being requests per second per connection), so a 600 ms
// answer is recorded with 599 made-up samples (600, 599, … 2 ms): a few slow answers made its p99.
// The generator's own event-loop delay is reported beside the latencies: on a machine it shares with the
// server a late generator shows up as latency, and this says how much of it could be the generator's.
import { Agent, request } from 'node:http';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';

export interface OpenLoopRequest { method: string; path: string; headers: Record<string, string>; body?: string; kind: string }

export interface LatencySummary { n: number; mean: number; p50: number; p90: number; p99: number; max: number }

export interface OpenLoopResult extends LatencySummary {
  offeredRate: number;
  reqPerSec: number;
  sent: number;
  ok2xx: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  statusCodes: Record<string, number>;
  byKind: Record<string, LatencySummary>;
  /** The generator's own event-loop delay during the run (ms): p99 and max. */
  generatorDelayP99: number;
  generatorDelayMax: number;
}

const round1 = (x: number) => Math.round(x * 10) / 10;

export function summarise(ms: number[]): LatencySummary {
  const s = Float64Array.from(ms).sort();
  const at = (q: number) => (s.length ? s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)]! : NaN);
  const mean = s.length ? s.reduce((a, b) => a + b, 0) / s.length : NaN;
  return { n: s.length, mean: round1(mean), p50: round1(at(0.5)), p90: round1(at(0.9)), p99: round1(at(0.99)), max: round1(at(1)) };
}

/** Offers `rate` requests per second for `seconds`, each made by `next()`; resolves when every one is answered or timed out. */
export async function openLoop(opts: {
  base: string; rate: number; seconds: number; connections: number; next: () => OpenLoopRequest; timeoutMs?: number;
  /** Each answer as it came: ms since the start when it was due, its latency, kind, status and worker (for a time line). */
  trace?: (dueMs: number, latencyMs: number, kind: string, status: number, worker: string) => void;
  /**
   * Which free connection a request takes: 'lifo' (the default, Node's) the one used last, so a few
   * connections carry most of them, as through a proxy's pool; 'fifo' the one idle longest, so the requests
   * spread over the connections as they would from that many independent users each on a connection of its
   * own. A cluster hands out connections, not requests, so under 'lifo' one worker may get most of
   * the load (BENCHMARKS.md, round of the kept process).
   */
  scheduling?: 'fifo' | 'lifo';
}): Promise<OpenLoopResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: opts.connections, scheduling: opts.scheduling ?? 'lifo' });
  const timeoutMs = opts.timeoutMs ?? 10_000;
  const latencies: number[] = [];
  const byKind = new Map<string, number[]>();
  const statusCodes: Record<string, number> = {};
  let sent = 0, answered = 0, ok2xx = 0, non2xx = 0, errors = 0, timeouts = 0;
  const delay = monitorEventLoopDelay({ resolution: 1 });
  delay.enable();
  const start = performance.now();
  const end = start + opts.seconds * 1000;
  let due = start;
  let scheduled = true;
  let finish!: () => void;
  const finished = new Promise<void>((r) => { finish = r; });
  const settle = () => { answered++; if (!scheduled && answered === sent) finish(); };

  const send = (at: number) => {
    const r = opts.next();
    sent++;
    let done = false;
    const req = request(`${opts.base}${r.path}`, { method: r.method, headers: r.headers, agent }, (res) => {
      res.resume();
      res.on('end', () => {
        if (done) return;
        done = true;
        const ms = performance.now() - at;
        const code = res.statusCode ?? 0;
        opts.trace?.(at - start, ms, r.kind, code, String(res.headers['x-sei-worker'] ?? ''));
        statusCodes[code] = (statusCodes[code] ?? 0) + 1;
        if (code >= 200 && code < 300) {
          ok2xx++;
          latencies.push(ms);
          let k = byKind.get(r.kind);
          if (!k) byKind.set(r.kind, (k = []));
          k.push(ms);
        } else non2xx++;
        settle();
      });
    });
    req.setTimeout(timeoutMs, () => { if (!done) { done = true; timeouts++; settle(); } req.destroy(); });
    req.on('error', () => { if (!done) { done = true; errors++; settle(); } });
    req.end(r.body);
  };

  // Every due request is sent as soon as the generator runs; the next arrival is drawn from an exponential.
  const tick = () => {
    const now = performance.now();
    while (due <= now && due < end) {
      send(due);
      due += (-Math.log(1 - Math.random()) * 1000) / opts.rate;
    }
    if (due < end) setTimeout(tick, Math.max(0, due - performance.now()));
    else {
      scheduled = false;
      if (answered === sent) finish();
    }
  };
  tick();
  await finished;
  delay.disable();
  agent.destroy();
  const seconds = (performance.now() - start) / 1000;
  return {
    offeredRate: opts.rate, reqPerSec: Math.round(ok2xx / seconds), sent, ok2xx, non2xx, errors, timeouts, statusCodes,
    ...summarise(latencies),
    byKind: Object.fromEntries([...byKind].map(([k, v]) => [k, summarise(v)])),
    generatorDelayP99: round1(delay.percentile(99) / 1e6), generatorDelayMax: round1(delay.max / 1e6),
  };
}
