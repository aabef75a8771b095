// Parsing the seed plan text (邢台 2018–2020, ≈ 10,000 characters): median and p95 over many runs, with and
// without jieba, against baselines measured in the same run: a plain line split of the same text and one
// full pass of a single regular expression (the cheapest thing any parser must do). Target: < 100 ms.
//   npx tsx bench/plan-parse.ts [--runs 300]
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { parsePlanText } from '../src/core/plan-parse/parse-plan-text';
import { toPlanFile } from '../src/core/plan-parse/to-plan-file';
import { loadPlanParseReference, loadSegmenter } from '../src/files/plan-parse-reference';
import { arg, percentile } from './bench-common';

const RUNS = arg('runs', 300);
const text = readFileSync(new URL('../test/fixtures/plan-text/xingtai-sei-action-plan-2018-2020.txt', import.meta.url), 'utf8');
const reference = loadPlanParseReference();
let t = performance.now();
const segmenter = loadSegmenter();
const jiebaLoad = performance.now() - t;

function measure(fn: () => unknown): { p50: number; p95: number } {
  for (let i = 0; i < 10; i++) fn();
  const ms: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    t = performance.now();
    fn();
    ms.push(performance.now() - t);
  }
  return { p50: percentile(ms, 50), p95: percentile(ms, 95) };
}

const split = measure(() => text.split('\n').map((l) => l.trim()).filter(Boolean));
const regex = measure(() => [...text.matchAll(/(\d+(?:\.\d+)?)(亿元|%|家|个)/g)].length);
const patterns = measure(() => parsePlanText(text, { reference }));
const withJieba = measure(() => parsePlanText(text, { reference, segmenter }));
const draft = measure(() => toPlanFile(parsePlanText(text, { reference, segmenter }), { fallbackYear: 2026, reference }));

const f = (x: number) => `${x.toFixed(2)} ms`;
console.log(`seed ${text.length} chars, ${RUNS} runs each (jieba dictionary load once: ${jiebaLoad.toFixed(0)} ms, not counted)`);
console.log(`baseline line split      p50 ${f(split.p50)}  p95 ${f(split.p95)}`);
console.log(`baseline one regex pass  p50 ${f(regex.p50)}  p95 ${f(regex.p95)}`);
for (const [name, m] of [['parse (patterns only)', patterns], ['parse (with jieba)', withJieba], ['parse + draft plan file', draft]] as const) {
  console.log(`${name.padEnd(24)} p50 ${f(m.p50)}  p95 ${f(m.p95)}  = ${(m.p50 / split.p50).toFixed(0)}× line split, ${(m.p50 / regex.p50).toFixed(1)}× one regex pass  ${m.p95 < 100 ? 'OK < 100 ms' : 'OVER 100 ms'}`);
}
