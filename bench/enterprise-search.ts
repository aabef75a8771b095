// Enterprise search at province scale: N generated enterprises with varied Chinese names, then
// GET /api/enterprises?q=… through the running server — one request at a time (p95) and 50 concurrent
// clients for a few seconds (autocannon: requests/s, p99) — against GET /api/me measured the same way in
// the same run (the cost of a signed-in request that asks the database almost nothing).
//   npx tsx bench/enterprise-search.ts [--enterprises 100000] [--seconds 10] [--dialect sqlite|postgres]
// Matches per query print as 1000+ where the count stopped at the cap (ENTERPRISE_COUNT_CAP).
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import { newId } from '../src/core/ids';
import { demoUscc } from '../src/core/statistics/uscc';
import { bulkInsert } from '../src/db/repositories/bulk';
import { searchColumns } from '../src/db/search-key';
import { buildApp } from '../src/server/app';
import { createInitializedDatabase } from '../test/helpers/databases';
import { arg, dialectsArg, percentile } from './bench-common';

const N = arg('enterprises', 100_000);
const SECONDS = arg('seconds', 10);
const PLACES = ['邢台', '宁晋', '清河', '南宫', '沙河', '威县', '临西', '隆尧', '柏乡', '巨鹿', '广宗', '平乡', '新河', '内丘', '临城', '任泽', '南和', '襄都', '信都'];
const WORDS = ['晶龙', '钢铁', '光伏', '新材料', '装备', '医药', '电子', '汽车', '环保', '科技', '智能', '能源', '玻璃', '羊绒', '轴承', '电缆', '化工', '生物', '信息', '机械'];
const SUFFIX = ['有限公司', '股份有限公司', '集团有限公司', '科技有限公司'];

function nameOf(n: number): string {
  return `${PLACES[n % PLACES.length]}${WORDS[(n * 7) % WORDS.length]}${WORDS[(n * 13 + 3) % WORDS.length]}${n}${SUFFIX[n % SUFFIX.length]}`;
}

const QUERIES = ['钢铁', '宁晋晶龙', 'xtgt', 'ningjinjinglong', 'qinghe', '清河羊绒', '91130528', '光伏', 'zhineng', '沙河玻璃', 'nhyy', '12345'];

async function main() {
  for (const dialect of dialectsArg()) {
    const database = await createInitializedDatabase(dialect, { demo: true });
    try {
      const counties = await database.db.selectFrom('organization').select(['id', 'code']).where('kind', '=', 'county').orderBy('code').execute();
      const now = new Date().toISOString();
      const orgs: unknown[][] = [];
      const ents: unknown[][] = [];
      for (let n = 0; n < N; n++) {
        const c = counties[n % counties.length]!;
        const id = newId();
        const uscc = demoUscc(n + 500_000, c.code);
        const name = nameOf(n);
        orgs.push([id, uscc, name, 'enterprise', c.id, 0, 2000, 1, now, now]);
        ents.push([id, uscc, name, c.id, null, null, null, 0, 0, null, 'sme', 1, 0, 1, 0, ...Object.values(searchColumns(name, uscc)), now, now]);
      }
      await database.db.transaction().execute(async (trx) => {
        await bulkInsert(trx, { table: 'organization', columns: ['id', 'code', 'name', 'kind', 'parent_id', 'is_lead', 'sort', 'active', 'created_at', 'updated_at'] }, orgs);
        await bulkInsert(trx, { table: 'enterprise', columns: ['org_id', 'uscc', 'name', 'county_org_id', 'industry_code', 'sei_l1', 'sei_l2', 'sei_partial', 'sei_confirmed', 'plan_industry_code', 'tier', 'above_scale', 'high_tech', 'active', 'demo', 'search_key', 'search_grams', 'created_at', 'updated_at'] }, ents);
      });
      if (dialect === 'postgres') await database.db.executeQuery({ sql: 'analyze enterprise', parameters: [], query: { kind: 'RawNode' } } as never);

      const app = await buildApp({ database, webRoot: null, loginRateLimit: { max: 1000, timeWindow: 60_000 } });
      const url = await app.listen({ host: '127.0.0.1', port: 0 });
      const login = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'tongji', password: 'Demo@2018' }) });
      const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
      const searchPaths = QUERIES.map((q) => `/api/enterprises?q=${encodeURIComponent(q)}&limit=20`);
      // Kept pages (src/core/statistics/enterprise-list-cache.ts) answer a repeated request; "unkept" asks the
      // same queries with a limit that changes on every request (6,000 distinct pages, 200 kept), so each
      // request searches the database.
      let n = 0;
      const unkeptPath = () => { n++; return `/api/enterprises?q=${encodeURIComponent(QUERIES[n % QUERIES.length]!)}&limit=${20 + (Math.floor(n / QUERIES.length) % 500)}`; };

      const single = async (paths: string[] | (() => string)) => {
        const ms: number[] = [];
        for (let i = 0; i < 300; i++) {
          const t = performance.now();
          const r = await fetch(`${url}${typeof paths === 'function' ? paths() : paths[i % paths.length]}`, { headers: { cookie } });
          await r.arrayBuffer();
          if (r.status !== 200) throw new Error(`status ${r.status}`);
          ms.push(performance.now() - t);
        }
        return { p50: percentile(ms, 50), p95: percentile(ms, 95) };
      };
      const load = (paths: string[] | (() => string)) => autocannon({
        url, connections: 50, duration: SECONDS, headers: { cookie },
        requests: typeof paths === 'function' ? [{ method: 'GET', setupRequest: (req) => ({ ...req, path: paths() }) }] : paths.map((path) => ({ method: 'GET', path })),
      });

      const totals = await Promise.all(QUERIES.map(async (q) => {
        const r = (await (await fetch(`${url}/api/enterprises?q=${encodeURIComponent(q)}&limit=1`, { headers: { cookie } })).json()) as { total: number; totalCapped: boolean };
        return `${r.total}${r.totalCapped ? '+' : ''}`;
      }));
      console.log(`${dialect}: ${N.toLocaleString('en')} enterprises, load average ${loadavg().map((x) => x.toFixed(1)).join(' ')}; matches per query: ${QUERIES.map((q, i) => `${q}=${totals[i]}`).join(' ')}`);
      const base1 = await single(['/api/me']);
      const unkept1 = await single(unkeptPath);
      const search1 = await single(searchPaths);
      const p = (r: { p50: number; p95: number }) => `p50 ${r.p50.toFixed(1)} ms, p95 ${r.p95.toFixed(1)} ms (${(r.p95 / base1.p95).toFixed(2)}× /api/me)`;
      console.log(`${dialect} one at a time: search unkept ${p(unkept1)}; search kept ${p(search1)}; /api/me p95 ${base1.p95.toFixed(1)} ms`);
      const baseLoad = await load(['/api/me']);
      const unkeptLoad = await load(unkeptPath);
      const searchLoad = await load(searchPaths);
      const line = (r: autocannon.Result) => `${Math.round(r.requests.average)} req/s (${(r.requests.average / baseLoad.requests.average).toFixed(2)}× /api/me), p99 ${r.latency.p99} ms, errors ${r.errors + r.non2xx}`;
      console.log(`${dialect} 50 clients ${SECONDS}s: search unkept ${line(unkeptLoad)}; search kept ${line(searchLoad)}; /api/me ${Math.round(baseLoad.requests.average)} req/s, p99 ${baseLoad.latency.p99} ms`);
      await app.close();
    } finally {
      await database.drop();
    }
  }
}

await main();
