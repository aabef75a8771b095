// Uploads the evidence file (佐证材料: the recognition document) of an innovation platform. The file
// is kept with the record; the record's evidenceFile names it. Same scope as editing the platform.
import { newId } from '../ids';
import { AppError, notFound } from '../app-error';
import { authorize, type Actor } from '../policy';
import type { Deps } from '../ports';
import { REGISTRY_INFO } from './registry-kinds';

export const MAX_EVIDENCE_BYTES = 10 * 1024 * 1024;

export interface EvidenceUpload {
  fileName: string;
  contentType: string;
  contentBase64: string;
  size: number;
  sha256: string;
}

export async function attachPlatformEvidence(deps: Deps, actor: Actor | null, platformId: string, file: EvidenceUpload, now: Date): Promise<{ fileName: string; size: number }> {
  const info = REGISTRY_INFO.platform;
  if (actor) authorize(actor, 'update', info.resource);
  const fileName = [...file.fileName].map((ch) => (ch.charCodeAt(0) < 32 || '\\/:*?"<>|'.includes(ch) ? '_' : ch)).join('').trim().slice(0, 200);
  if (!fileName) throw new AppError('VALIDATION', { zh: '请提供文件名', en: 'the file needs a name' }, [{ path: 'fileName', message: 'required' }]);
  if (file.size === 0 || file.size > MAX_EVIDENCE_BYTES) {
    throw new AppError('VALIDATION', { zh: '佐证材料须为 1 字节至 10 MB 的文件', en: 'evidence files must be between 1 byte and 10 MB' }, [{ path: 'file', message: `size ${file.size}` }]);
  }
  return deps.store.transaction(async (tx) => {
    const platform = await tx.registries.platforms.get(platformId);
    if (!platform) throw notFound(info.label, platformId);
    if (actor) authorize(actor, 'update', info.resource, platform.countyOrgId);
    const at = now.toISOString();
    await tx.registries.evidence.attach('platform', platformId, { ...file, fileName, uploadedBy: actor?.username ?? 'cli', uploadedAt: at }, newId(now.getTime()));
    await tx.audit.write({
      actorId: actor?.userId ?? null, actorName: actor?.username ?? 'cli', action: 'attach-evidence', entity: 'platform', entityId: platformId,
      before: { evidenceFile: platform.evidenceFile }, after: { evidenceFile: fileName, size: file.size, sha256: file.sha256 },
    });
    return { fileName, size: file.size };
  });
}
