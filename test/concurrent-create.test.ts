// Two users saving a record of the same name at the same moment: one is stored, the other is refused with
// 409 CONFLICT and a message (never a 500), and only one record exists — on both databases (on PostgreSQL
// both pass the duplicate check before either commits, and the unique key decides).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { createInitializedDatabase, dialects, type TestDatabase } from './helpers/databases';
import { loginAs, makeApp, type Session } from './helpers/http';

describe.each(dialects)('%s: simultaneous creates of one name', (dialect) => {
  let db: TestDatabase;
  let app: FastifyInstance;
  let fgw: Session;
  let admin: Session;
  beforeAll(async () => {
    db = await createInitializedDatabase(dialect, { demo: true });
    app = await makeApp(db);
    [fgw, admin] = await Promise.all([loginAs(app, 'fgw'), loginAs(app, 'admin')]);
  });
  afterAll(async () => { await app?.close(); await db?.drop(); });

  it('stores one and refuses the other with 409', async () => {
    const sessions = [fgw, admin];
    const body = { name: '同时保存测试基地', type: 'base', countyCode: '130528' };
    const answers = await Promise.all([...sessions, ...sessions].map((s) => s.request('POST', '/api/parks', body)));
    const codes = answers.map((r) => r.statusCode).sort();
    expect(codes.filter((c) => c === 201)).toHaveLength(1);
    expect(codes.filter((c) => c === 409)).toHaveLength(3);
    for (const r of answers.filter((x) => x.statusCode === 409)) expect(r.json().error.code).toBe('CONFLICT');
    const parks = (await fgw.request('GET', '/api/parks')).json().items as { name: string }[];
    expect(parks.filter((p) => p.name === body.name)).toHaveLength(1);
  });
});
