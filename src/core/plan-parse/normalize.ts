// Cleans real-world plan text (Word, PDF, web pages) into paragraphs: width-normalised digits and letters,
// page-number lines, web-page noise and repeated running titles dropped (and reported), hard line breaks
// inside sentences joined. Every later offset refers to the paragraphs joined with "\n".
import type { Unplaced } from '../../shared/plan-parse';
import { headingOf } from './headings';

export interface Paragraph {
  text: string;
  start: number;
  /** 1-based input line of its first line. */
  line: number;
}

export interface Normalized {
  text: string;
  paragraphs: Paragraph[];
  dropped: Unplaced[];
  lines: number;
  /** A title-like first line (… 行动计划 / 实施方案 / 规划), if the text starts with one. */
  titleLine: string | null;
}

const PAGE_NUMBER = [
  /^[-—－–~～_\s]*(?:第\s*)?\d{1,4}\s*(?:页)?[-—－–~～_\s]*$/,
  /^第\s*\d+\s*页\s*[,，]?\s*共\s*\d+\s*页$/,
  /^\d{1,4}\s*\/\s*\d{1,4}$/,
  /^-\s*\d+\s*-$/,
];
const WEB_NOISE =
  /^(?:首页|当前位置|您的位置|您现在的位置|打印本页|关闭窗口|【?打印】?|【?关闭】?|分享到|【?字体|字号[:：]|来源[:：]|信息来源|发布时间|发布日期|浏览次数|点击数|阅读次数|访问量|责任编辑|扫一扫|相关链接|相关文件|上一篇|下一篇|附件下载|主办单位|承办单位|版权所有|网站地图|网站标识码|联系我们|[京冀津沪粤]ICP|ICP备|Copyright|©|\[\s*打印|\[\s*关闭|【\s*大\s*中\s*小|索引号|主题分类|公开方式|公开范围|文章来源|视力保护色|收藏本页|返回顶部)/i;
const TITLE_WORDS = /(?:计划|方案|规划|意见|纲要|通知|办法|措施)(?:[（(][^）)]{0,20}[）)])?$/;
const TERMINAL = /[。！？；：…”」』）)!?;:]$/;

/** Full-width ASCII (digits, letters, ％, ．, －) to half-width, so numbers parse; Chinese punctuation stays. */
export function widthNormalize(s: string): string {
  return s.replace(/[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A\uFF05\uFF0E\uFF0B\uFF1C\uFF1D\uFF1E]/g, (c) =>
    String.fromCharCode(c.charCodeAt(0) - 0xfee0),
  );
}

function cleanLine(raw: string): string {
  return widthNormalize(raw)
    .replace(/[\u200B-\u200D\uFEFF\u00AD]/g, '')
    .replace(/[\t\u00A0\u3000\u2002\u2003\u2009 ]+/g, ' ')
    .trim();
}

const isCjk = (c: string | undefined) => !!c && /[\u3400-\u9fff]/.test(c);

export function normalize(raw: string): Normalized {
  const input = raw.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const rawLines = input.split('\n');
  const dropped: Unplaced[] = [];
  const cleaned = rawLines.map(cleanLine);

  // Running page headers: a short line without sentence punctuation that comes back three times or more.
  const counts = new Map<string, number>();
  for (const l of cleaned) if (l && l.length <= 40 && !TERMINAL.test(l)) counts.set(l, (counts.get(l) ?? 0) + 1);

  let titleLine: string | null = null;
  const kept: { text: string; line: number; blankBefore: boolean }[] = [];
  let blank = false;
  cleaned.forEach((l, i) => {
    const line = i + 1;
    if (!l) {
      blank = true;
      return;
    }
    if (l.length <= 16 && PAGE_NUMBER.some((re) => re.test(l))) {
      dropped.push({ text: l, reason: '页码 / page number', line });
      return;
    }
    if (WEB_NOISE.test(l) && l.length <= 80) {
      dropped.push({ text: l, reason: '网页杂项 / web-page noise', line });
      return;
    }
    if (!titleLine && !kept.length && l.length <= 80 && TITLE_WORDS.test(l) && !headingOf(l)) {
      titleLine = l;
    } else if (titleLine && kept.length && l === titleLine) {
      dropped.push({ text: l, reason: '重复标题 / repeated title', line });
      return;
    } else if ((counts.get(l) ?? 0) >= 3 && !headingOf(l)) {
      dropped.push({ text: l, reason: '重复页眉 / repeated running header', line });
      return;
    }
    kept.push({ text: l, line, blankBefore: blank });
    blank = false;
  });

  // Join hard line breaks: a line continues the paragraph when the paragraph has not ended a sentence,
  // neither is a heading, and (across a blank line) the previous line was long enough to be a wrapped one.
  const paras: { text: string; line: number; lastLen: number; heading: boolean }[] = [];
  for (const k of kept) {
    const prev = paras[paras.length - 1];
    const heading = !!headingOf(k.text) || k.text === titleLine;
    const join =
      prev &&
      !heading &&
      !prev.heading &&
      !TERMINAL.test(prev.text) &&
      (!k.blankBefore || prev.lastLen >= 15);
    if (join) {
      const sep = !isCjk(prev.text.at(-1)) && !isCjk(k.text[0]) && /\w$/.test(prev.text) && /^\w/.test(k.text) ? ' ' : '';
      prev.text += sep + k.text;
      prev.lastLen = k.text.length;
    } else {
      paras.push({ text: k.text, line: k.line, lastLen: k.text.length, heading });
    }
  }

  const paragraphs: Paragraph[] = [];
  let offset = 0;
  for (const p of paras) {
    paragraphs.push({ text: p.text, start: offset, line: p.line });
    offset += p.text.length + 1;
  }
  return { text: paragraphs.map((p) => p.text).join('\n'), paragraphs, dropped, lines: rawLines.length, titleLine };
}
