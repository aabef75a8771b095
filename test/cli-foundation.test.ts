import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, dialects, type TestDatabase } from './helpers/databases';

const BIN = fileURLToPath(new URL('../bin/sei.mjs', import.meta.url));

// Each case starts real processes (about a second each through tsx); the machine may be busy.
describe.each(dialects)('%s: the sei command', { timeout: 120_000 }, (dialect) => {
  let database: TestDatabase;
  const sei = (args: string[], input?: string) => {
    const r = spawnSync(process.execPath, [BIN, ...args], {
      env: { ...process.env, DATABASE_URL: database.url }, input, encoding: 'utf8', timeout: 60_000,
    });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  };

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    await database.close(); // the CLI opens its own connection
  });
  afterAll(async () => {
    await database.drop();
  });

  it('init --demo creates the database and prints the demo logins', () => {
    const early = sei(['plan', 'show']);
    expect(early.code).toBe(2);
    expect(early.stderr).toContain('sei init');
    const r = sei(['init', '--demo']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/fgw\s+coordinator/);
  });

  it('plan show --json prints 5 targets, 7 industries and 9 task areas', () => {
    const r = sei(['plan', 'show', '--json']);
    expect(r.code).toBe(0);
    const plan = JSON.parse(r.stdout);
    expect(plan.targets.map((t: { comparator: string }) => t.comparator)).toEqual(['>', '>=', '≈', '>=', '>=']);
    expect(plan.industries).toHaveLength(7);
    expect(plan.taskAreas).toHaveLength(9);
    expect(plan.taskAreas.every((a: { tasks: number }) => a.tasks > 0)).toBe(true);
  });

  it('plan show prints the outline and the targets as text', () => {
    const r = sei(['plan', 'show']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('（九）打造战略性新兴产业集群');
    expect(r.stdout).toMatch(/T3 .*≈ 10 %/);
  });

  it('a second init without --force fails with a clear message and exit code 2', () => {
    const r = sei(['init']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--force');
  });

  it('user add and user passwd work, with the password from standard input', () => {
    const add = sei(['user', 'add', '--username', 'lisi', '--role', 'department', '--org', 'dept-kjj', '--password-stdin'], 'a-long-password\n');
    expect(add.stderr).toBe('');
    expect(add.code).toBe(0);
    const passwd = sei(['user', 'passwd', '--username', 'lisi', '--password', 'another-password']);
    expect(passwd.code).toBe(0);
    const random = sei(['user', 'add', '--username', 'wangwu', '--role', 'leader']);
    expect(random.stdout).toMatch(/initial password: \S{8,}/);
  });

  it('plan import loads a plan file as a new version and rejects a broken one with its paths', async () => {
    const { mkdtempSync, writeFileSync, readFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const dir = mkdtempSync(join(tmpdir(), 'sei-plan-'));
    const text = readFileSync(new URL('../plans/xingtai-sei-2018-2020.yaml', import.meta.url), 'utf8');
    writeFileSync(join(dir, 'ok.yaml'), text.replace('status: published', 'status: draft'));
    const ok = sei(['plan', 'import', join(dir, 'ok.yaml')]);
    expect(ok.stderr).toBe('');
    expect(ok.stdout).toMatch(/v2 \(draft\)/);
    writeFileSync(join(dir, 'bad.yaml'), text.replace('leadOrg: dept-fgw', 'leadOrg: dept-none'));
    const bad = sei(['plan', 'import', join(dir, 'bad.yaml')]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('plan.leadOrg');
    expect(sei(['plan', 'import', join(dir, 'missing.yaml')]).code).toBe(2);
  });

  it('bad flags and bad values exit 2 with a message that names the problem', () => {
    const cases: [string[], RegExp][] = [
      [['user', 'add', '--username', 'x1'], /--role/],
      [['user', 'add', '--username', 'x2', '--role', 'king'], /unknown role/],
      [['user', 'add', '--username', 'x3', '--role', 'county', '--password', 'long-enough'], /--org/],
      [['user', 'add', '--username', 'lisi', '--role', 'admin', '--password', 'long-enough'], /already exists/],
      [['user', 'passwd', '--username', 'nobody', '--password', 'long-enough'], /no such user/],
      [['user', 'passwd', '--username', 'lisi', '--password', 'short'], /8/],
      [['serve', '--port', 'abc'], /port/],
      [['plan', 'show', '--id', 'nope'], /not found/],
      [['frobnicate'], /unknown command/],
    ];
    for (const [args, message] of cases) {
      const r = sei(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toMatch(message);
    }
  });
});
