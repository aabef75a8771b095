// Evidence (佐证材料) for a progress report (its unit, while draft/returned/submitted) or a closure request
// (its unit, while requested). Checked by content: at most 10 MB, PDF/JPEG/PNG/DOC(X)/XLS(X) only.
import { createHashHex } from './hash';
import { newId } from '../ids';
import { AppError, notFound } from '../app-error';
import type { Actor } from '../policy';
import type { Deps } from '../ports';
import { EVIDENCE_MAX_BYTES, type EvidenceRef } from '../../shared/supervision';
import { detectEvidenceType, safeFileName } from './evidence-type';
import type { EvidenceEntity } from './ports';
import { actorId, actorName, authorizeOn, closedTask, readableNode } from './scope';

export async function attachEvidence(deps: Deps, actor: Actor | null, entity: EvidenceEntity, id: string, file: { fileName: string; bytes: Uint8Array }, now: Date): Promise<EvidenceRef> {
  const fileName = safeFileName(file.fileName);
  if (!fileName) throw new AppError('VALIDATION', { zh: '请提供文件名', en: 'the file needs a name' }, [{ path: 'fileName', message: 'required' }]);
  if (file.bytes.length === 0 || file.bytes.length > EVIDENCE_MAX_BYTES) {
    throw new AppError('VALIDATION', { zh: `佐证材料须为 1 字节至 10 MB 的文件（本文件 ${file.bytes.length} 字节）`, en: `evidence files must be between 1 byte and 10 MB (this one is ${file.bytes.length} bytes)` }, [{ path: 'file', message: `size ${file.bytes.length}` }]);
  }
  const kind = detectEvidenceType(file.bytes, fileName);
  if (!kind) {
    throw new AppError('VALIDATION', { zh: `不接受的文件类型：${fileName}（只收 PDF、JPG、PNG、Word、Excel，按文件内容检查）`, en: `file type not accepted: ${fileName} (PDF, JPG, PNG, Word, Excel only, checked by content)` }, [{ path: 'file', message: 'type not allowed' }]);
  }
  return deps.store.transaction(async (tx) => {
    const s = tx.supervision;
    let taskId: string;
    if (entity === 'supervision_report') {
      const r = await s.getReport(id);
      if (!r) throw notFound({ zh: '进展报告', en: 'progress report' }, id);
      if (r.status === 'accepted') throw new AppError('CONFLICT', { zh: '报告已审核通过，不能再加材料', en: 'the report is accepted; no more files' });
      taskId = r.taskId;
    } else {
      const c = await s.getClosure(id);
      if (!c) throw notFound({ zh: '销号申请', en: 'closure request' }, id);
      if (c.status !== 'requested') throw new AppError('CONFLICT', { zh: '销号申请已处理，不能再加材料', en: 'the closure request is decided; no more files' });
      taskId = c.taskId;
    }
    const resource = entity === 'supervision_report' ? 'progress_report' : 'closure';
    const n = await readableNode((x) => s.getNode(x), actor, taskId, resource);
    authorizeOn(actor, entity === 'supervision_report' ? 'update' : 'create', resource, n);
    if (n.status === 'closed') throw closedTask(n);
    const fileId = newId(now.getTime());
    const at = now.toISOString();
    const sha256 = await createHashHex(file.bytes);
    const base64 = btoa(Array.from(file.bytes, (b) => String.fromCharCode(b)).join(''));
    await s.attachEvidence(entity, id, { fileName, contentType: kind.mime, size: file.bytes.length, sha256, contentBase64: base64, uploadedBy: actorName(actor), uploadedAt: at }, fileId);
    await tx.audit.write({ actorId: actorId(actor), actorName: actorName(actor), action: 'attach-evidence', entity, entityId: id, after: { fileId, fileName, type: kind.type, size: file.bytes.length, sha256 } });
    return { id: fileId, fileName, contentType: kind.mime, size: file.bytes.length, sha256, uploadedBy: actorName(actor), uploadedAt: at };
  });
}
