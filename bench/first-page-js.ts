// First page JS: what a browser must fetch before anything is drawn — the entry script of the built
// index.html plus every chunk it preloads (modulepreload), each gzip'ed at level 9 — against the 350 KB goal
// of issue 12. Also printed: the same entry plus the chunks of the page shown first (login for a new visitor,
// 总览 for a signed-in leader, which adds ECharts), so the split is visible, not hidden.
//   npx tsx bench/first-page-js.ts            # builds (vite build) into dist/web first
//   npx tsx bench/first-page-js.ts --no-build # inspects the existing dist/web
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const GOAL = 350_000; // bytes: the stricter reading of "350 KB"
const DIST = join(import.meta.dirname, '..', 'dist', 'web');

if (!process.argv.includes('--no-build')) {
  execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: join(import.meta.dirname, '..'), stdio: 'inherit' });
}

const gz = new Map<string, number>();
function gzipSize(file: string): number {
  let size = gz.get(file);
  if (size === undefined) {
    size = gzipSync(readFileSync(join(DIST, file)), { level: 9 }).length;
    gz.set(file, size);
  }
  return size;
}

/** The chunks a module imports statically (`import … from "./x.js"` at the top of the minified file), transitively. */
function staticClosure(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const code = readFileSync(join(DIST, file), 'utf8');
  for (const m of code.matchAll(/(?:^|[;\n}])\s*import\s*(?:[\w${},*\s]+from\s*)?["']\.\/([\w.-]+\.js)["']/g)) {
    staticClosure(`assets/${m[1]}`, seen);
  }
  return seen;
}

const html = readFileSync(join(DIST, 'index.html'), 'utf8');
const entry = /<script type="module"[^>]*src="\/(assets\/[^"]+\.js)"/.exec(html)?.[1];
if (!entry) throw new Error('no entry script in dist/web/index.html');
const preloads = [...html.matchAll(/<link rel="modulepreload"[^>]*href="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
const first = [entry, ...preloads];
const firstBytes = first.reduce((s, f) => s + gzipSize(f), 0);

// A check that the preload list is the whole static closure of the entry (nothing fetched later on the way).
const closure = staticClosure(entry);
const missing = [...closure].filter((f) => !first.includes(f));

const kb = (b: number) => `${(b / 1000).toFixed(1)} KB`;
console.log('first page JS (entry + modulepreload, gzip -9):');
for (const f of first.sort((a, b) => gzipSize(b) - gzipSize(a))) console.log(`  ${String(gzipSize(f)).padStart(8)} B  ${f}`);
console.log(`total ${firstBytes} B = ${kb(firstBytes)}; goal ${kb(GOAL)}; ratio ${(firstBytes / GOAL).toFixed(3)} of the goal — ${firstBytes <= GOAL ? 'met' : 'NOT met'}`);
if (missing.length) console.log(`static imports of the entry not preloaded (also fetched before drawing): ${missing.join(', ')}`);

/** The chunk of a lazy page: the dynamic import in the entry naming the page's module file. */
function pageChunk(name: string): string | undefined {
  const code = readFileSync(join(DIST, entry!), 'utf8');
  return new RegExp(`assets/(${name}-[\\w-]+\\.js)`).exec(code)?.[1];
}
for (const [label, name] of [['login page (new visitor)', 'LoginPage'], ['总览 cockpit (signed in)', 'OverviewPage']] as const) {
  const chunk = pageChunk(name);
  if (!chunk) continue;
  const all = new Set([...closure, ...staticClosure(`assets/${chunk}`)]);
  const bytes = [...all].reduce((s, f) => s + gzipSize(f), 0);
  console.log(`first page + ${label}: ${kb(bytes)} (${[...all].length} files; the page's own chunks ${kb(bytes - [...closure].reduce((s, f) => s + gzipSize(f), 0))})`);
}

