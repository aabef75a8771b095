// One entry point for the briefing report files: the route and the CLI name a format and get the bytes,
// the MIME type and a file name.
import type { BriefingReport } from '../shared/reports';
import { writeReportXlsx } from './report-xlsx';

export type ReportFileFormat = 'docx' | 'pdf' | 'xlsx';

export const REPORT_MIME: Record<ReportFileFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export const reportFileName = (r: Pick<BriefingReport, 'period'>, format: ReportFileFormat) => ({
  ascii: `sei-report-${r.period}.${format}`,
  zh: `战略性新兴产业发展情况通报-${r.period}.${format}`,
});

export async function writeReport(r: BriefingReport, format: 'docx' | 'pdf' | 'xlsx'): Promise<Buffer> {
  if (format === 'xlsx') return writeReportXlsx(r);
  // Word and PDF need the font (charts, embedding); loaded lazily so a JSON or Excel answer never does.
  const { resolveReportFont } = await import('./report-font');
  const font = resolveReportFont();
  if (format === 'pdf') return (await import('./report-pdf')).writeReportPdf(r, font);
  return (await import('./report-docx')).writeReportDocx(r, font);
}
