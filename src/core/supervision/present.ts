// Stored node → the API's SupervisionNode (links named from the plan's targets and the project register).
import { AppError } from '../app-error';
import type { Deps } from '../ports';
import type { SupervisionNode } from '../../shared/supervision';
import type { StoredNode } from './ports';

export type LinkNamer = (n: StoredNode) => SupervisionNode['links'];

export async function linkNamer(deps: Deps, planId: string): Promise<LinkNamer> {
  const targets = new Map(((await deps.store.targets.ofPlan(planId))?.targets ?? []).map((t) => [t.id, t]));
  const projects = new Map((await deps.store.registries.projects.list()).map((p) => [p.id, p]));
  return (n) => ({
    targets: n.links.filter((l) => l.kind === 'target').map((l) => ({ id: l.refId, code: targets.get(l.refId)?.code ?? '', name: targets.get(l.refId)?.name ?? '' })),
    projects: n.links.filter((l) => l.kind === 'project').map((l) => ({ id: l.refId, name: projects.get(l.refId)?.name ?? '' })),
  });
}

export function presentNode(n: StoredNode, childCount: number, links: SupervisionNode['links']): SupervisionNode {
  const org = (u: StoredNode['units'][number]) => ({ id: u.id, code: u.code, name: u.name });
  const lead = n.units.find((u) => u.role === 'lead');
  return {
    id: n.id, planId: n.planId, parentId: n.parentId, kind: n.kind, code: n.code, title: n.title, content: n.content, sourceTaskCode: n.sourceTaskCode,
    lead: lead ? org(lead) : null, responsible: n.units.filter((u) => u.role === 'responsible').map(org), counties: n.units.filter((u) => u.role === 'county').map(org),
    startOn: n.startOn, dueOn: n.dueOn, proposed: n.proposed, reportingCycle: n.reportingCycle, reportDeadlineDay: n.reportDeadlineDay, weight: n.weight,
    links, percentDone: n.percentDone, status: n.status, assignment: n.assignment,
    light: { ...n.light, asOf: n.lightAsOf, missedReports: n.missedReports, reportedThisPeriod: n.reportedThisPeriod },
    childCount, demo: n.demo, rowVersion: n.rowVersion, updatedAt: n.updatedAt,
  };
}

/** The plan to work on: the one named, else the default plan. */
export async function planIdOf(deps: Deps, planId: string | undefined): Promise<string> {
  const id = planId ?? (await deps.store.plans.defaultId());
  if (!id) throw new AppError('NOT_FOUND', { zh: '没有默认行动计划', en: 'no default plan' });
  return id;
}
