// Plan text → draft plan. Pure and synchronous; never throws: a stage that fails leaves its part empty
// and says so in `unplaced`, so a strange document still gives everything the other stages found.
import type { ParsedPlan, ParsedSection, Unplaced } from '../../shared/plan-parse';
import { findEntities } from './entities';
import { findIndustries } from './industries';
import { findMetadata } from './metadata';
import { normalize, type Normalized } from './normalize';
import { buildOutline, flatten, sectionLocator } from './outline';
import type { PlanParseOptions } from './ports';
import { findResponsibilities } from './responsibilities';
import { findTargets } from './targets';

const EMPTY_ENTITIES = { counties: [], enterprises: [], institutions: [], parks: [], projects: [], departments: [] };

export function parsePlanText(input: unknown, opts: PlanParseOptions = {}): ParsedPlan {
  const unplaced: Unplaced[] = [];
  const raw = typeof input === 'string' ? input : '';
  if (typeof input !== 'string') unplaced.push({ text: String(input).slice(0, 80), reason: '输入不是文本 / input is not text' });
  const stage = <T>(name: string, fallback: T, fn: () => T): T => {
    try {
      return fn();
    } catch (err) {
      unplaced.push({ text: name, reason: `解析阶段出错 / stage failed: ${err instanceof Error ? err.message : String(err)}` });
      return fallback;
    }
  };
  const norm: Normalized = stage('normalize', { text: '', paragraphs: [], dropped: [], lines: 0, titleLine: null }, () => normalize(raw));
  unplaced.push(...norm.dropped);
  const sections: ParsedSection[] = stage('outline', [], () => buildOutline(norm.paragraphs, norm.titleLine));
  const locate = stage('locate', () => '0', () => sectionLocator(sections));
  const preamble = sections[0]?.key === '0' ? sections[0].body : '';
  const metadata = stage('metadata', { title: null, titleSource: 'missing' as const, issuer: null, periodStart: null, periodEnd: null, basis: [] }, () =>
    findMetadata(norm.text, norm.titleLine, preamble, opts.reference));
  const { targets, actuals } = stage('targets', { targets: [], actuals: [] }, () => findTargets(norm.paragraphs, locate, metadata.periodStart));
  const entities = stage('entities', EMPTY_ENTITIES, () => findEntities(norm.text, locate, opts.reference, opts.segmenter).entities);
  const industries = stage('industries', [], () => findIndustries(norm.text, sections, locate));
  const responsibilities = stage('responsibilities', [], () => findResponsibilities(norm.text, locate));

  if (!sections.length && norm.text.trim()) unplaced.push({ text: norm.text.slice(0, 80), reason: '未识别出章节编号 / no outline numbering found' });
  if (!flatten(sections).some((s) => s.key !== '0') && sections.length) unplaced.push({ text: sections[0].title, reason: '全文作为前言 / whole text kept as preamble' });
  for (const t of targets) {
    if (t.value == null) unplaced.push({ text: t.text, reason: '目标数值空缺 / target number left blank' });
    if (t.year == null) unplaced.push({ text: t.text, reason: '目标年份不明 / target year not stated' });
  }
  if (!metadata.title) unplaced.push({ text: '', reason: '未识别出标题 / title not found' });
  if (metadata.periodStart == null) unplaced.push({ text: '', reason: '未识别出计划期 / plan period not found' });
  return {
    text: norm.text, metadata, sections, targets, actuals, industries, entities, responsibilities, unplaced,
    stats: { lines: norm.lines, droppedLines: norm.dropped.length },
  };
}
