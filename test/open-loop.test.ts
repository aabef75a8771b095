// The load bench's open-loop generator (bench/open-loop.ts): it offers the rate asked for whatever the server
// does, counts each latency from when the request was due (a request that waited for a free connection
// shows that wait), and keeps failures out of the latencies.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLoop, summarise } from '../bench/open-loop';

let server: Server;
let base = '';
const perSocket = new Map<number, number>();

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/fast') perSocket.set(req.socket.remotePort!, (perSocket.get(req.socket.remotePort!) ?? 0) + 1);
    const slow = req.url?.startsWith('/slow');
    setTimeout(() => {
      res.writeHead(req.url?.startsWith('/bad') ? 500 : 200, { 'content-type': 'text/plain' });
      res.end('ok');
    }, slow ? 50 : 0);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe('openLoop', { timeout: 30_000 }, () => {
  it('offers the rate asked for and answers quickly from a quick server', async () => {
    const r = await openLoop({ base, rate: 200, seconds: 1, connections: 10, next: () => ({ kind: 'fast', method: 'GET', path: '/fast', headers: {} }) });
    expect(r.sent).toBeGreaterThan(120);
    expect(r.sent).toBeLessThan(300);
    expect(r.ok2xx).toBe(r.sent);
    expect(r.byKind.fast!.n).toBe(r.sent);
    expect(r.p99).toBeLessThan(200);
  });

  it('counts the wait for a free connection: one connection, 50 ms a request, 100 offered a second', async () => {
    const r = await openLoop({ base, rate: 100, seconds: 0.5, connections: 1, next: () => ({ kind: 'slow', method: 'GET', path: '/slow', headers: {} }) });
    // ≈ 50 requests due within 0.5 s, answered one at a time at ≈ 20 a second: the last waited ≈ 2 s after it was due.
    expect(r.sent).toBeGreaterThan(25);
    expect(r.max).toBeGreaterThan(800);
    expect(r.p50).toBeGreaterThan(200);
  });

  it('spreads the requests over the connections (fifo); lifo puts most on the few used last', async () => {
    // 20 connections opened by a burst of slow requests, then quick ones that need only a few at a time; counted: the quick ones.
    const share = async (scheduling: 'fifo' | 'lifo') => {
      perSocket.clear();
      let i = 0;
      await openLoop({ base, rate: 400, seconds: 0.6, connections: 20, scheduling, next: () => ({ kind: 'k', method: 'GET', path: i++ < 60 ? '/slow' : '/fast', headers: {} }) });
      const counts = [...perSocket.values()].sort((a, b) => b - a);
      return { sockets: counts.length, top2: (counts[0]! + (counts[1] ?? 0)) / counts.reduce((a, b) => a + b, 0) };
    };
    const fifo = await share('fifo');
    const lifo = await share('lifo');
    expect(fifo.sockets).toBe(20);
    // Seen alone: fifo 0.12–0.15 (0.1 is even), lifo 0.36–0.59 on 12–16 of the 20; beside other test files
    // (this server shares the generator's event loop) fifo up to 0.28.
    expect(fifo.top2).toBeLessThan(0.35);
    expect(lifo.top2).toBeGreaterThan(fifo.top2);
  });

  it('keeps failures out of the latencies and counts them', async () => {
    let i = 0;
    const r = await openLoop({ base, rate: 100, seconds: 0.5, connections: 5, next: () => ({ kind: 'mixed', method: 'GET', path: i++ % 2 ? '/bad' : '/fast', headers: {} }) });
    expect(r.non2xx).toBeGreaterThan(0);
    expect(r.ok2xx + r.non2xx).toBe(r.sent);
    expect(r.n).toBe(r.ok2xx);
    expect(r.statusCodes['500']).toBe(r.non2xx);
  });
});

describe('summarise', () => {
  it('gives nearest-rank percentiles', () => {
    const s = summarise(Array.from({ length: 100 }, (_, i) => i + 1));
    expect(s).toMatchObject({ n: 100, p50: 50, p90: 90, p99: 99, max: 100, mean: 50.5 });
  });
});
