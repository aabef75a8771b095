// `sei init`: the built-in indicator catalogue, data sets and validation rules, and the published
// Xingtai figures of reference/xingtai_stats.csv as city-level values with their provenance.
import type { Transaction } from 'kysely';
import { contributionTargets, contributionsOf } from '../../core/statistics/aggregates';
import { BUILTIN_DATASETS, BUILTIN_INDICATORS, BUILTIN_RULES } from '../../core/statistics/catalogue';
import { yearOf } from '../../core/statistics/periods';
import { orgInfos } from '../repositories/statistics-catalogue';
import { insertDataset, insertIndicators, upsertRule } from '../repositories/statistics-catalogue';
import { applyAggregateDeltas, insertValueRows, valueRow } from '../repositories/statistics-values';
import type { DB } from '../schema';
import { readCsv } from './reference-files';

export async function loadStatisticsCatalogue(trx: Transaction<DB>, now: string): Promise<void> {
  await insertIndicators(trx, BUILTIN_INDICATORS, now);
  for (const d of BUILTIN_DATASETS) await insertDataset(trx, d, now);
  for (const r of BUILTIN_RULES) await upsertRule(trx, r, now);
}

/**
 * Which rows of xingtai_stats.csv become values: (indicator text, period text) → (indicator, period).
 * Half-year and three-quarter figures are year-to-date, stored at the quarter they end (2020H1 → 2020Q2).
 * Rows not listed (targets, counts "as of" a date, multi-value cells, indicators outside the catalogue)
 * stay in the reference file only.
 */
export const REFERENCE_MAP: { indicator: string; period: string; code: string; to: string }[] = [
  { indicator: '地区生产总值(前三季度)', period: '2017Q1-Q3', code: 'GDP', to: '2017Q3' },
  { indicator: '地区生产总值(前三季度)', period: '2018Q1-Q3', code: 'GDP', to: '2018Q3' },
  { indicator: '地区生产总值(上半年)', period: '2020H1', code: 'GDP', to: '2020Q2' },
  { indicator: '第一产业增加值(上半年)', period: '2020H1', code: 'GDP_PRIMARY', to: '2020Q2' },
  { indicator: '第二产业增加值(上半年)', period: '2020H1', code: 'GDP_SECONDARY', to: '2020Q2' },
  { indicator: '第三产业增加值(上半年)', period: '2020H1', code: 'GDP_TERTIARY', to: '2020Q2' },
  { indicator: '规模以上工业增加值增速(上半年)', period: '2020H1', code: 'IND_VA_GROWTH', to: '2020Q2' },
  { indicator: '地区生产总值', period: '2020', code: 'GDP', to: '2020' },
  { indicator: '地区生产总值(上半年)', period: '2021H1', code: 'GDP', to: '2021Q2' },
  { indicator: '全部财政收入', period: '2021', code: 'FISCAL_REVENUE', to: '2021' },
  { indicator: '高新技术产业增加值增速', period: '2021', code: 'HIGH_TECH_VA_GROWTH', to: '2021' },
  { indicator: '地区生产总值', period: '2022', code: 'GDP', to: '2022' },
  { indicator: '第一产业增加值', period: '2022', code: 'GDP_PRIMARY', to: '2022' },
  { indicator: '第二产业增加值', period: '2022', code: 'GDP_SECONDARY', to: '2022' },
  { indicator: '第三产业增加值', period: '2022', code: 'GDP_TERTIARY', to: '2022' },
  { indicator: '地区生产总值增速', period: '2023', code: 'GDP_GROWTH', to: '2023' },
  { indicator: '规上工业增加值增速', period: '2023', code: 'IND_VA_GROWTH', to: '2023' },
];

export async function loadReferenceStatistics(trx: Transaction<DB>, now: string): Promise<number> {
  const rows = readCsv('xingtai_stats.csv');
  const orgs = await orgInfos(trx);
  const city = [...orgs.values()].find((o) => o.kind === 'city');
  if (!city) return 0;
  const values: { orgId: string; indicatorCode: string; period: string; value: number; source: string }[] = [];
  const out: unknown[][] = [];
  for (const m of REFERENCE_MAP) {
    const r = rows.find((x) => x.indicator === m.indicator && x.period === m.period);
    if (!r) throw new Error(`reference/xingtai_stats.csv has no row ${m.indicator} ${m.period}`);
    const value = Number(r.value);
    if (!Number.isFinite(value)) throw new Error(`reference value not a number: ${m.indicator} ${m.period} ${r.value}`);
    const note = [r.qualifier, `原始期间 ${r.period}`].filter(Boolean).join('；');
    out.push(valueRow({
      orgId: city.orgId, indicatorCode: m.code, period: m.to, year: yearOf(m.to), value, status: 'approved', source: 'reference',
      comment: note, sourceUrl: r.source_url ?? null, sourceType: r.source_type ?? null, reliability: r.reliability ?? null,
    }, { actorId: null, actorName: 'init', now, batchId: null }));
    values.push({ orgId: city.orgId, indicatorCode: m.code, period: m.to, value, source: 'reference' });
  }
  await insertValueRows(trx, out);
  const byId = new Map([...orgs.values()].map((o) => [o.orgId, o]));
  await applyAggregateDeltas(trx, contributionsOf(values, byId, contributionTargets(BUILTIN_INDICATORS), 1).result());
  await trx.insertInto('reference_source').values({
    dataset: 'xingtai_stats', source: 'reference/xingtai_stats.csv: published Xingtai figures (news and government pages), source URL per value',
    caveats: 'low reliability rows are shown as unverified; no reliable full-year GDP for 2017–2019 and no SEI value-added figure', rows: out.length, loaded_at: now,
  }).execute();
  return out.length;
}
