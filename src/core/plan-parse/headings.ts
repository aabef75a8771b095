// The numbering styles of Chinese official documents: 第X章 / 第X节 / 一、 / （一） / 1. / （1） / ①.
// Which level a style takes is decided by the order styles first appear (outline.ts), not fixed here.

export type HeadingStyle = 'chapter' | 'part' | 'cn' | 'pcn' | 'arabic' | 'parabic' | 'circled';

export interface Heading {
  style: HeadingStyle;
  /** The numbering as written, e.g. "（一）", "7.", "第二章". */
  number: string;
  /** The rest of the line after the numbering. */
  rest: string;
}

const CN = '一二三四五六七八九十百零〇两';
const PATTERNS: [HeadingStyle, RegExp][] = [
  ['chapter', new RegExp(`^(第[${CN}\\d]{1,4}章)\\s*`)],
  ['part', new RegExp(`^(第[${CN}\\d]{1,4}节)\\s*`)],
  ['cn', new RegExp(`^([${CN}]{1,3}[、．.])\\s*`)],
  ['pcn', new RegExp(`^([（(][${CN}]{1,3}[）)])\\s*`)],
  // "1." / "1、" / "1．" but not "1.5倍" or "2020年"
  ['arabic', /^(\d{1,2}[.、](?!\d))\s*/],
  ['parabic', /^([（(]\d{1,2}[）)])\s*/],
  ['circled', /^([①-⑳])\s*/],
];

export function headingOf(line: string): Heading | null {
  for (const [style, re] of PATTERNS) {
    const m = re.exec(line);
    if (m && line.length > m[0].length) return { style, number: m[1], rest: line.slice(m[0].length) };
    if (m && (style === 'chapter' || style === 'part')) return { style, number: m[1], rest: '' };
  }
  return null;
}

/** Splits "（一）指导思想。坚持…" into title "指导思想" and body "坚持…"; a long first sentence stays body. */
export function splitTitle(rest: string): { title: string; body: string } {
  const m = /^([^。！？；:：]{1,40}?)[。！？；：:]\s*/.exec(rest);
  if (m) return { title: m[1].trim(), body: rest.slice(m[0].length).trim() };
  if (rest.length <= 60) return { title: rest.replace(/[。.]$/, '').trim(), body: '' };
  const comma = /^([^，,]{2,30})[，,]/.exec(rest);
  return comma ? { title: comma[1], body: rest } : { title: rest.slice(0, 30), body: rest };
}
