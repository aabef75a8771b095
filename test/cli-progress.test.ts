import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const BIN = fileURLToPath(new URL('../bin/sei.mjs', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'sei-progress-'));
const sei = (args: string[], env: Record<string, string> = {}) => {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 60_000, env: { ...process.env, ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};
const file = (name: string, content: unknown) => {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
};

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('sei progress compute', { timeout: 120_000 }, () => {
  it('prints the contract JSON', () => {
    const r = sei(['progress', 'compute', '--input', file('ok.json', { base_year: 2015, base_value: 50, current_year: 2020, current_value: 40, target_year: 2030, target_value: 20, desired_direction: 'decrease' }), '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.cagr_observed).toBeCloseTo(Math.pow(40 / 50, 1 / 5) - 1, 12);
    expect(out.cagr_required).toBeCloseTo(Math.pow(20 / 50, 1 / 15) - 1, 12);
    expect(out.ratio_R).toBeCloseTo((-1 * out.cagr_observed) / Math.abs(out.cagr_required), 12);
    expect(out.ratio_R).toBeCloseTo(0.7366, 4);
    expect(out.status).toBe('moderate_progress');
    expect(typeof out.projection).toBe('number');
  });

  it('exits 2 with a clear message on bad input', () => {
    const same = sei(['progress', 'compute', '--input', file('same.json', { base_year: 2020, base_value: 1, current_year: 2020, current_value: 2, target_year: 2025, target_value: null, desired_direction: 'increase' }), '--json']);
    expect(same.code).toBe(2);
    expect(same.stderr).toMatch(/current_year must be after base_year/);
    expect(sei(['progress', 'compute', '--input', file('bad.json', '{"base_year":'), '--json']).code).toBe(2);
    expect(sei(['progress', 'compute', '--input', file('missing.json', { base_year: 2020 }), '--json']).code).toBe(2);
    expect(sei(['progress', 'compute', '--input', join(dir, 'nope.json'), '--json']).code).toBe(2);
  });
});

describe('sei targets show', { timeout: 120_000 }, () => {
  it('assesses the targets of an initialised database on a date', () => {
    const env = { DATABASE_URL: `sqlite:${join(dir, 'targets.db')}` };
    expect(sei(['init', '--demo'], env).code).toBe(0);
    const r = sei(['targets', 'show', '--as-of', '2020-12-31', '--json'], env);
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout);
    const t4 = out.targets.find((t: { target: { code: string } }) => t.target.code === 'T4');
    expect(t4.actual).toMatchObject({ value: 123, demo: true });
    expect(t4.anticipated.status).toBe('target_achieved');
    const text = sei(['targets', 'show', '--as-of', '2019-12-31'], env);
    expect(text.stdout).toContain('T4 省级以上创新平台数量');
    expect(text.stdout).toContain('演示');
  });
});
