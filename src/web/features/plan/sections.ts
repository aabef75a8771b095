// Helpers over the plan's outline tree (PlanSection[]).
import type { PlanSection } from '../../../shared/plan';

export interface FlatSection {
  section: PlanSection;
  /** The section's position written the plan's way: "二（九）", "一（二）4". */
  fullNumber: string;
  depth: number;
}

const trimNumber = (n: string): string => n.replace(/[、.．]\s*$/, '');

/** Depth-first, in outline order. */
export function flattenSections(sections: PlanSection[]): FlatSection[] {
  const out: FlatSection[] = [];
  const walk = (list: PlanSection[], prefix: string, depth: number) => {
    for (const section of list) {
      const fullNumber = section.number === section.title ? section.title : `${prefix}${trimNumber(section.number)}`;
      out.push({ section, fullNumber, depth });
      walk(section.children, fullNumber, depth + 1);
    }
  };
  walk(sections, '', 0);
  return out;
}

/** "一、总体要求", "（一）指导思想", "1. 重点突破，示范引领"; a section numbered by its title shows once. */
export function sectionHeading(section: Pick<PlanSection, 'number' | 'title'>): string {
  if (section.number === section.title) return section.title;
  return /[.．]$/.test(section.number) ? `${section.number} ${section.title}` : `${section.number}${section.title}`;
}

export function sectionsByKey(sections: PlanSection[]): Map<string, FlatSection> {
  return new Map(flattenSections(sections).map((f) => [f.section.key, f]));
}
