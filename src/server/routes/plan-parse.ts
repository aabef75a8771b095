// POST /api/plans/parse — plan text (JSON {text}) or a document (raw body with ?filename=, or JSON
// {fileBase64, fileName}: .txt UTF-8/GBK, .docx, .pdf) → the parsed plan and the draft plan file.
// Nothing is written: the page posts the reviewed draft to POST /api/plans.
import type { FastifyInstance } from 'fastify';
import { AppError } from '../../core/app-error';
import { parseInput } from '../../core/parse-input';
import { parseToDraft } from '../../core/plan-parse/parse-to-draft';
import { loadPlanParseReference, loadSegmenter } from '../../files/plan-parse-reference';
import { PlanFileReadError, readPlanText } from '../../files/plan-text-file';
import { PlanParseRequestSchema } from '../../shared/plan-parse';
import { requireActor, type AppContext } from '../context';
import { acceptRawFiles, fileFromRequest } from './file-body';

export function planParseRoutes(app: FastifyInstance, _ctx: AppContext): void {
  void app.register(async (scope) => {
    acceptRawFiles(scope);
    scope.addContentTypeParser(['text/plain'], { parseAs: 'buffer', bodyLimit: 20 * 1024 * 1024 }, (_req, body, done) => done(null, body));
    scope.post<{ Querystring: { filename?: string; code?: string } }>(
      '/api/plans/parse',
      {
        bodyLimit: 50 * 1024 * 1024,
        schema: { tags: ['plans'], summary: '计划文本解析：文本或文件 → 计划草稿（不写入）Parse plan text or a .txt/.docx/.pdf file into a draft plan (nothing stored)' },
        config: { policy: { action: 'create', resource: 'plan' } },
      },
      async (req) => {
        const actor = requireActor(req);
        let text: string;
        let code = req.query.code;
        const body = req.body;
        if (!Buffer.isBuffer(body) && body && typeof body === 'object' && typeof (body as { text?: unknown }).text === 'string') {
          const parsed = parseInput(PlanParseRequestSchema, body);
          text = parsed.text ?? '';
          code = parsed.code ?? code;
        } else {
          const file = fileFromRequest(req);
          try {
            text = (await readPlanText(file.bytes, file.fileName)).text;
          } catch (err) {
            const msg = err instanceof Error ? err.message : String(err);
            if (err instanceof PlanFileReadError) throw new AppError('VALIDATION', { zh: msg, en: msg }, [{ path: 'file', message: msg }]);
            throw new AppError('VALIDATION', { zh: `无法读取文件：${msg}`, en: `cannot read the file: ${msg}` }, [{ path: 'file', message: msg }]);
          }
          if (!Buffer.isBuffer(body) && body && typeof body === 'object') code = (body as { code?: string }).code ?? code;
        }
        if (!text.trim()) throw new AppError('VALIDATION', { zh: '文本为空，请粘贴计划全文或上传文件', en: 'the text is empty: paste the plan or upload a file' }, [{ path: 'text', message: '空 / empty' }]);
        if (code !== undefined && !/^[a-z0-9-]+$/.test(code)) throw new AppError('VALIDATION', { zh: `计划代码只能含小写字母、数字和短横线：${code}`, en: `code must be a-z, 0-9 and -: ${code}` }, [{ path: 'code', message: 'a-z0-9-' }]);
        return parseToDraft({ reference: loadPlanParseReference(), segmenter: loadSegmenter() }, actor, text, { code, now: new Date() });
      },
    );
  });
}
