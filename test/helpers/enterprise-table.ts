// Generated enterprise directories for import tests and benchmarks: valid 统一社会信用代码, spread over
// the Xingtai counties and a few industry classes (SEI and not), four columns as a bureau's file has.
import { demoUscc } from '../../src/core/statistics/uscc';

/** 3825 光伏设备 (SEI), 3511 矿山机械, 2710 化学药品原料药 (SEI), 1311 稻谷加工 (not SEI). */
export const INDUSTRIES = ['3825', '3511', '2710', '1311'];

export type Cell = string | number | null;

/** Header plus `count` rows over the given county codes; `offset` shifts the numbering so two tables share no codes. */
export function enterpriseTable(count: number, counties: string[], offset = 0): Cell[][] {
  const rows: Cell[][] = [['uscc', 'name', 'county_code', 'industry_code']];
  for (let i = 0; i < count; i++) {
    const n = offset + i + 1;
    const county = counties[n % counties.length]!;
    rows.push([demoUscc(n + 100_000, county), `导入测试企业${n}有限公司`, county, INDUSTRIES[n % INDUSTRIES.length]!]);
  }
  return rows;
}
