// The three registries behind one set of use-cases: their policy resource, schema and names.
import { ParkInputSchema, PlatformInputSchema, ProjectInputSchema, type RegistryKind } from '../../shared/registries';
import type { ErrorIssue } from '../../shared/errors';
import type { Resource } from '../../shared/roles';
import type { Store } from '../ports';
import type { KnownCodes, RegistryKindMap, RegistryRepo } from './ports';

export const REGISTRY_INFO = {
  platform: { resource: 'platform', schema: PlatformInputSchema, label: { zh: '创新平台', en: 'innovation platform' } },
  park: { resource: 'park', schema: ParkInputSchema, label: { zh: '园区基地', en: 'park' } },
  project: { resource: 'project', schema: ProjectInputSchema, label: { zh: '重大项目', en: 'project' } },
} as const satisfies Record<RegistryKind, { resource: Resource; schema: unknown; label: { zh: string; en: string } }>;

export type RepoOf<K extends RegistryKind> = RegistryRepo<RegistryKindMap[K]['input'], RegistryKindMap[K]['stored']>;

export function repoOf<K extends RegistryKind>(store: Store, kind: K): RepoOf<K> {
  const repos: { [k in RegistryKind]: RepoOf<k> } = {
    platform: store.registries.platforms,
    park: store.registries.parks,
    project: store.registries.projects,
  };
  return repos[kind];
}

type Refs = { countyCode: string | null; industryCode?: string | null; leadIndustries?: string[]; taskCode?: string | null };

/** Checks the codes a record refers to; returns issues (empty when all are known). */
export function checkReferences(input: Refs, known: KnownCodes): ErrorIssue[] {
  const issues: ErrorIssue[] = [];
  const add = (path: string, value: string, zh: string, en: string) => issues.push({ path, field: path, value, message: `${zh} / ${en}` });
  if (input.countyCode && !known.counties.has(input.countyCode)) add('countyCode', input.countyCode, `县市区代码不存在：${input.countyCode}`, `unknown county code ${input.countyCode}`);
  if (input.industryCode && !known.industries.has(input.industryCode)) add('industryCode', input.industryCode, `重点领域不存在：${input.industryCode}`, `unknown industry ${input.industryCode}`);
  input.leadIndustries?.forEach((c, i) => {
    if (!known.industries.has(c)) add(`leadIndustries.${i}`, c, `重点领域不存在：${c}`, `unknown industry ${c}`);
  });
  if (input.taskCode && !known.tasks.has(input.taskCode)) add('taskCode', input.taskCode, `任务编号不存在：${input.taskCode}`, `unknown task code ${input.taskCode}`);
  return issues;
}
