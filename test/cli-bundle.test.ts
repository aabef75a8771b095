// bin/sei.mjs runs the bundle in dist/cli only while it is newer than everything under src/, and the
// sources through tsx otherwise. Checked on a copy of bin/sei.mjs beside a fake src/ and dist/cli/, so the
// repository's own files (and the other suites' CLI runs) are not touched.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const repo = fileURLToPath(new URL('..', import.meta.url));
// A space in the path: the folder is a file path, not a URL's (percent-encoded) path.
const dir = mkdtempSync(join(tmpdir(), 'sei bin-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

mkdirSync(join(dir, 'bin'));
mkdirSync(join(dir, 'src/cli'), { recursive: true });
mkdirSync(join(dir, 'dist/cli'), { recursive: true });
copyFileSync(join(repo, 'bin/sei.mjs'), join(dir, 'bin/sei.mjs'));
symlinkSync(join(repo, 'node_modules'), join(dir, 'node_modules'));
writeFileSync(join(dir, 'package.json'), '{ "type": "module" }\n');
writeFileSync(join(dir, 'src/cli/main.ts'), "const from: string = 'source';\nconsole.log(from);\n");
writeFileSync(join(dir, 'src/cli/other.ts'), 'export {};\n');
writeFileSync(join(dir, 'dist/cli/main.js'), "console.log('bundle');\n");

const at = (path: string, secondsAgo: number) => {
  const t = new Date(Date.now() - secondsAgo * 1000);
  utimesSync(join(dir, path), t, t);
};
const run = (env: Record<string, string> = {}) => execFileSync(process.execPath, [join(dir, 'bin/sei.mjs')], { env: { ...process.env, ...env }, encoding: 'utf8' }).trim();
const sourcesAt = (secondsAgo: number) => ['src/cli/main.ts', 'src/cli/other.ts', 'src/cli', 'src'].forEach((p) => at(p, secondsAgo));

describe('bin/sei.mjs', () => {
  it('runs the sources when there is no bundle', () => {
    expect(run()).toBe('source');
  });

  it('runs the bundle when its stamp is newer than every source file and folder', () => {
    sourcesAt(100);
    writeFileSync(join(dir, 'dist/cli/built'), '');
    at('dist/cli/built', 50);
    expect(run()).toBe('bundle');
    expect(run({ SEI_FROM_SOURCE: '1' })).toBe('source');
  });

  it('runs the sources once a file under src/ is newer than the bundle', () => {
    at('src/cli/other.ts', 10);
    expect(run()).toBe('source');
  });

  it('runs the sources once a file was deleted after the bundle (its folder changed)', () => {
    sourcesAt(100);
    expect(run()).toBe('bundle');
    rmSync(join(dir, 'src/cli/other.ts'));
    expect(run()).toBe('source');
  });
});
