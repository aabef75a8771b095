// Uploaded files arrive either as the raw request body (content-type application/octet-stream,
// text/csv or the XLSX type; file name in ?filename=) or as JSON {fileBase64, fileName}.
import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../core/app-error';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const RAW_TYPES = ['application/octet-stream', 'text/csv', XLSX_TYPE, 'application/vnd.ms-excel'];

/** Call on an encapsulated scope: the parsers then apply to that scope's routes only. */
export function acceptRawFiles(scope: FastifyInstance): void {
  scope.addContentTypeParser(RAW_TYPES, { parseAs: 'buffer', bodyLimit: 200 * 1024 * 1024 }, (_req, body, done) => done(null, body));
}

export interface UploadedFile {
  bytes: Buffer;
  fileName: string;
  sha256: string;
}

export function fileFromRequest(req: FastifyRequest): UploadedFile {
  const q = req.query as { filename?: string };
  let bytes: Buffer | null = null;
  let fileName = q.filename ?? '';
  if (Buffer.isBuffer(req.body)) bytes = req.body;
  else if (req.body && typeof req.body === 'object' && typeof (req.body as { fileBase64?: unknown }).fileBase64 === 'string') {
    const b = req.body as { fileBase64: string; fileName?: string };
    bytes = Buffer.from(b.fileBase64, 'base64');
    fileName = b.fileName ?? fileName;
  }
  if (!bytes || bytes.length === 0) {
    throw new AppError('VALIDATION', {
      zh: '请上传文件：请求体为文件内容（content-type: application/octet-stream，文件名放在 ?filename=），或 JSON {fileBase64, fileName}',
      en: 'send the file as the raw body (application/octet-stream, name in ?filename=) or as JSON {fileBase64, fileName}',
    });
  }
  return { bytes, fileName, sha256: createHash('sha256').update(bytes).digest('hex') };
}

export function wantsDryRun(req: FastifyRequest): boolean {
  const q = req.query as { dryRun?: string };
  const b = req.body as { dryRun?: unknown } | undefined;
  return q.dryRun === '1' || q.dryRun === 'true' || (!!b && !Buffer.isBuffer(b) && b.dryRun === true);
}

export function sendDownload(reply: FastifyReply, bytes: Buffer, fileName: string): FastifyReply {
  const type = fileName.endsWith('.xlsx') ? XLSX_TYPE : 'text/csv; charset=utf-8';
  return reply
    .header('content-type', type)
    .header('content-disposition', `attachment; filename="${fileName.replace(/[^\x20-\x7e]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(fileName)}`)
    .send(bytes);
}
