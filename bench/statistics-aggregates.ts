// Aggregation benchmark: the queries the dashboards use, answered from the pre-aggregated rows the
// write paths keep current, vs a naive GROUP BY over the raw values (same answers), with V stored values.
//   npx tsx bench/statistics-aggregates.ts [--values 10000000] [--runs 30] [--dialect sqlite|postgres]
import { performance } from 'node:perf_hooks';
import { sql, type Kysely } from 'kysely';
import { getAggregates, getSeries } from '../src/core/statistics/aggregate-queries';
import { contributionTargets, contributionsOf, DeltaAccumulator, type OrgDims } from '../src/core/statistics/aggregates';
import { BUILTIN_INDICATORS } from '../src/core/statistics/catalogue';
import { getCityAnnualSeries } from '../src/db/repositories/city-series';
import { orgInfos } from '../src/db/repositories/statistics-catalogue';
import { applyAggregateDeltas, insertValueRows, valueRow } from '../src/db/repositories/statistics-values';
import type { DB } from '../src/db/schema';
import { createStore } from '../src/db/store';
import { secrets } from '../src/server/auth/secrets';
import { arg, databaseWithEnterprises, dialectsArg, INDICATORS, months, percentile } from './bench-common';

const V = arg('values', 10_000_000);
const RUNS = arg('runs', 30);
const periods = months(2017, 48);
const perEnterprise = INDICATORS.length * periods.length;
const enterpriseCount = Math.ceil(V / perEnterprise);

async function load(db: Kysely<DB>, log: (s: string) => void): Promise<number> {
  const orgs = new Map([...(await orgInfos(db)).values()].map((o) => [o.orgId, o as OrgDims]));
  const enterprises = [...orgs.values()].filter((o) => o.kind === 'enterprise');
  const targets = contributionTargets(BUILTIN_INDICATORS);
  const acc = new DeltaAccumulator();
  const meta = { actorId: null, actorName: 'bench', now: new Date().toISOString(), batchId: null };
  let seed = 11;
  let stored = 0;
  const t0 = performance.now();
  for (let i = 0; i < enterprises.length; i += 500) {
    const rows: unknown[][] = [];
    const vals: { orgId: string; indicatorCode: string; period: string; value: number; source: string }[] = [];
    for (const e of enterprises.slice(i, i + 500)) {
      const size = 1000 + (e.orgId.charCodeAt(e.orgId.length - 1) % 50) * 400;
      for (const ind of INDICATORS) {
        let ytd = 0;
        for (const p of periods) {
          if (stored + rows.length >= V) break;
          seed = (seed * 1103515245 + 12345) % 2147483648;
          const m = Number(p.slice(4));
          ytd = (m === 1 ? 0 : ytd) + size * (0.8 + (seed / 2147483648) * 0.4);
          const value = Math.round(ytd * 10) / 10;
          rows.push(valueRow({ orgId: e.orgId, indicatorCode: ind, period: p, year: Number(p.slice(0, 4)), value, status: 'approved', source: 'file', comment: null }, meta));
          vals.push({ orgId: e.orgId, indicatorCode: ind, period: p, value, source: 'file' });
        }
      }
    }
    await db.transaction().execute((trx) => insertValueRows(trx, rows));
    contributionsOf(vals, orgs, targets, 1, acc);
    stored += rows.length;
    if ((i / 500) % 10 === 0) log(`  loaded ${stored} values (${Math.round((performance.now() - t0) / 1000)} s)`);
  }
  await db.transaction().execute((trx) => applyAggregateDeltas(trx, acc.result()));
  return stored;
}

async function measure(fn: () => Promise<unknown>, runs = RUNS): Promise<{ p50: number; p95: number }> {
  for (let i = 0; i < Math.min(3, runs); i++) await fn();
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    ms.push(performance.now() - t);
  }
  return { p50: percentile(ms, 50), p95: percentile(ms, 95) };
}

