// The light contract: `sei supervision light --input FILE|- --json` and POST /api/supervision/light give
// the same answer; bad input exits 2 (HTTP 400) naming the field.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInitializedDatabase, dialects, type TestDatabase } from './helpers/databases';
import { loginAs, makeApp, type Session } from './helpers/http';
import { sei } from './helpers/cli';

const good = { start: '2020-01-01', due: '2020-04-10', asOf: '2020-02-20', percentDone: 19, status: 'in_progress', missedReports: 1, reportedThisPeriod: true };

describe.each(dialects)('%s: the light contract', (dialect) => {
  let db: TestDatabase;
  let app: FastifyInstance;
  let gxj: Session;
  let dir: string;
  const file = (name: string, body: unknown) => {
    const p = join(dir, name);
    writeFileSync(p, typeof body === 'string' ? body : JSON.stringify(body));
    return p;
  };
  beforeAll(async () => {
    db = await createInitializedDatabase(dialect, { demo: true });
    app = await makeApp(db);
    gxj = await loginAs(app, 'gxj');
    dir = mkdtempSync(join(tmpdir(), 'sei-light-'));
  });
  afterAll(async () => { await app?.close(); await db?.drop(); rmSync(dir, { recursive: true, force: true }); });

  it('prints the light with reasons and figures, as the API does', async () => {
    const r = await sei(db.url, ['supervision', 'light', '--input', file('good.json', good), '--json']);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toEqual({ light: 'red', reasons: ['lag', 'missed_reports'], timeElapsedPct: 50, lagPoints: 31 });
    const api = await gxj.request('POST', '/api/supervision/light', good);
    expect(api.statusCode).toBe(200);
    expect(api.json()).toEqual(out);
    // Signed-in users only.
    expect((await app.inject({ method: 'POST', url: '/api/supervision/light', payload: good })).statusCode).toBe(401);
  }, 120_000);

  it('exits 2 naming the bad field', async () => {
    for (const [name, over, field] of [
      ['date', { asOf: '2020-02-31' }, 'asOf'],
      ['order', { due: '2019-12-31' }, 'due'],
      ['percent', { percentDone: 101 }, 'percentDone'],
    ] as const) {
      const r = await sei(db.url, ['supervision', 'light', '--input', file(`${name}.json`, { ...good, ...over }), '--json']);
      expect(r.code, name).toBe(2);
      expect(r.stderr).toContain(`${field}:`);
      const api = await gxj.request('POST', '/api/supervision/light', { ...good, ...over });
      expect(api.statusCode).toBe(400);
      expect(api.json().error.issues.map((i: { path: string }) => i.path)).toEqual([field]);
    }
    const r = await sei(db.url, ['supervision', 'light', '--input', file('bad.json', '{not json'), '--json']);
    expect(r.code).toBe(2);
  }, 240_000); // four CLI runs on a shared machine
});
