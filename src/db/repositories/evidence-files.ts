// Evidence files (佐证材料) of registry records.
import type { EvidenceFile, EvidenceStore } from '../../core/registries/ports';
import { toIso } from '../mappers';
import type { Db } from './registry-common';

export const evidenceRepository = (db: Db): EvidenceStore => ({
  attach: async (entity, entityId, f: EvidenceFile, id) => {
    await db.insertInto('evidence_file').values({
      id, entity, entity_id: entityId, file_name: f.fileName, content_type: f.contentType, size: f.size, sha256: f.sha256,
      content_base64: f.contentBase64, uploaded_by: f.uploadedBy, uploaded_at: f.uploadedAt,
    }).execute();
    await db
      .updateTable('innovation_platform')
      .set((eb) => ({ evidence_file: f.fileName, row_version: eb('row_version', '+', 1), updated_at: f.uploadedAt }))
      .where('id', '=', entityId)
      .execute();
  },
  latest: async (entity, entityId) => {
    const r = await db
      .selectFrom('evidence_file')
      .select(['file_name', 'content_type', 'size', 'sha256', 'content_base64', 'uploaded_by', 'uploaded_at'])
      .where('entity', '=', entity)
      .where('entity_id', '=', entityId)
      .orderBy('id', 'desc')
      .executeTakeFirst();
    return r
      ? { fileName: r.file_name, contentType: r.content_type, size: Number(r.size), sha256: r.sha256, contentBase64: r.content_base64, uploadedBy: r.uploaded_by, uploadedAt: toIso(r.uploaded_at) ?? '' }
      : null;
  },
});
