// Quantitative targets: a number with a unit in a clause with a target verb (突破/达到/不低于/控制在 …).
// Comparator from the wording, year from the nearest 到20XX年 / 20XX年前, baseline figures (由2015年的X…,
// 2017年…达到X when 2017 is before the plan period) become actuals, a blank number (有  家) gives null.
import type { Comparator } from '../../shared/plan-file';
import type { ParsedActual, ParsedTarget } from '../../shared/plan-parse';
import type { Paragraph } from './normalize';

const UNITS = [
  '万亿元', '亿美元', '亿元', '万美元', '万元', '个百分点', '百分点', '万千瓦', '千瓦时', '万吨', '万辆', '万台', '万套',
  '万人次', '万人', '万亩', '万平方米', '平方公里', '公里', '兆瓦', '吉瓦', 'GW', 'MW', '万户', '万家', '家', '个', '项',
  '名', '人', '座', '条', '台', '套', '辆', '所', '处', '件', '户', '倍', '亿', '%',
];
const UNIT_RE = UNITS.map((u) => u.replace('%', '%')).join('|');
const NUMBER = `(\\d+(?:\\.\\d+)?)(?:\\s*[-—–~～至]\\s*(\\d+(?:\\.\\d+)?))?\\s*(余|多)?\\s*(${UNIT_RE})(以上|以下|左右|以内|之内)?`;
const VERBS: [RegExp, Comparator, 'increase' | 'decrease'][] = [
  [/(?:突破|超过|高于|大于|超)$/, '>', 'increase'],
  [/(?:不超过|不高于|控制在|以内|压减到|压减至)$/, '<=', 'decrease'],
  [/(?:降低到|降低至|下降到|下降至|降至|减少到|减少至|低于|下降|降低|减少)$/, '<=', 'decrease'],
  [/(?:达到|达|不低于|不少于|增加到|增加至|增长到|增长至|增至|提高到|提高至|提升到|提升至|扩大到|扩大至|新增|新建|新培育|增加|增长|提高|提升|培育|建成|建设|打造|形成|引进|实现|累计|总数|有)$/, '>=', 'increase'],
];
const BLANK = new RegExp(`(达到|达|有|新增|增加到|提高到|提升到|不低于|不少于|突破|超过|控制在)\\s*(?:[_＿□×]+|XX|xx|\\s)\\s*(${UNIT_RE})(以上|以下|左右|以内)?`, 'g');
const YEAR_TARGET = /(?:到|至|力争|争取|预计|确保)?\s*(20\d\d)\s*年(?:底|末)?(前)?/g;
const BASELINE_BEFORE = /(?:由|从|比|较)\s*(20\d\d)\s*年(?:底|末)?(?:的)?\s*$/;
const CLAUSE_LEFT = /[，,：:、]?[^，,：:]*$/;
const STRIP = /^(?:(?:到|至)?\s*20\d\d\s*年(?:底|末)?(?:前)?[，,]?|力争|争取|预计|确保|带动|推动|促进|使|全市|全省|全县|全区|我市|我省|我县|其中|实现|总计|合计|共|再|新|基本)+/;

function sentences(p: Paragraph): { text: string; start: number }[] {
  const out: { text: string; start: number }[] = [];
  const re = /[^。！？；!?;]+[。！？；!?;]?/g;
  for (let m = re.exec(p.text); m; m = re.exec(p.text)) out.push({ text: m[0], start: p.start + m.index });
  return out;
}

function comparatorOf(before: string, prefix: string, suffix: string | undefined, isRange: boolean): { comparator: Comparator; direction: 'increase' | 'decrease'; verb: number } | null {
  let verb = -1;
  let comparator: Comparator = '>=';
  let direction: 'increase' | 'decrease' = 'increase';
  for (let i = before.length; i > 0 && verb < 0; i--) {
    const head = before.slice(0, i);
    for (const [re, c, d] of VERBS) {
      const m = re.exec(head);
      if (m) {
        verb = m.index;
        comparator = c;
        direction = d;
        break;
      }
    }
    if (before.length - i > 24) break;
  }
  if (verb < 0) return null;
  if (/^(?:约|大约|近|接近)/.test(prefix)) comparator = '≈';
  if (suffix === '以上') comparator = '>=';
  if (suffix === '左右') comparator = '≈';
  if (suffix === '以内' || suffix === '之内' || suffix === '以下') {
    comparator = '<=';
    direction = 'decrease';
  }
  if (isRange) comparator = 'range';
  return { comparator, direction, verb };
}

function cleanIndicator(raw: string, previous: string | null): string {
  let s = raw.replace(/\s+/g, '').replace(STRIP, '').replace(/^[，,、的]+/, '');
  s = s.replace(/(?:力争|争取|达到|要|将|要达到|总量|规模)$/, '');
  if (/^占/.test(s) && previous) s = previous + s;
  return s;
}

