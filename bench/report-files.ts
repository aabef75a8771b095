// The 季度通报's cost, by part: assembling the figures (JSON) is the baseline; Word and PDF add the server-side
// charts (ECharts SSR → SVG → PNG through resvg) and, for PDF, the font subset; Excel adds neither. Each is run
// `--runs` times on the demo database (SQLite) after one warm-up; medians and ratios to the JSON assembly.
//   npx tsx bench/report-files.ts [--runs 5]
import { assembleReport } from '../src/core/reports/assemble-report';
import { createStore } from '../src/db/store';
import { writeReportDocx } from '../src/files/report-docx';
import { resolveReportFont } from '../src/files/report-font';
import { writeReportPdf } from '../src/files/report-pdf';
import { writeReportXlsx } from '../src/files/report-xlsx';
import { secrets } from '../src/server/auth/secrets';
import { createInitializedDatabase } from '../test/helpers/databases';
import { arg, time } from './bench-common';

const runs = arg('runs', 5);
const database = await createInitializedDatabase('sqlite', { demo: true });
try {
  const deps = { store: createStore(database.db), secrets };
  const font = resolveReportFont();
  const now = new Date('2021-01-15T00:00:00Z');
  const report = await assembleReport(deps, null, { period: '2020Q4' }, now);
  await writeReportDocx(report, font); // warm-up: ECharts and resvg load once per process
  const steps: [string, () => Promise<unknown>][] = [
    ['assemble (JSON)', () => assembleReport(deps, null, { period: '2020Q4' }, now)],
    ['xlsx', () => writeReportXlsx(report)],
    ['docx', () => writeReportDocx(report, font)],
    ['pdf', () => writeReportPdf(report, font)],
  ];
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const results: [string, number, number][] = [];
  for (const [name, fn] of steps) {
    const ms: number[] = [];
    let size = 0;
    for (let i = 0; i < runs; i++) { const r = await time(fn); ms.push(r.ms); size = Buffer.isBuffer(r.result) ? r.result.length : 0; }
    results.push([name, median(ms), size]);
  }
  const base = results[0]![1];
  for (const [name, ms, size] of results) console.log(`${name.padEnd(16)} median ${ms.toFixed(0).padStart(6)} ms  ${(ms / base).toFixed(2)}× assembly${size ? `  ${(size / 1024).toFixed(0)} KB` : ''}`);
} finally {
  await database.drop();
}
