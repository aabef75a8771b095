// Crash safety in CI (the long run is bench/crash-safety.ts): on both databases, a statistics import killed
// with SIGKILL inside its transaction, the server killed during an HTTP import and during report
// submissions, and a registry import killed — each write wholly present or absent afterwards, aggregates
// equal to a rebuild from the values, integrity checks passing.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseProblems, prepareRig, runTrial, stopServer, type CrashRig } from './helpers/crash';
import { dialects } from './helpers/databases';

describe.each(dialects)('%s: SIGKILL during writes', { timeout: 240_000 }, (dialect) => {
  let rig: CrashRig;
  beforeAll(async () => {
    rig = await prepareRig(dialect, mkdtempSync(join(tmpdir(), 'sei-crash-')), { values: 40_000, platforms: 200, port: dialect === 'sqlite' ? 3811 : 3812 });
  }, 120_000);
  afterAll(async () => {
    await stopServer(rig);
    await rig.database.drop();
    rmSync(rig.dir, { recursive: true, force: true });
  });

  it('a CLI import killed inside its transaction leaves nothing; run again whole it leaves everything', async () => {
    // Killed as soon as the write starts: on a quiet machine 40,000 values were written and committed within
    // 150 ms of the first 写入 line, so a later kill found the import whole (still safe, but not this case).
    const killed = await runTrial(rig, 'cli-import', 1, 0, { fromWrite: true });
    expect(killed.problems).toEqual([]);
    expect(killed.finishedBeforeKill).toBe(false);
    expect(killed.outcome).toBe('absent');
    const whole = await runTrial(rig, 'cli-import', 2, 600_000);
    expect(whole.problems).toEqual([]);
    expect(whole.outcome).toBe('present');
  });

  it('the server killed during an HTTP import, during report submissions; a registry import killed', async () => {
    for (const [kind, delay] of [['server-import', 400], ['server-submit', 300], ['cli-registry', 2500], ['server-submit', 600_000]] as const) {
      const r = await runTrial(rig, kind, 10 + Math.round(delay), delay);
      expect(r.problems, `${kind} after ${delay} ms`).toEqual([]);
      expect(r.outcome).not.toBe('mixed');
    }
    await stopServer(rig);
    expect(await databaseProblems(rig)).toEqual([]);
  });
});
