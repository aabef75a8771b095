#!/usr/bin/env node
// The `sei` command. It runs the bundle `npm run build` leaves in dist/cli when that bundle is newer than
// every file and folder under src/, and the TypeScript sources through tsx otherwise — so it works right after
// `npm ci` and never runs code older than the sources. The bundle starts in about a third of the CPU time.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const src = fileURLToPath(new URL('../src', import.meta.url));
const stamp = new URL('../dist/cli/built', import.meta.url);

/** The latest modification time of `dir` and everything under it (a deleted file changes its folder's). */
function newest(dir) {
  let latest = statSync(dir).mtimeMs;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = `${dir}/${entry.name}`;
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

const bundled = process.env.SEI_FROM_SOURCE !== '1' && existsSync(stamp) && statSync(stamp).mtimeMs >= newest(src);
if (bundled) {
  await import('../dist/cli/main.js');
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/main.ts');
}
