// Uploaded files arrive either as the raw request body (content-type application/octet-stream,
// text/csv or the XLSX type; file name in ?filename=) or as JSON {fileBase64, fileName}.
import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../core/app-error';
import { detectEvidenceType } from '../../core/supervision/evidence-type';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const RAW_TYPES = ['application/octet-stream', 'text/csv', XLSX_TYPE, 'application/vnd.ms-excel'];

/** Call on an encapsulated scope: the parsers then apply to that scope's routes only. */
export function acceptRawFiles(scope: FastifyInstance): void {
  scope.addContentTypeParser(RAW_TYPES, { parseAs: 'buffer', bodyLimit: UPLOAD_LIMITS.table }, (_req, body, done) => done(null, body));
}

/**
 * What an upload route takes. `table`: .xlsx or a CSV text file (imports of values and enterprises);
 * `xlsx`: an .xlsx workbook (registry imports); `evidence`: PDF, JPEG, PNG, Word or Excel (佐证材料);
 * `document`: a plan text as .txt (UTF-8/GBK), .docx or .pdf (计划文本解析).
 * The type is read from the first bytes, never from the client's content-type or the name alone.
 */
export type UploadKind = 'table' | 'xlsx' | 'evidence' | 'document';

/** Bytes per upload; a JSON body (base64) is bounded by the server's 20 MB body limit as well. */
export const UPLOAD_LIMITS: Record<UploadKind, number> = { table: 200 * 1024 * 1024, xlsx: 50 * 1024 * 1024, evidence: 10 * 1024 * 1024, document: 50 * 1024 * 1024 };

const startsWith = (b: Uint8Array, sig: number[]) => sig.every((x, i) => b[i] === x);
const ZIP = [0x50, 0x4b, 0x03, 0x04];
/** Formats that are certainly not a table: PDF, PNG, JPEG, GIF, OLE2 (.xls/.doc), gzip, 7z, RAR, PE executables, ELF. */
const NOT_TABLE = [[0x25, 0x50, 0x44, 0x46], [0x89, 0x50, 0x4e, 0x47], [0xff, 0xd8, 0xff], [0x47, 0x49, 0x46, 0x38], [0xd0, 0xcf, 0x11, 0xe0], [0x1f, 0x8b], [0x37, 0x7a, 0xbc, 0xaf], [0x52, 0x61, 0x72, 0x21], [0x4d, 0x5a], [0x7f, 0x45, 0x4c, 0x46]];
const ext = (name: string) => (/\.([a-z0-9]+)$/i.exec(name)?.[1] ?? '').toLowerCase();

function refuse(zh: string, en: string, value: unknown): AppError {
  return new AppError('VALIDATION', { zh, en }, [{ path: 'file', field: 'file', value, message: `${zh} / ${en}` }]);
}

/** Refuses a file of the wrong type or size for the route, naming the file, what it is and what is expected. */
export function checkUpload(file: { bytes: Uint8Array; fileName: string }, kind: UploadKind): void {
  const { bytes, fileName } = file;
  const limit = UPLOAD_LIMITS[kind];
  if (bytes.length > limit) {
    throw refuse(`文件「${fileName}」过大（${(bytes.length / 1048576).toFixed(1)} MB），上限 ${limit / 1048576} MB`, `file "${fileName}" is too large (${(bytes.length / 1048576).toFixed(1)} MB); the limit is ${limit / 1048576} MB`, bytes.length);
  }
  const e = ext(fileName);
  if (kind === 'evidence') {
    if (!detectEvidenceType(bytes, fileName)) throw refuse(`文件「${fileName}」不是 PDF、JPG、PNG、Word 或 Excel 文件，或扩展名与内容不符`, `file "${fileName}" is not a PDF, JPEG, PNG, Word or Excel file, or its extension does not match its content`, fileName);
    return;
  }
  const zip = startsWith(bytes, ZIP);
  if (kind === 'document') {
    const pdf = startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d]);
    const text = !zip && !pdf && !NOT_TABLE.some((sig) => startsWith(bytes, sig)) && !bytes.subarray(0, 65536).includes(0);
    const fits = (zip && (!e || e === 'docx')) || (pdf && (!e || e === 'pdf')) || (text && (!e || e === 'txt'));
    if (!fits) throw refuse(`文件「${fileName}」不是 .txt、.docx 或 .pdf 文件，或扩展名与内容不符`, `file "${fileName}" is not a .txt, .docx or .pdf file, or its extension does not match its content`, fileName);
    return;
  }
  if (kind === 'xlsx') {
    if (!zip || (e && e !== 'xlsx')) throw refuse(`文件「${fileName}」不是 .xlsx 工作簿（旧版 .xls 请另存为 .xlsx）`, `file "${fileName}" is not an .xlsx workbook (save an old .xls as .xlsx)`, fileName);
    return;
  }
  if (zip) {
    if (e && e !== 'xlsx') throw refuse(`文件「${fileName}」的内容是压缩包/工作簿，扩展名却是 .${e}`, `file "${fileName}" holds a zip/workbook but is named .${e}`, fileName);
    return;
  }
  const binary = NOT_TABLE.some((sig) => startsWith(bytes, sig)) || bytes.subarray(0, 65536).includes(0);
  if (binary || (e && !['csv', 'txt', 'tsv'].includes(e))) {
    throw refuse(`文件「${fileName}」不是 .xlsx 或 CSV 文本文件（UTF-8 或 GBK；旧版 .xls 请另存为 .xlsx）`, `file "${fileName}" is neither .xlsx nor a CSV text file (UTF-8 or GBK; save an old .xls as .xlsx)`, fileName);
  }
}

export interface UploadedFile {
  bytes: Buffer;
  fileName: string;
  sha256: string;
}

export function fileFromRequest(req: FastifyRequest, kind: UploadKind): UploadedFile {
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
    }, [{ path: 'file', field: 'file', value: null, message: 'no file or an empty file' }]);
  }
  checkUpload({ bytes, fileName }, kind);
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
