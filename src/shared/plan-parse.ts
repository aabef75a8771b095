// Plan text → draft plan (计划文本解析): what the parser returns, shared by core, CLI, API and web.
import { z } from 'zod';
import type { Comparator } from './plan-file';

export interface ParsedSection {
  /** Outline position, "2.3" = second top-level item, its third child; "0" is the preamble. */
  key: string;
  /** The numbering as written: "一、", "（三）", "7.", "第二章", "前言" for the preamble. */
  number: string;
  title: string;
  body: string;
  /** Character offset of the heading (or of the first body line) in `ParsedPlan.text`. */
  start: number;
  children: ParsedSection[];
}

export interface ParsedTarget {
  /** The clause the target is read from, as written. */
  text: string;
  indicator: string;
  comparator: Comparator;
  /** null when the text leaves the number blank (有  家). */
  value: number | null;
  /** Upper bound for comparator "range" (10-15个). */
  valueMax: number | null;
  unit: string;
  year: number | null;
  sectionPath: string;
  direction: 'increase' | 'decrease';
  /** Offsets of `text` in `ParsedPlan.text` (for highlighting). */
  start: number;
  end: number;
}

/** A figure describing the past (由2015年的X增加至…, 2017年全市…达到X): an actual, never a target. */
export interface ParsedActual {
  text: string;
  indicator: string;
  value: number;
  unit: string;
  year: number | null;
  sectionPath: string;
  start: number;
  end: number;
}

export interface ParsedEntity {
  name: string;
  /** Other spellings seen in the text (宁晋县 for 宁晋). */
  aliases: string[];
  sectionPaths: string[];
  /** Division code for counties; organisation code for departments matched to the organisation list. */
  code?: string | null;
  /** For parks/projects named with a county (宁晋新能源产业基地): that county's division code. */
  countyCode?: string | null;
  /** Offsets of every mention in `ParsedPlan.text`. */
  spans: [number, number][];
}

export interface ParsedEntities {
  counties: ParsedEntity[];
  enterprises: ParsedEntity[];
  institutions: ParsedEntity[];
  parks: ParsedEntity[];
  projects: ParsedEntity[];
  departments: ParsedEntity[];
}
export type EntityGroup = keyof ParsedEntities;

export interface ParsedResponsibility {
  sectionPath: string;
  /** The parenthetical or sentence as written. */
  text: string;
  lead: string[];
  cooperating: string[];
  responsible: string[];
  /** "2012-10" style: year and month (month null when only a year is given). */
  deadline: { year: number; month: number | null; text: string } | null;
  start: number;
  end: number;
}

export interface ParsedIndustry {
  name: string;
  /** Code of the matching industry in the built-in plans where the name is known (new-energy-grid …). */
  code: string;
  nameEn: string;
  /** NBS 战略性新兴产业分类(2018) codes guessed from the name. */
  seiCategories: string[];
  /** The section whose title names this industry, else the section that lists the industries. */
  sectionPath: string;
}

export interface Unplaced {
  text: string;
  reason: string;
  /** Line number in the input (1-based), when the item is a line. */
  line?: number;
}

export interface ParsedPlan {
  /** The normalised text every offset refers to. */
  text: string;
  metadata: {
    title: string | null;
    /** Where the title came from: a heading line, inferred from the basis document name, or missing. */
    titleSource: 'heading' | 'inferred' | 'missing';
    issuer: string | null;
    periodStart: number | null;
    periodEnd: number | null;
    basis: string[];
  };
  sections: ParsedSection[];
  targets: ParsedTarget[];
  actuals: ParsedActual[];
  industries: ParsedIndustry[];
  entities: ParsedEntities;
  responsibilities: ParsedResponsibility[];
  unplaced: Unplaced[];
  stats: { lines: number; droppedLines: number; ms?: number };
}

/** Body of POST /api/plans/parse as JSON (a file may also be sent raw, see docs/plan-parse.md). */
export const PlanParseRequestSchema = z.object({
  text: z.string().max(2_000_000).optional(),
  fileBase64: z.string().optional(),
  fileName: z.string().optional(),
  /** Code for the draft plan file (lower-case letters, digits, dashes). */
  code: z.string().regex(/^[a-z0-9-]+$/).optional(),
});

/** Answer of POST /api/plans/parse: the parsed plan and the draft plan file built from it. */
export interface PlanParseResponse {
  parsed: ParsedPlan;
  planFile: import('./plan-file').PlanFile;
  /** What the draft plan file could not take (blank numbers, industries without a category). */
  left: string[];
}
