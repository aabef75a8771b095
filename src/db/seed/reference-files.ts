// Reads the reference files shipped in the repository (reference/, plans/). Nothing outside the
// repository is read at run time.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse as parseCsv } from 'csv-parse/sync';
import { parse as parseYaml } from 'yaml';

export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const referencePath = (name: string): string => fileURLToPath(new URL(`../../../reference/${name}`, import.meta.url));
export const planPath = (name: string): string => fileURLToPath(new URL(`../../../plans/${name}`, import.meta.url));
export const DEFAULT_PLAN_FILE = planPath('xingtai-sei-2018-2020.yaml');

export function readCsv(name: string): Record<string, string>[] {
  return parseCsv(readFileSync(referencePath(name), 'utf8'), { columns: true, skip_empty_lines: true, bom: true });
}

export function readYaml(path: string): unknown {
  return parseYaml(readFileSync(path, 'utf8'));
}

export interface DivisionRow {
  code_2018: string;
  name_2018: string;
  type_2018: string;
  status_after_2020_06: string;
  code_2020: string;
  name_2020: string;
  notes: string;
}

export interface IndustryNode {
  code: string;
  name: string;
  level: number;
  children: IndustryNode[];
}

export function readIndustryTree(): IndustryNode {
  return JSON.parse(readFileSync(referencePath('gbt4754-2017.json'), 'utf8')) as IndustryNode;
}

export interface OrganizationsFile {
  city: { code: string; name: string; nameEn: string };
  leadingGroup: { code: string; name: string; nameEn: string };
  departments: { code: string; name: string; fullName: string; nameEn: string; lead?: boolean }[];
}

export function readOrganizationsFile(): OrganizationsFile {
  return readYaml(referencePath('organizations.yaml')) as OrganizationsFile;
}
