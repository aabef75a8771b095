// The enterprise directory is found by name substring, code, full pinyin and pinyin initials, through
// the API, on both databases; the keys follow renames and imports.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { searchKey } from '../src/db/search-key';
import { createInitializedDatabase, dialects, type TestDatabase } from './helpers/databases';
import type { FastifyInstance } from 'fastify';
import { loginAs, makeApp, type Session } from './helpers/http';

describe('search keys', () => {
  it('hold the name, its full pinyin, its initials and the code, punctuation left out', () => {
    expect(searchKey('邢台钢铁有限责任公司', '91130500MA0X')).toBe('邢台钢铁有限责任公司 xingtaigangtieyouxianzerengongsi xtgtyxzrgs 91130500ma0x');
    expect(searchKey('卧牛特钢（演示022）')).toBe('卧牛特钢（演示022） woniutegangyanshi022 wntgys022');
    expect(searchKey('ABC科技')).toBe('abc科技 abckeji abckj');
  });
});

describe.each(dialects)('%s: searching the enterprise directory', (dialect) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let tongji: Session;
  const names = async (q: string) => {
    const r = await tongji.request('GET', `/api/enterprises?q=${encodeURIComponent(q)}&limit=500`);
    expect(r.statusCode, r.body).toBe(200);
    return (r.json().items as { name: string; uscc: string }[]).map((e) => e.name);
  };

  beforeAll(async () => {
    database = await createInitializedDatabase(dialect, { demo: true });
    app = await makeApp(database);
    tongji = await loginAs(app, 'tongji');
  }, 120_000);
  afterAll(async () => { await app?.close(); await database?.drop(); });

  it('finds by substring, code, full pinyin and initials, long and short queries alike', async () => {
    const all = (await database.db.selectFrom('enterprise').select(['name', 'uscc']).execute());
    const byName = (part: string) => all.filter((e) => e.name.includes(part)).map((e) => e.name).sort();
    expect(byName('特钢').length).toBeGreaterThan(1);
    expect((await names('特钢')).sort()).toEqual(byName('特钢')); // two characters: the key column is read
    expect((await names('特钢股份')).sort()).toEqual(byName('特钢股份')); // four: the trigram index
    const one = all.find((e) => e.name.startsWith('卧牛特钢'))!;
    expect(await names('woniutegang')).toContain(one.name);
    expect(await names('WNTG')).toContain(one.name);
    expect(await names(one.uscc.toLowerCase())).toEqual([one.name]);
    expect(await names(one.uscc.slice(0, 12))).toContain(one.name);
    expect(await names('zzqqxxnotthere')).toEqual([]);
    expect(await names('%_')).toHaveLength(Math.min(500, all.length)); // wildcards are text, not patterns: empty query
  });

  it('follows a rename made through the API, at once', async () => {
    expect(await names('xingtaigangtie')).toEqual([]); // kept as an answer until a write (enterprise-list-cache.ts)
    const ent = (await tongji.request('GET', `/api/enterprises?q=${encodeURIComponent('卧牛特钢')}`)).json().items[0];
    const r = await tongji.request('PUT', `/api/enterprises/${ent.orgId}`, { name: '邢台钢铁集团有限公司', rowVersion: ent.rowVersion });
    expect(r.statusCode, r.body).toBe(200);
    expect(await names('xingtaigangtie')).toEqual(['邢台钢铁集团有限公司']);
    expect(await names('xtgtjt')).toEqual(['邢台钢铁集团有限公司']);
    expect(await names('woniutegang')).toEqual([]);
  });

  it('keeps pages across statistics writes (data entry), not across directory writes', async () => {
    const ent = (await tongji.request('GET', `/api/enterprises?q=${encodeURIComponent('邢台钢铁集团')}`)).json().items[0];
    expect(ent).toBeTruthy();
    expect(await names('邢台钢铁集团')).toEqual(['邢台钢铁集团有限公司']);
    // A rename straight in SQL leaves no audit row: the kept page still shows the old name…
    await database.db.updateTable('enterprise').set({ name: '直改名称测试公司' }).where('org_id', '=', ent.orgId).execute();
    expect(await names('邢台钢铁集团')).toEqual(['邢台钢铁集团有限公司']);
    // …after a data entry too: statistics do not change a page, so the kept pages stay (no search anew).
    const w = await tongji.request('POST', '/api/data-values', { dataValues: [{ orgCode: ent.uscc, indicatorCode: 'REVENUE', period: '202103', value: 12.5 }], confirm: true });
    expect(w.statusCode, w.body).toBe(200);
    expect(await names('邢台钢铁集团')).toEqual(['邢台钢铁集团有限公司']);
    // A directory write (another enterprise's rename through the API) ends every kept page.
    const other = (await tongji.request('GET', `/api/enterprises?q=${encodeURIComponent('特钢')}`)).json().items[0];
    const r = await tongji.request('PUT', `/api/enterprises/${other.orgId}`, { name: `${other.name}二`, rowVersion: other.rowVersion });
    expect(r.statusCode, r.body).toBe(200);
    // (The rename made in SQL did not renew the search key, so the old name still finds it: the page is read anew.)
    expect(await names('邢台钢铁集团')).toEqual(['直改名称测试公司']);
  });
});
