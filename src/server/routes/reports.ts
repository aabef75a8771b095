// 季度通报: the briefing report of a period as JSON (the /reports page's preview) or as a Word, PDF or
// Excel download. Thin: parse → assemble (with the reader as actor, so confidentiality applies) → write.
import type { FastifyInstance } from 'fastify';
import { assembleReport } from '../../core/reports/assemble-report';
import { parseInput } from '../../core/parse-input';
import { REPORT_MIME, reportFileName, writeReport } from '../../files/report-file';
import { ReportQuerySchema } from '../../shared/reports';
import { requireActor, type AppContext } from '../context';

export function reportRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get('/api/reports/briefing', {
    schema: { tags: ['reports'], summary: '季度通报 Briefing report (?period=2020Q4|202012|2020&format=json|docx|pdf|xlsx)' },
    config: { policy: { action: 'read', resource: 'progress' } },
  }, async (req, reply) => {
    const q = parseInput(ReportQuerySchema, req.query);
    const report = await assembleReport(ctx.deps, requireActor(req), { period: q.period }, new Date());
    if (q.format === 'json') return report;
    const buf = await writeReport(report, q.format);
    const name = reportFileName(report, q.format);
    return reply.header('content-type', REPORT_MIME[q.format])
      .header('content-disposition', `attachment; filename="${name.ascii}"; filename*=UTF-8''${encodeURIComponent(name.zh)}`)
      .send(buf);
  });
}
