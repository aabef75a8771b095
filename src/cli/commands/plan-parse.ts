// sei plan parse FILE [--json] [--plan-file OUT.yaml] [--code CODE] — same as POST /api/plans/parse.
// Reads UTF-8 or GBK text, .docx or .pdf; prints the draft, or writes it as a plan file for `sei plan import`.
import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { stringify } from 'yaml';
import { parseToDraft } from '../../core/plan-parse/parse-to-draft';
import type { ParsedPlan } from '../../shared/plan-parse';
import { loadPlanParseReference, loadSegmenter } from '../../files/plan-parse-reference';
import { PlanFileReadError, readPlanText } from '../../files/plan-text-file';
import { readInputFile, UsageError } from '../output';

/** The JSON contract of `--json` and the API: everything but the offsets used for highlighting. */
export function parsedJson(p: ParsedPlan) {
  const strip = (s: ParsedPlan['sections']): unknown[] => s.map((x) => ({ key: x.key, number: x.number, title: x.title, body: x.body, children: strip(x.children) }));
  const ent = (l: ParsedPlan['entities']['counties']) => l.map((e) => ({ name: e.name, aliases: e.aliases, sectionPaths: e.sectionPaths, ...(e.code ? { code: e.code } : {}), ...(e.countyCode ? { countyCode: e.countyCode } : {}) }));
  return {
    metadata: p.metadata,
    sections: strip(p.sections),
    targets: p.targets.map(({ start: _s, end: _e, ...t }) => t),
    actuals: p.actuals.map(({ start: _s, end: _e, ...t }) => t),
    industries: p.industries,
    entities: Object.fromEntries(Object.entries(p.entities).map(([k, v]) => [k, ent(v)])),
    responsibilities: p.responsibilities.map(({ start: _s, end: _e, ...r }) => r),
    unplaced: p.unplaced,
    stats: p.stats,
  };
}

function formatText(p: ParsedPlan, left: string[]): string {
  const out: string[] = [];
  const m = p.metadata;
  out.push(`标题 Title: ${m.title ?? '（未识别 not found）'}${m.titleSource === 'inferred' ? '  [推断 inferred]' : ''}`);
  out.push(`发布 Issuer: ${m.issuer ?? '—'}   计划期 Period: ${m.periodStart ?? '?'}–${m.periodEnd ?? '?'}`);
  for (const b of m.basis) out.push(`依据 Basis: ${b}`);
  out.push('', '章节 Outline:');
  const walk = (l: ParsedPlan['sections'], d: number) => l.forEach((s) => { out.push(`${'  '.repeat(d + 1)}${s.key}  ${s.number}${s.title}`); walk(s.children, d + 1); });
  walk(p.sections, 0);
  out.push('', `目标 Targets (${p.targets.length}):`);
  for (const t of p.targets) out.push(`  [${t.sectionPath}] ${t.indicator}  ${t.comparator} ${t.value ?? '（空 blank）'}${t.valueMax != null ? `–${t.valueMax}` : ''} ${t.unit}  ${t.year ?? '年份? year?'}`);
  if (p.actuals.length) out.push('', `基期实际值 Actuals (${p.actuals.length}):`, ...p.actuals.map((a) => `  [${a.sectionPath}] ${a.indicator} = ${a.value} ${a.unit} (${a.year ?? '?'})`));
  out.push('', `重点领域 Industries: ${p.industries.map((i) => `${i.name}→${i.sectionPath}`).join('、') || '—'}`);
  const label: Record<string, string> = { counties: '县市区 Counties', enterprises: '企业 Enterprises', institutions: '院所 Institutions', parks: '园区基地 Parks', projects: '项目 Projects', departments: '部门 Departments' };
  for (const [k, v] of Object.entries(p.entities)) out.push(`${label[k]} (${v.length}): ${v.map((e: { name: string }) => e.name).join('、') || '—'}`);
  if (p.responsibilities.length) out.push('', '责任分工 Responsibilities:', ...p.responsibilities.map((r) => `  [${r.sectionPath}] 牵头 ${r.lead.join('、') || '—'}；配合 ${r.cooperating.join('、') || '—'}；责任 ${r.responsible.join('、') || '—'}${r.deadline ? `；时限 ${r.deadline.text}` : ''}`));
  if (p.unplaced.length) out.push('', `未归位 Unplaced (${p.unplaced.length}):`, ...p.unplaced.map((u) => `  ${u.line ? `line ${u.line}: ` : ''}${u.reason}${u.text ? `  「${u.text.slice(0, 40)}」` : ''}`));
  if (left.length) out.push('', '草稿未收录 Left out of the draft:', ...left.map((l) => `  ${l}`));
  out.push('', `用时 ${p.stats.ms ?? '?'} ms`);
  return out.join('\n');
}

export function registerPlanParse(program: Command): void {
  const plan = program.commands.find((c) => c.name() === 'plan') ?? program.command('plan');
  plan
    .command('parse <file>')
    .description('解析计划文本为计划草稿（.txt UTF-8/GBK、.docx、.pdf）/ parse plan text into a draft plan')
    .option('--json', '以 JSON 输出 / print JSON')
    .option('--plan-file <out>', '写出计划文件草稿（YAML），可用 sei plan import 载入 / write a draft plan file for sei plan import')
    .option('--code <code>', '草稿计划代码 / code of the draft plan (a-z, 0-9, -)')
    .action(async (file: string, o: { json?: boolean; planFile?: string; code?: string }) => {
      if (o.code && !/^[a-z0-9-]+$/.test(o.code)) throw new UsageError(`--code 只能含小写字母、数字和短横线：${o.code} / --code must be a-z, 0-9 and -`);
      const bytes = readInputFile(file);
      let text: string;
      try {
        text = (await readPlanText(bytes, file)).text;
      } catch (err) {
        if (err instanceof PlanFileReadError) throw new UsageError(err.message);
        throw new UsageError(`无法读取文件内容 / cannot read the file ${file}: ${err instanceof Error ? err.message : String(err)}`);
      }
      const draft = parseToDraft({ reference: loadPlanParseReference(), segmenter: loadSegmenter() }, null, text, { code: o.code, now: new Date() });
      if (o.planFile) {
        const header = `# 计划文件草稿 Draft plan file parsed from ${file} by \`sei plan parse\`; review, then \`sei plan import ${o.planFile}\`.\n`;
        writeFileSync(o.planFile, header + stringify(draft.planFile, { lineWidth: 0 }));
        if (!o.json) {
          const f = draft.planFile;
          console.log(`已写出 Wrote ${o.planFile}: ${f.sections.length} 章 sections, ${f.targets.length} 目标 targets, ${f.industries.length} 领域 industries, ${f.tasks.length} 任务 tasks, ${f.entities.length} 实体 entities`);
          for (const l of draft.left) console.log(`  ${l}`);
        }
      }
      if (o.json) console.log(JSON.stringify({ ...parsedJson(draft.parsed), left: draft.left }, null, 2));
      else if (!o.planFile) console.log(formatText(draft.parsed, draft.left));
    });
}
