// Reads the reference files shipped in the repository (reference/, plans/). Nothing outside the
// repository is read at run time.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseCsv } from 'csv-parse/sync';
import { parse as parseYaml } from 'yaml';

/**
 * The repository: the nearest folder above this module that holds package.json. Found, not counted in
 * `../`: the module runs from src/db/seed under tsx and from dist/cli in the CLI's bundle.
 */
function repoRoot(): string {
  const self = fileURLToPath(import.meta.url);
  for (let dir = dirname(self); ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir + sep;
    if (dirname(dir) === dir) throw new Error(`package.json not found above ${self}`);
  }
}

export const REPO_ROOT = repoRoot();
export const referencePath = (name: string): string => join(REPO_ROOT, 'reference', name);
export const planPath = (name: string): string => join(REPO_ROOT, 'plans', name);
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
