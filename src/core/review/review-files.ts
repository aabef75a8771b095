// Attachments of an item (材料, while it is not yet decided: its unit or the coordinator) and the evidence
// of a disbursement (拨付凭证, whoever may record payments on the item). Checked by content as the
// supervision evidence is: 1 byte … 10 MB, PDF/JPEG/PNG/DOC(X)/XLS(X) whose bytes match the name.
import { createHashHex } from '../supervision/hash';
import { detectEvidenceType, safeFileName } from '../supervision/evidence-type';
import { newId } from '../ids';
import { AppError, notFound } from '../app-error';
import { authorize, type Actor } from '../policy';
import type { Deps } from '../ports';
import { EVIDENCE_MAX_BYTES } from '../../shared/supervision';
import type { FileRef } from '../../shared/review';
import type { ReviewFileEntity } from './ports';
import { actorId, actorName, authorizeOnItem, isDecided, loadItem, lockedDecided } from './common';

function checkedFile(file: { fileName: string; bytes: Uint8Array }) {
  const bytes = file.bytes;
  const fileName = safeFileName(file.fileName);
  if (!fileName) throw new AppError('VALIDATION', { zh: '请提供文件名', en: 'the file needs a name' }, [{ path: 'fileName', message: 'required' }]);
  if (bytes.length === 0 || bytes.length > EVIDENCE_MAX_BYTES) {
    throw new AppError('VALIDATION', { zh: `材料须为 1 字节至 10 MB 的文件（本文件 ${bytes.length} 字节）`, en: `files must be between 1 byte and 10 MB (this one is ${bytes.length} bytes)` }, [{ path: 'file', message: `size ${bytes.length}` }]);
  }
  const kind = detectEvidenceType(bytes, fileName);
  if (!kind) throw new AppError('VALIDATION', { zh: `不接受的文件类型：${fileName}（只收 PDF、JPG、PNG、Word、Excel，按文件内容检查）`, en: `file type not accepted: ${fileName} (PDF, JPG, PNG, Word, Excel only, checked by content)` }, [{ path: 'file', message: 'type not allowed' }]);
  return { fileName, bytes, kind };
}

/**
 * Attaches a file to an item or a disbursement. The file is read (`file()`) only after the caller is known
 * to act on that record, so another unit's caller is refused as such whatever it sent.
 */
export async function attachReviewFile(deps: Deps, actor: Actor | null, entity: ReviewFileEntity, id: string, file: () => { fileName: string; bytes: Uint8Array }, now: Date): Promise<FileRef> {
  return deps.store.transaction(async (tx) => {
    if (entity === 'review_item') {
      const item = await loadItem(tx, id);
      authorizeOnItem(actor, 'update', 'review_item', item);
      if (isDecided(item.status)) throw lockedDecided(item);
    } else {
      const d = await tx.review.getDisbursement(id);
      if (!d) throw notFound({ zh: '拨付记录', en: 'disbursement' }, id);
      authorizeOnItem(actor, 'create', 'review_fund', await loadItem(tx, d.itemId));
    }
    const { fileName, bytes, kind } = checkedFile(file());
    const fileId = newId(now.getTime());
    const at = now.toISOString();
    const sha256 = await createHashHex(bytes);
    const base64 = btoa(Array.from(bytes, (b) => String.fromCharCode(b)).join(''));
    await tx.review.attachFile(entity, id, { fileName, contentType: kind.mime, size: bytes.length, sha256, contentBase64: base64, uploadedBy: actorName(actor), uploadedAt: at }, fileId);
    await tx.audit.write({ actorId: actorId(actor), actorName: actorName(actor), action: 'attach-file', entity, entityId: id, after: { fileId, fileName, type: kind.type, size: bytes.length, sha256 } });
    return { id: fileId, fileName, contentType: kind.mime, size: bytes.length, sha256, uploadedBy: actorName(actor), uploadedAt: at };
  });
}

export async function getReviewFile(deps: Deps, actor: Actor | null, fileId: string): Promise<{ fileName: string; contentType: string; bytes: Uint8Array }> {
  if (actor) authorize(actor, 'read', 'review_item');
  const f = await deps.store.review.getFile(fileId);
  if (!f) throw notFound({ zh: '材料', en: 'file' }, fileId);
  const bin = atob(f.contentBase64);
  return { fileName: f.fileName, contentType: f.contentType, bytes: Uint8Array.from(bin, (c) => c.charCodeAt(0)) };
}
