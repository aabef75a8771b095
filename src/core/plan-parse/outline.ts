// Builds the section tree from paragraphs. A heading style met for the first time becomes a child of the
// current item; a style already on the stack closes everything below it (so 7., 8. after a page break
// stay siblings of 6. with their numbers as written).
import type { ParsedSection } from '../../shared/plan-parse';
import { headingOf, splitTitle, type HeadingStyle } from './headings';
import type { Paragraph } from './normalize';

interface Open {
  style: HeadingStyle;
  section: ParsedSection;
  bodies: string[];
}

export function buildOutline(paragraphs: Paragraph[], titleLine: string | null): ParsedSection[] {
  const roots: ParsedSection[] = [];
  const preamble: string[] = [];
  let preambleStart = -1;
  const stack: Open[] = [];
  const all: Open[] = [];

  for (const p of paragraphs) {
    if (titleLine && p.text === titleLine && !stack.length && !preamble.length) continue;
    const h = headingOf(p.text);
    if (!h) {
      if (stack.length) stack[stack.length - 1].bodies.push(p.text);
      else {
        if (preambleStart < 0) preambleStart = p.start;
        preamble.push(p.text);
      }
      continue;
    }
    const at = stack.findIndex((o) => o.style === h.style);
    if (at >= 0) stack.length = at;
    const parent = stack[stack.length - 1];
    const siblings = parent ? parent.section.children : roots;
    const { title, body } = splitTitle(h.rest);
    const key = parent ? `${parent.section.key}.${siblings.length + 1}` : `${siblings.length + 1}`;
    const section: ParsedSection = { key, number: h.number, title: title || h.number, body: '', start: p.start, children: [] };
    siblings.push(section);
    const open: Open = { style: h.style, section, bodies: body ? [body] : [] };
    stack.push(open);
    all.push(open);
  }
  for (const o of all) o.section.body = o.bodies.join('\n\n');
  if (preamble.length) {
    roots.unshift({ key: '0', number: '前言', title: '前言', body: preamble.join('\n\n'), start: preambleStart, children: [] });
  }
  return roots;
}

export function flatten(sections: ParsedSection[]): ParsedSection[] {
  return sections.flatMap((s) => [s, ...flatten(s.children)]);
}

/** For each paragraph start offset, the key of the section it belongs to (headings included). */
export function sectionLocator(sections: ParsedSection[]): (offset: number) => string {
  const starts = flatten(sections)
    .map((s) => ({ start: s.start, key: s.key }))
    .sort((a, b) => a.start - b.start);
  return (offset: number) => {
    let key = starts[0]?.key ?? '0';
    for (const s of starts) {
      if (s.start <= offset) key = s.key;
      else break;
    }
    return key;
  };
}
