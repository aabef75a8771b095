// CRUD, XLSX export and import for the three registries: /api/platforms, /api/parks, /api/projects.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { attachPlatformEvidence } from '../../core/registries/attach-platform-evidence';
import { createRegistryRecord } from '../../core/registries/create-registry-record';
import { deleteRegistryRecord } from '../../core/registries/delete-registry-record';
import { getPlatformEvidence } from '../../core/registries/get-platform-evidence';
import { getRegistryRecord } from '../../core/registries/get-registry-record';
import { importRegistry } from '../../core/registries/import-registry';
import { listRegistry } from '../../core/registries/list-registry';
import { updateRegistryRecord } from '../../core/registries/update-registry-record';
import { parseInput } from '../../core/parse-input';
import { AppError } from '../../core/app-error';
import { REGISTRY_KINDS, type RegistryKind } from '../../shared/registries';
import { AsOfQuerySchema } from '../../shared/targets';
import { requireActor, type AppContext } from '../context';
import { readRegistryWorkbook, writeRegistryWorkbook } from '../../files/registry-workbook';
import { acceptRawFiles, fileFromRequest, wantsDryRun } from './file-body';
import { detectEvidenceType } from '../../core/supervision/evidence-type';
import { today } from './targets';

const PATHS: Record<RegistryKind, string> = { platform: 'platforms', park: 'parks', project: 'projects' };
const TITLES: Record<RegistryKind, string> = { platform: '创新平台 Innovation platforms', park: '园区基地 Parks and bases', project: '重大项目 Major projects' };

const DeleteQuery = z.object({ rowVersion: z.coerce.number().int().min(1) });

export function registryRoutes(app: FastifyInstance, ctx: AppContext): void {
  for (const kind of REGISTRY_KINDS) {
    const base = `/api/${PATHS[kind]}`;
    const tags = ['registries'];
    const resource = kind;
    app.get<{ Querystring: { asOf?: string } }>(base, { schema: { tags, summary: `${TITLES[kind]} — list on a date` }, config: { policy: { action: 'read', resource } } }, async (req) => {
      const asOf = parseInput(AsOfQuerySchema, req.query).asOf ?? today();
      return { asOf, items: await listRegistry(ctx.deps, requireActor(req), kind, asOf) };
    });
    app.get<{ Querystring: { asOf?: string } }>(`${base}/export.xlsx`, { schema: { tags, summary: `${TITLES[kind]} — XLSX export on a date (?asOf=YYYY-MM-DD, default today)` }, config: { policy: { action: 'read', resource } } }, async (req, reply) => {
      const asOf = parseInput(AsOfQuerySchema, req.query).asOf ?? today();
      const items = await listRegistry(ctx.deps, requireActor(req), kind, asOf);
      const buffer = await writeRegistryWorkbook(kind, items);
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="${PATHS[kind]}-${asOf}.xlsx"`)
        .send(buffer);
    });
    // The file comes as the raw body (?dryRun=1) or as JSON {fileBase64, dryRun} — as the statistics imports take it.
    void app.register(async (scope) => {
      acceptRawFiles(scope);
      scope.post(`${base}/import`, { schema: { tags, summary: `${TITLES[kind]} — XLSX import (all or nothing; dryRun previews)` }, config: { policy: { action: 'create', resource } } }, async (req) => {
        const file = fileFromRequest(req, 'xlsx');
        const sheets = await readRegistryWorkbook(kind, file.bytes);
        return importRegistry(ctx.deps, requireActor(req), kind, sheets, { dryRun: wantsDryRun(req) }, new Date());
      });
      if (kind !== 'platform') return;
      scope.post<{ Params: { id: string } }>(`${base}/:id/evidence`, { schema: { tags, summary: '上传佐证材料 Upload the evidence file (raw body with ?filename=, or JSON {fileBase64, fileName})' }, config: { policy: { action: 'update', resource } } }, async (req) => {
        const file = fileFromRequest(req, 'evidence');
        // The stored type is what the bytes are, never the client's word for it.
        const contentType = detectEvidenceType(file.bytes, file.fileName)!.mime;
        return attachPlatformEvidence(ctx.deps, requireActor(req), req.params.id, { fileName: file.fileName, contentType, contentBase64: file.bytes.toString('base64'), size: file.bytes.length, sha256: file.sha256 }, new Date());
      });
      scope.get<{ Params: { id: string } }>(`${base}/:id/evidence`, { schema: { tags, summary: '下载佐证材料 Download the evidence file' }, config: { policy: { action: 'read', resource } } }, async (req, reply) => {
        const f = await getPlatformEvidence(ctx.deps, requireActor(req), req.params.id);
        return reply
          .header('content-type', f.contentType)
          .header('content-security-policy', "default-src 'none'; sandbox")
          .header('content-disposition', `attachment; filename="${f.fileName.replace(/[^\x20-\x7e]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(f.fileName)}`)
          .send(Buffer.from(f.contentBase64, 'base64'));
      });
    });
    app.get<{ Params: { id: string }; Querystring: { asOf?: string } }>(`${base}/:id`, { schema: { tags, summary: `${TITLES[kind]} — one record` }, config: { policy: { action: 'read', resource } } }, async (req) => {
      const asOf = parseInput(AsOfQuerySchema, req.query).asOf ?? today();
      return getRegistryRecord(ctx.deps, requireActor(req), kind, req.params.id, asOf);
    });
    app.post(base, { schema: { tags, summary: `${TITLES[kind]} — create` }, config: { policy: { action: 'create', resource } } }, async (req, reply) => {
      const r = await createRegistryRecord(ctx.deps, requireActor(req), kind, req.body, new Date());
      return reply.status(201).send(r);
    });
    app.put<{ Params: { id: string } }>(`${base}/:id`, { schema: { tags, summary: `${TITLES[kind]} — update (send the rowVersion you read)` }, config: { policy: { action: 'update', resource } } }, async (req) =>
      updateRegistryRecord(ctx.deps, requireActor(req), kind, req.params.id, req.body, new Date()),
    );
    app.delete<{ Params: { id: string }; Querystring: { rowVersion?: string } }>(`${base}/:id`, { schema: { tags, summary: `${TITLES[kind]} — delete (?rowVersion=)` }, config: { policy: { action: 'delete', resource } } }, async (req, reply) => {
      if (req.query.rowVersion === undefined) throw new AppError('VALIDATION', { zh: '删除须带 rowVersion 参数', en: 'delete needs ?rowVersion=' }, [{ path: 'rowVersion', message: 'required' }]);
      const { rowVersion } = parseInput(DeleteQuery, req.query);
      await deleteRegistryRecord(ctx.deps, requireActor(req), kind, req.params.id, rowVersion);
      return reply.status(204).send();
    });
  }
}