export interface TargetScan {
  targets: ParsedTarget[];
  actuals: ParsedActual[];
}

export function findTargets(paragraphs: Paragraph[], locate: (offset: number) => string, periodStart: number | null): TargetScan {
  const targets: ParsedTarget[] = [];
  const actuals: ParsedActual[] = [];
  let sectionYear: { key: string; year: number } | null = null;
  for (const p of paragraphs) {
    let paragraphYear: number | null = null;
    for (const s of sentences(p)) {
      const key = locate(s.start);
      if (sectionYear && sectionYear.key !== key) sectionYear = null;
      const hits: { index: number; length: number; value: number | null; max: number | null; unit: string; suffix?: string; prefix: string }[] = [];
      const numRe = new RegExp(NUMBER, 'g');
      for (let m = numRe.exec(s.text); m; m = numRe.exec(s.text)) {
        const prev = s.text[m.index - 1] ?? '';
        if (/[A-Za-z\d.]/.test(prev)) continue; // part of a model name (S10) or a longer figure
        if (m[2] && Number(m[2]) <= Number(m[1])) continue;
        hits.push({ index: m.index, length: m[0].length, value: Number(m[1]), max: m[2] ? Number(m[2]) : null, unit: m[4], suffix: m[5], prefix: s.text.slice(Math.max(0, m.index - 2), m.index) });
      }
      const blankRe = new RegExp(BLANK.source, 'g');
      for (let m = blankRe.exec(s.text); m; m = blankRe.exec(s.text)) {
        const at = m.index + m[1].length;
        hits.push({ index: at, length: m[0].length - m[1].length, value: null, max: null, unit: m[2], suffix: m[3], prefix: '' });
      }
      hits.sort((a, b) => a.index - b.index);
      // years named in this sentence, with their positions (baseline years excluded below)
      const years: { index: number; year: number; baseline: boolean }[] = [];
      for (let m = YEAR_TARGET.exec(s.text); m; m = YEAR_TARGET.exec(s.text)) {
        const before = s.text.slice(0, m.index + m[0].length);
        const baseline = BASELINE_BEFORE.test(before) || /(?:截至|截止)\s*$/.test(s.text.slice(0, m.index));
        years.push({ index: m.index, year: Number(m[1]), baseline });
      }
      YEAR_TARGET.lastIndex = 0;
      let lastIndicator: string | null = null;
      for (const h of hits) {
        const before = s.text.slice(0, h.index);
        const clauseText = CLAUSE_LEFT.exec(before)?.[0] ?? '';
        const clauseStart = h.index - clauseText.length + (/^[，,：:、]/.test(clauseText) ? 1 : 0);
        const lead = s.text.slice(clauseStart, h.index);
        const cmp = comparatorOf(lead.replace(/(?:约|大约|近|接近)\s*$/, '').trimEnd(), h.prefix, h.suffix, h.max != null);
        const end = h.index + h.length;
        const text = s.text.slice(clauseStart, end).trim();
        const yearBefore = years.filter((y) => y.index < h.index);
        const nearest = yearBefore[yearBefore.length - 1];
        const baselineHere = BASELINE_BEFORE.test(before) || (nearest && nearest.baseline && nearest.index >= clauseStart - 12);
        const pastYear = nearest && !nearest.baseline && periodStart != null && nearest.year < periodStart;
        const indicator = cleanIndicator(cmp ? lead.slice(0, cmp.verb) : lead, lastIndicator);
        if (h.value != null && (baselineHere || pastYear)) {
          actuals.push({ text, indicator, value: h.value, unit: h.unit, year: nearest?.year ?? null, sectionPath: key, start: s.start + clauseStart, end: s.start + end });
          continue;
        }
        if (!cmp) continue;
        const targetYears = yearBefore.filter((y) => !y.baseline);
        const year = targetYears.length ? targetYears[targetYears.length - 1].year : paragraphYear ?? sectionYear?.year ?? null;
        targets.push({
          text, indicator: indicator || text, comparator: cmp.comparator, value: h.value, valueMax: h.max, unit: h.unit, year,
          sectionPath: key, direction: cmp.direction, start: s.start + clauseStart, end: s.start + end,
        });
        if (indicator && !/^占/.test(indicator)) lastIndicator = indicator;
      }
      const targetYear = years.filter((y) => !y.baseline && /(?:到|至|力争|争取|前)/.test(s.text.slice(Math.max(0, y.index - 2), y.index + 8)));
      if (targetYear.length) {
        paragraphYear = targetYear[targetYear.length - 1].year;
        sectionYear = { key, year: paragraphYear };
      }
    }
  }
  return { targets, actuals };
}