for (const dialect of dialectsArg()) {
  const log = (s: string) => process.stderr.write(`[${dialect}] ${s}\n`);
  log(`creating ${enterpriseCount} enterprises`);
  const { database } = await databaseWithEnterprises(dialect, enterpriseCount);
  try {
    const db = database.db;
    const stored = await load(db, log);
    if (dialect === 'postgres') await sql`analyze`.execute(db);
    else await sql`analyze`.execute(db);
    log(`stored ${stored} values; measuring`);
    const deps = { store: createStore(db), secrets };
    const city = '130500';
    // Dashboard queries (pre-aggregated) and the naive GROUP BY that answers the same question.
    const cases: { name: string; pre: () => Promise<unknown>; naive: () => Promise<unknown> }[] = [
      {
        name: 'REVENUE by county, 2020, YoY raw + 同口径',
        pre: () => getAggregates(deps, null, { indicator: 'REVENUE', dim: 'county', period: '2020' }),
        naive: async () => {
          await sql`select c.code, sum(cur.value) v, count(*) n, sum(case when prev.value is not null then cur.value end) mv, sum(prev.value) mp, count(prev.value) mn
            from data_value cur join enterprise e on e.org_id = cur.org_id join organization c on c.id = e.county_org_id
            left join data_value prev on prev.org_id = cur.org_id and prev.indicator_code = cur.indicator_code and prev.period = '201912'
            where cur.indicator_code = 'REVENUE' and cur.period = '202012' group by c.code`.execute(db);
          await sql`select c.code, sum(dv.value), count(*) from data_value dv join enterprise e on e.org_id = dv.org_id join organization c on c.id = e.county_org_id
            where dv.indicator_code = 'REVENUE' and dv.period = '201912' group by c.code`.execute(db);
        },
      },
      {
        name: 'SEI_REVENUE by plan industry, 2020Q4',
        pre: () => getAggregates(deps, null, { indicator: 'SEI_REVENUE', dim: 'industry', period: '2020Q4' }),
        naive: async () => {
          for (const p of ['202012', '201912']) {
            await sql`select e.plan_industry_code, sum(dv.value) * 0.0001, count(*) from data_value dv join enterprise e on e.org_id = dv.org_id
              where dv.indicator_code = 'REVENUE' and dv.period = ${p} and e.sei_l1 is not null and (e.sei_partial = 0 or e.sei_confirmed = 1) group by e.plan_industry_code`.execute(db);
          }
        },
      },
      {
        name: 'REVENUE monthly city series 2017-01…2020-12 with YoY',
        pre: () => getSeries(deps, null, { indicator: 'REVENUE', dim: 'city', key: city, from: '201701', to: '202012' }),
        naive: () => sql`select cur.period, sum(cur.value), count(*), sum(case when prev.value is not null then cur.value end), sum(prev.value)
            from data_value cur join enterprise e on e.org_id = cur.org_id
            left join data_value prev on prev.org_id = cur.org_id and prev.indicator_code = cur.indicator_code
              and prev.period = cast(cast(substr(cur.period, 1, 4) as integer) - 1 as text) || substr(cur.period, 5)
            where cur.indicator_code = 'REVENUE' and cur.period between '201701' and '202012' group by cur.period`.execute(db),
      },
      {
        name: 'SEI_VALUE_ADDED annual city series (targets)',
        pre: () => getCityAnnualSeries(db, 'SEI_VALUE_ADDED'),
        naive: () => sql`select dv.period, sum(dv.value) * 0.0001 from data_value dv join enterprise e on e.org_id = dv.org_id
            where dv.indicator_code = 'VALUE_ADDED' and dv.period in ('201712', '201812', '201912', '202012') and e.sei_l1 is not null group by dv.period`.execute(db),
      },
    ];
    for (const c of cases) {
      const pre = await measure(c.pre);
      // The naive queries take seconds at full size: fewer runs (p95 of 10 is their slowest but one).
      const naive = await measure(c.naive, Math.min(RUNS, 10));
      console.log(JSON.stringify({
        bench: 'statistics-aggregates', dialect, values: stored, query: c.name,
        preP50: +pre.p50.toFixed(2), preP95: +pre.p95.toFixed(2), naiveP50: +naive.p50.toFixed(2), naiveP95: +naive.p95.toFixed(2),
        speedupP95: +(naive.p95 / pre.p95).toFixed(1), goal: 'p95 ≤ 50 ms, ≥ 20× faster',
      }));
    }
  } finally {
    await database.drop();
  }
}
