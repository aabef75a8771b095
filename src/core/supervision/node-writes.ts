// Shared checks of node writes: units must be organisations of the right kind, links must exist.
import { AppError } from '../app-error';
import type { Deps } from '../ports';
import type { UnitRole } from '../../shared/supervision';

export async function checkUnits(deps: Deps, input: { leadOrgId?: string | null; responsibleOrgIds?: string[]; countyOrgIds?: string[] }): Promise<{ orgId: string; role: UnitRole }[]> {
  const orgs = new Map((await deps.store.orgs.list()).map((o) => [o.id, o]));
  const issues: { path: string; message: string }[] = [];
  const units: { orgId: string; role: UnitRole }[] = [];
  const add = (id: string, role: UnitRole, path: string) => {
    const o = orgs.get(id);
    if (!o) issues.push({ path, message: `unknown organisation ${id}` });
    else if (role === 'county' && o.kind !== 'county' && o.kind !== 'zone') issues.push({ path, message: `${o.name} is not a county/district/zone` });
    else units.push({ orgId: id, role });
  };
  if (input.leadOrgId) add(input.leadOrgId, 'lead', 'leadOrgId');
  (input.responsibleOrgIds ?? []).forEach((id, i) => add(id, 'responsible', `responsibleOrgIds.${i}`));
  (input.countyOrgIds ?? []).forEach((id, i) => add(id, 'county', `countyOrgIds.${i}`));
  if (issues.length > 0) {
    throw new AppError('VALIDATION', { zh: `单位有误：${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`, en: `Invalid units: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}` }, issues);
  }
  return units;
}

export async function checkLinks(deps: Deps, planId: string, input: { targetIds?: string[]; projectIds?: string[] }): Promise<{ kind: 'target' | 'project'; refId: string }[]> {
  const targets = new Set(((await deps.store.targets.ofPlan(planId))?.targets ?? []).map((t) => t.id));
  const projects = input.projectIds?.length ? new Set((await deps.store.registries.projects.list()).map((p) => p.id)) : new Set<string>();
  const issues: { path: string; message: string }[] = [];
  (input.targetIds ?? []).forEach((id, i) => { if (!targets.has(id)) issues.push({ path: `targetIds.${i}`, message: `unknown target ${id}` }); });
  (input.projectIds ?? []).forEach((id, i) => { if (!projects.has(id)) issues.push({ path: `projectIds.${i}`, message: `unknown project ${id}` }); });
  if (issues.length > 0) throw new AppError('VALIDATION', { zh: `关联有误：${issues.map((i) => i.path).join(', ')}`, en: `Invalid links: ${issues.map((i) => i.path).join(', ')}` }, issues);
  return [...(input.targetIds ?? []).map((refId) => ({ kind: 'target' as const, refId })), ...(input.projectIds ?? []).map((refId) => ({ kind: 'project' as const, refId }))];
}
