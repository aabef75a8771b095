// Registry lists carry a pinyin search key per record (name, full pinyin, initials), on both databases,
// and the shared search box finds a record by substring, full pinyin or initials with it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { matchesSearch } from '../src/web/components/SearchBox';
import { createInitializedDatabase, dialects, type TestDatabase } from './helpers/databases';
import { loginAs, makeApp, type Session } from './helpers/http';

describe.each(dialects)('%s: registry search keys', (dialect) => {
  let db: TestDatabase;
  let app: FastifyInstance;
  let fgw: Session;
  beforeAll(async () => {
    db = await createInitializedDatabase(dialect, { demo: true });
    app = await makeApp(db);
    fgw = await loginAs(app, 'fgw');
  });
  afterAll(async () => { await app?.close(); await db?.drop(); });

  it.each(['platforms', 'parks', 'projects'])('finds %s by substring, full pinyin and initials', async (path) => {
    const res = await fgw.request('GET', `/api/${path}`);
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { name: string; searchKey: string }[];
    expect(items.length).toBeGreaterThan(0);
    const xt = items.find((r) => r.name.startsWith('邢台')) ?? items[0];
    expect(xt.searchKey.startsWith(xt.name.toLowerCase())).toBe(true);
    const find = (q: string) => items.filter((r) => matchesSearch({ q }, { text: [r.name], key: r.searchKey })).map((r) => r.name);
    if (xt.name.startsWith('邢台')) {
      expect(find('xt')).toContain(xt.name);
      expect(find('xing tai')).toContain(xt.name);
    }
    // The initials of the whole name, and its full pinyin, each find it.
    const [, full, initials] = xt.searchKey.split(' ');
    expect(find(initials)).toContain(xt.name);
    expect(find(full.toUpperCase())).toContain(xt.name);
    expect(find('zzzzqqq')).toEqual([]);
  });
});
