// Generated inputs against the write endpoints that take files and batches (see helpers/fuzz-targets.ts):
// a few hundred here; bench/fuzz.ts runs ≥ 10,000. A failure prints fast-check's seed and the shrunk input.
import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { createInitializedDatabase, dialects, type TestDatabase } from './helpers/databases';
import { makeApp } from './helpers/http';
import { checkOne, fuzzTargets, prepareFuzz, type FuzzContext } from './helpers/fuzz-targets';

const RUNS: Record<string, number> = { 'data-values JSON': 80, 'data-values CSV/XLSX': 80, 'enterprises CSV/XLSX': 60, 'registries XLSX': 40, 'plan files': 40 };

describe.each(dialects)('%s: fuzzing the imports and the data-value API', (dialect) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let ctx: FuzzContext;

  beforeAll(async () => {
    database = await createInitializedDatabase(dialect, { demo: true });
    app = await makeApp(database, { mailer: null });
    ctx = await prepareFuzz(app, database);
  }, 120_000);
  afterAll(async () => { await app?.close(); await database?.drop(); });

  for (const [name, runs] of Object.entries(RUNS)) {
    it(`${name}: ${runs} generated inputs — no 5xx, no partial write, every issue names its field and reason`, async () => {
      const arb = fuzzTargets(ctx)[name]!;
      await fc.assert(fc.asyncProperty(arb, async (req) => {
        const problem = await checkOne(ctx, await req);
        if (problem) throw new Error(problem);
      }), { numRuns: runs, seed: Number(process.env.FUZZ_SEED ?? 2018) });
    }, 120_000);
  }
});
