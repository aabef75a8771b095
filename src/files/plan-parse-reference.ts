// The data the plan parser needs, read from reference/ (divisions, departments) and the jieba segmenter
// with a domain dictionary. Core gets both passed in; it reads no files and loads no native module.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { parse as parseCsv } from 'csv-parse/sync';
import { parse as parseYaml } from 'yaml';
import type { PlanParseReference, Segmenter } from '../core/plan-parse/ports';
import { referencePath as ref } from '../db/seed/reference-files';

let cached: PlanParseReference | null = null;

export function loadPlanParseReference(): PlanParseReference {
  if (cached) return cached;
  const rows = parseCsv(readFileSync(ref('xingtai_divisions.csv'), 'utf8'), { columns: true, skip_empty_lines: true, bom: true }) as Record<string, string>[];
  const orgs = parseYaml(readFileSync(ref('organizations.yaml'), 'utf8')) as {
    city: { code: string; name: string };
    leadingGroup: { code: string; name: string };
    departments: { code: string; name: string; fullName: string }[];
  };
  const divisions = rows.map((r) => {
    const aliases: string[] = [];
    // 2020 names (襄都区, 任泽区 …) are the same places; the functional area is written 开发区 in plans
    if (r.name_2020 && r.name_2020 !== r.name_2018) aliases.push(r.name_2020);
    if (/经济开发区$/.test(r.name_2018)) aliases.push(r.name_2018.replace(/^河北/, ''), '开发区');
    return { code: r.code_2018, name: r.name_2018, aliases };
  });
  cached = {
    divisions,
    city: orgs.city,
    departments: [...orgs.departments, { code: orgs.leadingGroup.code, name: orgs.leadingGroup.name }],
    knownEnterprises: [],
  };
  return cached;
}

// Words of the genre jieba's general dictionary splits wrongly; tagged so names stop at the verbs.
const DOMAIN_WORDS = ['龙头企业 n', '骨干企业 n', '产业基地 n', '示范基地 n', '产业园区 n', '集聚区 n', '牵头单位 n', '配合单位 n', '责任单位 n', '孵化器 n', '智能网联 n', '新能源汽车 n'];

let segmenter: Segmenter | null | undefined;

/** jieba with its dictionary plus the domain words; null when the native module cannot load here. */
export function loadSegmenter(): Segmenter | null {
  if (segmenter !== undefined) return segmenter;
  try {
    const require = createRequire(import.meta.url);
    const { Jieba } = require('@node-rs/jieba') as typeof import('@node-rs/jieba');
    const { dict } = require('@node-rs/jieba/dict.js') as { dict: Uint8Array };
    const jieba = Jieba.withDict(dict);
    jieba.loadDict(Buffer.from(DOMAIN_WORDS.map((w) => w.replace(' ', ' 100000 ')).join('\n') + '\n'));
    segmenter = { tag: (text: string) => jieba.tag(text, true).map((w) => ({ word: w.word, tag: w.tag })) };
  } catch {
    segmenter = null;
  }
  return segmenter;
}
