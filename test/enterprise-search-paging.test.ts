// Search at scale, on both databases: a count that stops at 1,000 and says so, pages without gaps or
// duplicates, exact and prefix matches first, the one- and two-character gram index, and the filters —
// each checked against the stored rows read directly.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { newId } from '../src/core/ids';
import { demoUscc } from '../src/core/statistics/uscc';
import { bulkInsert } from '../src/db/repositories/bulk';
import { searchColumns, searchGrams, searchKey } from '../src/db/search-key';
import { ENTERPRISE_COUNT_CAP } from '../src/shared/statistics';
import { createInitializedDatabase, dialects, type TestDatabase } from './helpers/databases';
import { loginAs, makeApp, type Session } from './helpers/http';

interface Item { orgId: string; name: string; uscc: string; county: { code: string }; parkCode: string | null; planIndustryCode: string | null; sei: { l1: string | null } }
interface Page { items: Item[]; total: number; totalCapped: boolean }
interface Stored { org_id: string; name: string; uscc: string; search_key: string; county: string; park_code: string | null; plan_industry_code: string | null; sei_l1: string | null }

const GENERATED = 1_300;
const normalize = (q: string) => q.toLowerCase().replace(/[\s%_\\]+/g, '');
const rankOf = (e: { name: string; uscc: string }, raw: string) => (e.name === raw || e.uscc === raw.toUpperCase() ? 0 : e.name.startsWith(raw) ? 1 : 2);
const inOrder = (raw: string) => (a: Stored | Item, b: Stored | Item) =>
  rankOf(a, raw) - rankOf(b, raw) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) || (orgIdOf(a) < orgIdOf(b) ? -1 : 1);
const orgIdOf = (e: Stored | Item) => ('orgId' in e ? e.orgId : e.org_id);

describe('search grams', () => {
  it('hold every one- and two-character piece of each word of the key, once', () => {
    expect(searchGrams('钢铁 gt')).toBe('钢 钢铁 铁 g gt t');
    expect(searchGrams(searchKey('卧牛（演示）'))).toContain('演示');
    expect(searchGrams(searchKey('卧牛（演示）')).split(' ')).not.toContain('（');
  });
});

