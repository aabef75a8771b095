// `sei eval` (评价考核), the same use-cases as src/server/routes/evaluation.ts:
//   sei eval compute --input FILE|- [--json]        the methods on the contract of POST /api/evaluation/compute; bad input exits 2
//   sei eval schemes [--json]                       schemes and the criteria they may use
//   sei eval run --scheme NAME|ID --period YYYY [--json]   run and archive (POST /api/evaluation/schemes/:id/runs)
//   sei eval reproduce RUN_ID [--json]              recompute a run from its archive and say whether it is identical
//   sei eval compare --scheme NAME|ID --periods 2019,2020 | --runs ID,ID [--json]
//   sei eval export RUN_ID --format xlsx|docx --out FILE
// The CLI acts as the system (no role check), except where a use-case needs an actor (supervision figures).
import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { compareRunIds, compareRuns } from '../../core/evaluation/compare-runs';
import { compute } from '../../core/evaluation/compute';
import { reproduceRun } from '../../core/evaluation/get-run';
import { listSchemes } from '../../core/evaluation/list-schemes';
import { runEvaluation } from '../../core/evaluation/run-evaluation';
import { getRun } from '../../core/evaluation/get-run';
import type { Deps } from '../../core/ports';
import type { EvaluationRun } from '../../shared/evaluation';
import { writeRunDocx } from '../../files/evaluation-docx';
import { writeRunXlsx } from '../../files/evaluation-xlsx';
import { SYSTEM_ACTOR, withDeps } from '../context';
import { table, UsageError, readJsonInput } from '../output';


async function schemeId(deps: Deps, ref: string): Promise<string> {
  const { schemes } = await listSchemes(deps, null);
  const s = schemes.find((x) => x.id === ref || x.name === ref);
  if (!s) throw new UsageError(`没有评价方案“${ref}”；可用：${schemes.map((x) => x.name).join('、') || '（无）'} / no scheme "${ref}"`);
  return s.id;
}

const f4 = (v: number | null) => (v === null ? '—' : v.toFixed(4));
const runText = (run: EvaluationRun) => [
  `${run.scheme.name} ${run.period}  run ${run.id}  ${run.version}${run.demo ? '  演示数据 demo' : ''}`,
  table(['名次 rank', '代码 code', '评价对象 subject', '得分 score', '缺失 missing'], run.result.subjects.map((s) => [s.rank ?? '—', s.key, s.name, f4(s.score), s.missing.join(',')]), ['r', 'l', 'l', 'r', 'l']),
  `${run.result.missingNote.zh} / ${run.result.missingNote.en}`,
].join('\n');

export function registerEvaluation(program: Command): void {
  const ev = program.command('eval').description('评价考核：AHP、熵权、TOPSIS、灰色关联 / scientific evaluation');
  ev.command('compute')
    .description('评价方法计算 {method, variant?, matrix?, types?, weights?, pairwise?, rho?} → JSON (docs/evaluation.md)')
    .requiredOption('--input <file>', 'JSON 文件（- 为标准输入）/ JSON file, - for stdin')
    .option('--json', '以 JSON 输出（默认）/ print JSON (the default)')
    .action((o: { input: string }) => {
      console.log(JSON.stringify(compute(null, readJsonInput(o.input)), null, 2));
    });
  ev.command('schemes')
    .description('评价方案 / evaluation schemes')
    .option('--json', '以 JSON 输出 / print JSON')
    .action(async (o: { json?: boolean }) => withDeps(async (deps) => {
      const r = await listSchemes(deps, null);
      console.log(o.json ? JSON.stringify(r, null, 2) : table(['方案 scheme', '对象 subjects', '赋权 weighting', '评价 scoring', '缺失 missing', 'id'], r.schemes.map((s) => [s.name, s.definition.subjectKind, s.definition.weighting, s.definition.scoring, s.definition.missing, s.id])));
    }));
  ev.command('run')
    .description('运行评价并存档 / run a scheme for a year and archive it')
    .requiredOption('--scheme <nameOrId>', '方案名称或 id / scheme name or id')
    .requiredOption('--period <year>', '年度，如 2020 / the year')
    .option('--json', '以 JSON 输出 / print JSON')
    .action(async (o: { scheme: string; period: string; json?: boolean }) => withDeps(async (deps) => {
      const run = await runEvaluation(deps, SYSTEM_ACTOR, await schemeId(deps, o.scheme), { period: o.period }, new Date());
      console.log(o.json ? JSON.stringify(run, null, 2) : runText(run));
    }));
  ev.command('reproduce <runId>')
    .description('按存档复算 / recompute a run from its archive')
    .option('--json', '以 JSON 输出 / print JSON')
    .action(async (id: string, o: { json?: boolean }) => withDeps(async (deps) => {
      const r = await reproduceRun(deps, null, id);
      if (o.json) console.log(JSON.stringify({ runId: r.runId, identical: r.identical, differences: r.differences }, null, 2));
      else console.log(r.identical ? `复算结果与存档完全一致 / identical to the archive (${r.run.result.subjects.length} subjects)` : `复算结果与存档不一致 / differs from the archive: ${JSON.stringify(r.differences)}`);
      if (!r.identical) process.exitCode = 1;
    }));
  ev.command('compare')
    .description('跨期比较 / compare the latest runs of several years, or chosen runs')
    .requiredOption('--scheme <nameOrId>', '方案名称或 id / scheme name or id')
    .option('--periods <years>', '如 2019,2020（各年最新一次）/ e.g. 2019,2020 (the latest run of each)')
    .option('--runs <ids>', '评价结果 id，逗号分隔 / run ids, comma-separated')
    .option('--json', '以 JSON 输出 / print JSON')
    .action(async (o: { scheme: string; periods?: string; runs?: string; json?: boolean }) => withDeps(async (deps) => {
      if ((o.periods === undefined) === (o.runs === undefined)) throw new UsageError('请给出 --periods 或 --runs 二者之一 / give either --periods or --runs');
      const id = await schemeId(deps, o.scheme);
      const split = (v: string) => v.split(',').map((s) => s.trim());
      const c = o.runs !== undefined ? await compareRunIds(deps, null, id, split(o.runs)) : await compareRuns(deps, null, id, split(o.periods!));
      // A column is headed by its year, and by when the run was made when runs are chosen (a year may repeat).
      const head = c.columns.map((col) => (o.runs !== undefined ? `${col.period} ${col.createdAt.slice(0, 16).replace('T', ' ')}` : col.period));
      console.log(o.json ? JSON.stringify(c, null, 2) : table(['评价对象 subject', ...head.flatMap((h) => [`${h} 名次`, `${h} 得分`]), '名次变化 Δrank'], c.rows.map((r) => [r.name, ...c.periods.flatMap((p) => [r.byPeriod[p]?.rank ?? '—', f4(r.byPeriod[p]?.score ?? null)]), r.rankChange ?? '—'])));
    }));
  ev.command('export <runId>')
    .description('导出 Excel 或 Word 通报 / export a run as .xlsx or a Word 通报 ranking')
    .requiredOption('--format <format>', 'xlsx | docx')
    .requiredOption('--out <file>', '输出文件 / output file')
    .action(async (id: string, o: { format: string; out: string }) => withDeps(async (deps) => {
      if (o.format !== 'xlsx' && o.format !== 'docx') throw new UsageError(`--format 须为 xlsx 或 docx / --format must be xlsx or docx: ${o.format}`);
      const run = await getRun(deps, null, id);
      writeFileSync(o.out, o.format === 'docx' ? await writeRunDocx(run) : await writeRunXlsx(run));
      console.log(`已写入 written ${o.out}`);
    }));
}
