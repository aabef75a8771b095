// What a registry record says on a date: a platform's level and whether it counts, a park's count,
// a project's lights and investment to date.
import type { Park, Platform, Project, RegistryKind } from '../../shared/registries';
import type { RegistryKindMap, StoredPark, StoredPlatform, StoredProject } from './ports';
import { parkCountsOn, platformCountsOn, platformLevelOn } from './count-registries';
import { explainProjectLights } from './explain-project-lights';
import { projectLights } from './project-lights';

export interface DecoratedMap {
  platform: Platform;
  park: Park;
  project: Project;
}

const strip = <T extends { countyOrgId: string | null }>({ countyOrgId: _c, ...rest }: T) => rest;

export function decoratePlatform(p: StoredPlatform, asOf: string): Platform {
  return { ...strip(p), levelAsOf: platformLevelOn(p, asOf), countsAsOf: platformCountsOn(p, asOf) };
}

export function decoratePark(p: StoredPark, asOf: string): Park {
  return { ...strip(p), countsAsOf: parkCountsOn(p, asOf) };
}

export function decorateProject(p: StoredProject, asOf: string): Project {
  const month = asOf.slice(0, 4) + asOf.slice(5, 7);
  const investmentToDate = p.investments.filter((i) => i.period <= month).reduce((s, i) => s + i.amount, 0);
  // Funds the leading group approved for the project count in its funds light beside its own fund rows.
  const withReview = p.reviewFunds ? { ...p, funds: [...p.funds, ...p.reviewFunds.rows] } : p;
  const lights = projectLights(withReview, asOf);
  return { ...strip(p), investmentToDate, lights: { ...lights, reasons: explainProjectLights(withReview, lights, asOf) } };
}

export function decorate<K extends RegistryKind>(kind: K, record: RegistryKindMap[K]['stored'], asOf: string): DecoratedMap[K] {
  const fns: { [k in RegistryKind]: (r: RegistryKindMap[k]['stored'], d: string) => DecoratedMap[k] } = {
    platform: decoratePlatform,
    park: decoratePark,
    project: decorateProject,
  };
  return fns[kind](record, asOf);
}