describe.each(dialects)('%s: enterprise search at scale', (dialect) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let tongji: Session;
  let stored: Stored[];
  const get = async (query: string): Promise<Page> => {
    const r = await tongji.request('GET', `/api/enterprises?${query}`);
    expect(r.statusCode, r.body).toBe(200);
    return r.json();
  };
  const expected = (q: string, keep: (e: Stored) => boolean = () => true) =>
    stored.filter((e) => e.search_key.includes(normalize(q)) && keep(e)).sort(inOrder(q.trim()));

  beforeAll(async () => {
    database = await createInitializedDatabase(dialect, { demo: true });
    const db = database.db;
    const counties = await db.selectFrom('organization').select(['id', 'code']).where('kind', '=', 'county').orderBy('code').execute();
    const now = new Date().toISOString();
    const orgs: unknown[][] = [];
    const ents: unknown[][] = [];
    // 1,170 names hold 钢铁 (more than the cap); those that start with it and the one named just 钢铁 are
    // written last, so that they are not among the first matches the text index gives.
    const names = Array.from({ length: GENERATED }, (_, n) => (n % 10 === 0 ? `沙河光伏${n}有限公司` : `宁晋${['钢铁', '钢铁装备', '特种钢铁'][n % 3]}${n}有限公司`));
    names.push(...Array.from({ length: 30 }, (_, n) => `钢铁之星${n}有限公司`), '钢铁');
    names.forEach((name, n) => {
      const c = counties[n % counties.length]!;
      const id = newId();
      const uscc = demoUscc(n + 700_000, c.code);
      const s = searchColumns(name, uscc);
      orgs.push([id, uscc, name, 'enterprise', c.id, 0, 2000, 1, now, now]);
      ents.push([id, uscc, name, c.id, null, null, n % 2 ? 'new-materials' : null, 'sme', 1, 0, 1, 0, s.search_key, s.search_grams, now, now]);
    });
    await db.transaction().execute(async (trx) => {
      await bulkInsert(trx, { table: 'organization', columns: ['id', 'code', 'name', 'kind', 'parent_id', 'is_lead', 'sort', 'active', 'created_at', 'updated_at'] }, orgs);
      await bulkInsert(trx, { table: 'enterprise', columns: ['org_id', 'uscc', 'name', 'county_org_id', 'industry_code', 'sei_l1', 'plan_industry_code', 'tier', 'above_scale', 'high_tech', 'active', 'demo', 'search_key', 'search_grams', 'created_at', 'updated_at'] }, ents);
    });
    stored = (await db.selectFrom('enterprise as e').innerJoin('organization as c', 'c.id', 'e.county_org_id')
      .select(['e.org_id', 'e.name', 'e.uscc', 'e.search_key', 'c.code as county', 'e.park_code', 'e.plan_industry_code', 'e.sei_l1']).execute()) as Stored[];
    app = await makeApp(database);
    tongji = await loginAs(app, 'tongji');
  }, 180_000);
  afterAll(async () => { await app?.close(); await database?.drop(); });

  it('counts up to 1,000 and says when there are more; the first page is the exact match, then names that start with the query', async () => {
    for (const q of ['钢铁', 'gangtie', '钢']) {
      expect(expected(q).length).toBeGreaterThan(ENTERPRISE_COUNT_CAP);
      const p = await get(`q=${encodeURIComponent(q)}&limit=40`);
      expect(p.total).toBe(ENTERPRISE_COUNT_CAP);
      expect(p.totalCapped).toBe(true);
      expect(p.items).toHaveLength(40);
      for (const e of p.items) expect(stored.find((s) => s.org_id === e.orgId)!.search_key).toContain(normalize(q));
    }
    const first = (await get(`q=${encodeURIComponent('钢铁')}&limit=40`)).items.map((e) => e.name);
    expect(first[0]).toBe('钢铁');
    expect(first.slice(1, 31)).toEqual(expected('钢铁').filter((e) => e.name.startsWith('钢铁之星')).map((e) => e.name));
    const few = await get(`q=${encodeURIComponent('钢铁之星')}`);
    expect(few).toMatchObject({ total: 30, totalCapped: false });
  });

  it('pages a capped result without gaps or duplicates, in order', async () => {
    const seen: Item[] = [];
    for (let offset = 0; offset < ENTERPRISE_COUNT_CAP; offset += 100) {
      const p = await get(`q=${encodeURIComponent('钢铁')}&limit=100&offset=${offset}`);
      expect(p.items).toHaveLength(100);
      seen.push(...p.items);
    }
    expect(new Set(seen.map((e) => e.orgId)).size).toBe(ENTERPRISE_COUNT_CAP);
    expect([...seen].sort(inOrder('钢铁')).map((e) => e.orgId)).toEqual(seen.map((e) => e.orgId));
    const big = await get(`q=${encodeURIComponent('钢铁')}&limit=500&offset=500`);
    expect(big.items.map((e) => e.orgId)).toEqual(seen.slice(500).map((e) => e.orgId));
  });

  it('finds exactly the stored matches when there are fewer than the cap, by name, code, pinyin and initials, paged', async () => {
    const sample = stored.find((e) => e.name.startsWith('宁晋钢铁装备'))!;
    for (const q of ['光伏', 'shaheguangfu', 'shgf', '装备', '钢铁装备1', sample.uscc, sample.uscc.slice(0, 10), 'Gangtiezhuangbei 12', '（', 'q', '伏']) {
      const want = expected(q);
      if (want.length > ENTERPRISE_COUNT_CAP) continue;
      const got: Item[] = [];
      for (let offset = 0; ; offset += 97) {
        const p = await get(`q=${encodeURIComponent(q)}&limit=97&offset=${offset}`);
        expect(p).toMatchObject({ total: want.length, totalCapped: false });
        got.push(...p.items);
        if (p.items.length < 97) break;
      }
      expect(got.map((e) => e.name), q).toEqual(want.map((e) => e.name));
    }
    expect((await get(`q=${sample.uscc}`)).items[0]!.orgId).toBe(sample.org_id);
  });

  it('applies county, industry, SEI category and park filters with the query', async () => {
    const county = stored.find((e) => e.name.includes('光伏'))!.county;
    const byCounty = await get(`q=${encodeURIComponent('光伏')}&county=${county}&limit=500`);
    expect(byCounty.items.map((e) => e.orgId)).toEqual(expected('光伏', (e) => e.county === county).map((e) => e.org_id));
    const byIndustry = await get(`q=${encodeURIComponent('钢铁装备')}&industry=new-materials&limit=500`);
    expect(byIndustry.items.map((e) => e.orgId)).toEqual(expected('钢铁装备', (e) => e.plan_industry_code === 'new-materials').map((e) => e.org_id));
    expect(byIndustry.items.length).toBeGreaterThan(0);
    const demo = stored.find((e) => e.park_code && e.sei_l1)!;
    const q = demo.name.slice(0, 2);
    const byPark = await get(`q=${encodeURIComponent(q)}&park=${demo.park_code}&limit=500`);
    expect(byPark.items.map((e) => e.orgId)).toEqual(expected(q, (e) => e.park_code === demo.park_code).map((e) => e.org_id));
    const bySei = await get(`q=${encodeURIComponent(q)}&sei=${demo.sei_l1}&limit=500`);
    expect(bySei.items.map((e) => e.orgId)).toEqual(expected(q, (e) => e.sei_l1 === demo.sei_l1).map((e) => e.org_id));
    expect(bySei.items.map((e) => e.orgId)).toContain(demo.org_id);
  });

  it('lists everything by name with a capped count, and refuses an offset past 10,000', async () => {
    const p = await get('limit=30');
    expect(p).toMatchObject({ total: ENTERPRISE_COUNT_CAP, totalCapped: true });
    const byName = [...stored].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.org_id < b.org_id ? -1 : 1));
    expect(p.items.map((e) => e.orgId)).toEqual(byName.slice(0, 30).map((e) => e.org_id));
    const r = await tongji.request('GET', '/api/enterprises?offset=10001');
    expect(r.statusCode).toBe(400);
    expect(r.body).toContain('offset 不能超过 10000');
  });
});
