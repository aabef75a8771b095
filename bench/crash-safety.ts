// Crash safety: SIGKILL the CLI or the server at random moments of large statistics imports (CLI and
// HTTP), report submissions (HTTP) and registry imports (CLI); after each kill the database must hold each
// write wholly or not at all, aggregates equal to a rebuild from the values, and pass its integrity check
// (SQLite integrity_check + foreign_key_check; PostgreSQL amcheck on every B-tree index).
//   npx tsx bench/crash-safety.ts [--trials 100] [--dialect sqlite|postgres] [--values 100000] [--platforms 500] [--seed 1]
// Each kind runs once uninterrupted first: its duration D is the baseline, and kills fall uniformly in
// [0, 1.1·D] (about one in ten lands after the write finished, which must then be wholly present).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { prepareRig, rng, runTrial, stopServer, TRIAL_KINDS, type TrialKind } from '../test/helpers/crash';
import { arg, dialectsArg } from './bench-common';

const TRIALS = arg('trials', 100);
const VALUES = arg('values', 100_000);
const PLATFORMS = arg('platforms', 500);
const random = rng(arg('seed', 1));
let failures = 0;

for (const dialect of dialectsArg()) {
  const dir = mkdtempSync(join(tmpdir(), 'sei-crash-'));
  const rig = await prepareRig(dialect, dir, { values: VALUES, platforms: PLATFORMS, port: 3900 + Math.floor(random() * 90) });
  try {
    const duration = new Map<TrialKind, number>();
    let n = 0;
    for (const kind of TRIAL_KINDS) {
      const r = await runTrial(rig, kind, n++, 600_000);
      if (r.writeMs === null) throw new Error(`calibration of ${kind} did not finish`);
      duration.set(kind, r.writeMs);
      console.log(JSON.stringify({ bench: 'crash-safety', dialect, calibration: true, ...r }));
      if (r.problems.length || r.outcome !== 'present') failures++;
    }
    const tally: Record<string, { trials: number; killedMidWrite: number; present: number; absent: number; mixed: number; problems: number }> = {};
    for (let t = 0; t < TRIALS; t++) {
      const kind = TRIAL_KINDS[t % TRIAL_KINDS.length]!;
      const r = await runTrial(rig, kind, n++, random() * 1.1 * duration.get(kind)!);
      console.log(JSON.stringify({ bench: 'crash-safety', dialect, ...r }));
      const k = (tally[kind] ??= { trials: 0, killedMidWrite: 0, present: 0, absent: 0, mixed: 0, problems: 0 });
      k.trials++;
      if (!r.finishedBeforeKill) k.killedMidWrite++;
      k[r.outcome]++;
      if (r.problems.length) { k.problems++; failures++; }
    }
    console.log(JSON.stringify({ bench: 'crash-safety', dialect, trials: TRIALS, values: VALUES, platforms: PLATFORMS, baselineMs: Object.fromEntries(duration), tally }));
  } finally {
    await stopServer(rig);
    await rig.database.drop();
    rmSync(dir, { recursive: true, force: true });
  }
}
if (failures) {
  console.error(`${failures} trial(s) failed`);
  process.exitCode = 1;
}
