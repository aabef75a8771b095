// An evidence file, for whoever may read the report or closure it belongs to.
import { notFound } from '../app-error';
import type { Actor } from '../policy';
import type { Deps } from '../ports';
import { readableNode } from './scope';

export async function getEvidence(deps: Deps, actor: Actor | null, fileId: string): Promise<{ fileName: string; contentType: string; bytes: Uint8Array }> {
  const s = deps.store.supervision;
  const f = await s.getEvidence(fileId);
  const missing = notFound({ zh: '佐证材料', en: 'evidence file' }, fileId);
  if (!f) throw missing;
  const taskId = f.entity === 'supervision_report' ? (await s.getReport(f.entityId))?.taskId : (await s.getClosure(f.entityId))?.taskId;
  if (!taskId) throw missing;
  await readableNode((x) => s.getNode(x), actor, taskId, f.entity === 'supervision_report' ? 'progress_report' : 'closure');
  const bin = atob(f.contentBase64);
  return { fileName: f.fileName, contentType: f.contentType, bytes: Uint8Array.from(bin, (c) => c.charCodeAt(0)) };
}
