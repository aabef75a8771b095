// Shared helpers for proper names: cut the words in front of a name (推进/加快/依托 …) so that
// "大力推进普利斯邢台科技有限公司" gives "普利斯邢台科技有限公司".

export const LEAD_WORDS = [
  '大力推进', '加快推进', '重点推进', '积极推进', '加快建设', '重点建设', '着力打造', '着重打造', '打造成为', '打造成',
  '推进', '加快', '依托', '依靠', '支持', '重点', '大力', '积极', '引进', '扶持', '培育', '鼓励', '推动', '发挥', '实施',
  '建设', '打造', '建成', '共建', '筹建', '谋划', '形成', '构建', '成为', '开展', '联合', '通过', '围绕', '促进', '实现',
  '提升', '完善', '发展', '调整', '提交', '对接', '加强', '以', '将', '把', '在', '由', '对', '与', '和', '及', '或', '向', '从',
];
const LEAD_RE = new RegExp(`(?:${LEAD_WORDS.join('|')})`, 'g');

/** The run of name characters ending at `end` (no punctuation), at most `max` long. */
export function runBefore(text: string, end: number, max = 30): { run: string; start: number } {
  let i = end;
  while (i > 0 && end - i < max && /[\u3400-\u9fffA-Za-z0-9]/.test(text[i - 1])) i--;
  return { run: text.slice(i, end), start: i };
}

/** Cuts everything up to the last lead word; `keep` words (e.g. 与 inside 技术与系统) are not cut at. */
export function cutLead(run: string, keep: string[] = []): string {
  let cut = 0;
  LEAD_RE.lastIndex = 0;
  for (let m = LEAD_RE.exec(run); m; m = LEAD_RE.exec(run)) {
    if (keep.includes(m[0])) continue;
    if (m.index + m[0].length < run.length) cut = m.index + m[0].length;
  }
  return run.slice(cut);
}

export const GENERIC_START = /^(?:一批|一大批|各类|各级|各|优质|优势|重点|特色|现代|创新型|省级|国家级|国家和省级|市级|专业|大型|骨干|龙头|相关|有关|全市|我市|本市|其他|新型|重大|示范|产业)/;
