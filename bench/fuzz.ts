// ≥ 10,000 generated inputs against the imports, the JSON data-value API and plan files (the targets of
// test/fuzz.test.ts): no 5xx, no partial write, every issue names field and reason. Prints the runs per
// target, failures and the rate, against a baseline of plain valid requests measured in the same run.
//   npx tsx bench/fuzz.ts [--runs 10000] [--dialect sqlite|postgres] [--seed N]
import fc from 'fast-check';
import { buildApp } from '../src/server/app';
import { createInitializedDatabase } from '../test/helpers/databases';
import { checkOne, fuzzTargets, prepareFuzz } from '../test/helpers/fuzz-targets';
import { arg, dialectsArg, time } from './bench-common';

const total = arg('runs', 10_000);
const seed = arg('seed', 2018);
const SHARE: Record<string, number> = { 'data-values JSON': 0.3, 'data-values CSV/XLSX': 0.25, 'enterprises CSV/XLSX': 0.2, 'registries XLSX': 0.15, 'plan files': 0.1 };

for (const dialect of dialectsArg()) {
  const database = await createInitializedDatabase(dialect, { demo: true });
  const app = await buildApp({ database, webRoot: null, mailer: null });
  await app.ready();
  const ctx = await prepareFuzz(app, database);
  // Baseline: the same checks on one valid JSON batch (dry run), repeated.
  const valid = { target: 'baseline', url: '/api/data-values', json: { dataValues: [{ orgCode: '91130582MA07XT000T', indicatorCode: 'REVENUE', period: '202012', value: 1 }], dryRun: true }, dryRun: true, as: 'tongji' as const };
  const base = await time(async () => { for (let i = 0; i < 200; i++) if (await checkOne(ctx, valid)) throw new Error('baseline failed'); });
  const basePerReq = base.ms / 200;
  console.log(`${dialect}: baseline ${basePerReq.toFixed(1)} ms per checked request (valid JSON dry run)`);
  let runs = 0;
  for (const [name, share] of Object.entries(SHARE)) {
    const n = Math.ceil(total * share);
    const failures: string[] = [];
    const { ms } = await time(() => fc.assert(fc.asyncProperty(fuzzTargets(ctx)[name]!, async (req) => {
      const r = await req;
      const problem = await checkOne(ctx, r);
      if (problem) { failures.push(problem); throw new Error(problem); }
    }), { numRuns: n, seed, endOnFailure: true }).catch((e: Error) => failures.push(e.message.split('\n').slice(0, 4).join(' '))));
    runs += n;
    console.log(`${dialect}: ${name.padEnd(22)} ${String(n).padStart(6)} inputs  ${(ms / n).toFixed(1)} ms each (${(ms / n / basePerReq).toFixed(2)}× baseline)  failures: ${failures.length}${failures.length ? `\n  ${failures[0]}` : ''}`);
  }
  console.log(`${dialect}: ${runs} generated inputs in total`);
  await app.close();
  await database.drop();
}
