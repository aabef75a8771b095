import { notFound } from '../app-error';
import { authorize, type Actor } from '../policy';
import type { Deps } from '../ports';
import type { EvidenceFile } from './ports';

export async function getPlatformEvidence(deps: Deps, actor: Actor | null, platformId: string): Promise<EvidenceFile> {
  if (actor) authorize(actor, 'read', 'platform');
  const file = await deps.store.registries.evidence.latest('platform', platformId);
  if (!file) throw notFound({ zh: '佐证材料', en: 'evidence file' }, platformId);
  return file;
}
