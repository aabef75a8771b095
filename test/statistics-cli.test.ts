// `sei data import` / `sei data export` against both databases.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ENTERPRISE } from '../src/db/seed/demo';
import { createInitializedDatabase, dialects, type TestDatabase } from './helpers/databases';

const BIN = fileURLToPath(new URL('../bin/sei.mjs', import.meta.url));
const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));

function sei(url: string, args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, DATABASE_URL: url, SEI_PROGRESS: '1' } });
    let stdout = '';
    let stderr = '';
    p.stdout.on('data', (d) => (stdout += d));
    p.stderr.on('data', (d) => (stderr += d));
    p.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe.each(dialects)('%s: sei data import/export', { timeout: 120_000 }, (dialect) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createInitializedDatabase(dialect, { demo: true });
  });
  afterAll(async () => {
    await database?.drop();
  });

  it('rejects an invalid file with exit 2, listing row/field/value/reason, storing nothing', async () => {
    const r = await sei(database.url, ['data', 'import', fixture('statistics-bad.csv')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('nothing was stored');
    expect(r.stderr).toMatch(/3\tindicator_code\tREVENUE_X\t指标代码不存在/);
    expect(r.stderr).toMatch(/4\tperiod\t2020-13\t/);
    const json = await sei(database.url, ['data', 'import', fixture('statistics-bad.csv'), '--json']);
    expect(json.code).toBe(2);
    expect(JSON.parse(json.stdout)).toMatchObject({ valid: false, stored: false, issueCount: 3 });
  });

  it('previews with --dry-run --json, imports, and re-imports idempotently', async () => {
    const dry = await sei(database.url, ['data', 'import', fixture('statistics-long-gbk.csv'), '--dry-run', '--json']);
    expect(dry.code, dry.stderr).toBe(0);
    expect(JSON.parse(dry.stdout)).toMatchObject({ dryRun: true, valid: true, encoding: 'gbk', inserted: 4 });
    const run = await sei(database.url, ['data', 'import', fixture('statistics-long-gbk.csv')]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('inserted 4');
    const again = await sei(database.url, ['data', 'import', fixture('statistics-long-gbk.csv')]);
    expect(again.stdout).toContain('unchanged 4');
    const out = await sei(database.url, ['data', 'export', '--period', '202012', '--org', DEMO_ENTERPRISE.code]);
    expect(out.code, out.stderr).toBe(0);
    expect(out.stdout).toContain(`${DEMO_ENTERPRISE.code},邢台演示新材料有限公司（演示）,REVENUE,202012,52310.5,draft,file`);
    const bad = await sei(database.url, ['data', 'export', '--format', 'pdf']);
    expect(bad.code).toBe(2);
  });
});
