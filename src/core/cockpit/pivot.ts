// 透视分析 (like DHIS2's data visualizer): indicators × one dimension × periods. Each indicator × period
// column is the aggregate the statistics route answers for this reader (kept aggregate rows, divisions on
// the period's vintage, confidentiality applied), so the pivot never shows a cell the aggregates hide.
// Enterprise size has no kept aggregate: it is summed from the enterprises' values (size-cells.ts).
// Too many columns are refused; rows beyond PIVOT_MAX_ROWS are cut and the answer says so.
import { PIVOT_MAX_COLUMNS, PIVOT_MAX_ROWS, PivotQuerySchema, type Pivot, type PivotCell, type PivotColumn, type PivotRow } from '../../shared/cockpit';
import type { Aggregates } from '../../shared/statistics';
import { AppError, notFound } from '../app-error';
import { seesEnterpriseFigures, suppressCells } from '../confidentiality/suppression';
import { parseInput } from '../parse-input';
import { authorize, type Actor } from '../policy';
import type { Deps } from '../ports';
import { getAggregates } from '../statistics/aggregate-queries';
import { indicatorMap } from '../statistics/lookup';
import { normalizePeriod } from '../statistics/periods';
import { sizeCells, tierName, tierOf } from './size-cells';

export async function getPivot(deps: Deps, actor: Actor, raw: unknown): Promise<Pivot> {
  authorize(actor, 'read', 'datavalue');
  const q = parseInput(PivotQuerySchema, raw);
  const periods = q.periods.map((p) => normalizePeriod(p) ?? p);
  const n = q.indicators.length * periods.length;
  if (n > PIVOT_MAX_COLUMNS) throw new AppError('VALIDATION', { zh: `指标 × 期间共 ${n} 列，超过上限 ${PIVOT_MAX_COLUMNS} 列，请减少指标或期间`, en: `${n} indicator × period columns exceed the limit of ${PIVOT_MAX_COLUMNS}: choose fewer indicators or periods` }, [{ path: 'periods', message: `max ${PIVOT_MAX_COLUMNS} columns` }]);
  const inds = await indicatorMap(deps.store.statistics);
  for (const code of q.indicators) if (!inds.get(code)) throw notFound({ zh: '指标', en: 'indicator' }, code);
  const columns: PivotColumn[] = [];
  const rows = new Map<string, PivotRow>();
  const totals: (number | null)[] = [];
  const tiers = q.dim === 'size' ? await tierOf(deps) : null;
  const restricted = !seesEnterpriseFigures(actor);
  let applied = false;
  const cellAt = (key: string, name: string, reconciling: boolean | undefined, col: number, cell: PivotCell) => {
    let r = rows.get(key);
    if (!r) rows.set(key, (r = { key, name, ...(reconciling ? { reconciling } : {}), cells: [] }));
    while (r.cells.length < col) r.cells.push({ value: null, n: 0 });
    r.cells[col] = cell;
  };
  for (const code of q.indicators) {
    const ind = inds.get(code)!;
    for (const period of periods) {
      const col = columns.length;
      columns.push({ indicator: ind.code, name: ind.name, nameEn: ind.nameEn, unit: ind.unit, period });
      if (tiers) {
        const cells = await sizeCells(deps, actor, ind, inds, period, tiers);
        if (!cells) throw new AppError('VALIDATION', { zh: `${ind.name} 不是企业数据之和，不能按企业规模分组`, en: `${ind.code} is not a sum of enterprise figures: it has no size breakdown` });
        const hidden = restricted ? suppressCells(cells) : new Map();
        if (restricted) applied = true;
        for (const c of cells) {
          const reason = hidden.get(c.key);
          cellAt(c.key, tierName(c.key), false, col, reason ? { value: null, n: c.n, confidential: reason } : { value: c.value, n: c.n });
        }
        totals.push(null);
        continue;
      }
      const a: Aggregates = await getAggregates(deps, actor, { indicator: code, dim: q.dim, period });
      if (a.confidentiality.applied) applied = true;
      for (const r of a.rows) cellAt(r.key, r.name, r.reconciling, col, r.confidential ? { value: null, n: r.n, confidential: r.confidential.reason } : { value: r.value, n: r.n });
      totals.push(a.total?.value ?? null);
    }
  }
  const all = [...rows.values()];
  for (const r of all) while (r.cells.length < columns.length) r.cells.push({ value: null, n: 0 });
  // Keys first, reconciling rows (未分类 …) last, each by the first column's value.
  all.sort((x, y) => Number(!!x.reconciling) - Number(!!y.reconciling) || (y.cells[0]?.value ?? -Infinity) - (x.cells[0]?.value ?? -Infinity));
  const shown = all.slice(0, PIVOT_MAX_ROWS);
  return { dim: q.dim, columns, rows: shown, totals, source: tiers ? 'values' : 'aggregates', truncated: all.length > shown.length ? { shown: shown.length, total: all.length } : null, confidentialityApplied: applied };
}

/** The pivot as a sheet: a header row (indicator, unit, period), one row per key, the totals; cut and hidden cells said in words. */
export function pivotSheet(p: Pivot): (string | number | null)[][] {
  const head = ['维度 key', '名称 name', ...p.columns.map((c) => `${c.name}（${c.unit}）${c.period}`)];
  const body = p.rows.map((r) => [r.key, r.name, ...r.cells.map((c) => (c.confidential ? '保密 confidential' : c.value))]);
  const out: (string | number | null)[][] = [head, ...body];
  if (p.totals.some((t) => t != null)) out.push(['total', '合计', ...p.totals]);
  if (p.truncated) out.push([`仅显示前 ${p.truncated.shown} 行，共 ${p.truncated.total} 行 / first ${p.truncated.shown} of ${p.truncated.total} rows`]);
  if (p.confidentialityApplied) out.push(['保密：少于3家企业或单家企业占比超过85%的单元格不显示 / confidential cells are hidden (fewer than 3 enterprises or one over 85 %)']);
  return out;
}
