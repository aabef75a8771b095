// 季度通报 on both databases: the report's figures are assembled with the reader's confidentiality; the
// Word, PDF and Excel files are opened (mammoth/jszip, unpdf, exceljs) and checked for the title and the
// five targets' figures; the PDF embeds the Chinese font; a missing font is a clear error naming REPORT_FONT.
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANNEX_TITLE, fmt, RED_PROJECTS_IN_BODY } from '../src/files/report-text';
import type { BriefingReport } from '../src/shared/reports';
import { createInitializedDatabase, dialects, type TestDatabase } from './helpers/databases';
import { loginAs, makeApp, type Session } from './helpers/http';

const TITLE = '邢台市战略性新兴产业发展情况通报（2020年第四季度）';
const url = (format: string, period = '2020Q4') => `/api/reports/briefing?period=${period}&format=${format}`;

describe.each(dialects)('%s: briefing report', (dialect) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let fgw: Session;
  let report: BriefingReport;
  const download = async (format: string) => {
    const res = await app.inject({ method: 'GET', url: url(format), headers: { cookie: fgw.cookie } });
    expect(res.statusCode, res.statusCode === 200 ? '' : res.body).toBe(200);
    return res;
  };
  /** The five targets' actual values as the report prints them. */
  const figures = () => report.targets.map((t) => fmt(t.actual));

  beforeAll(async () => {
    database = await createInitializedDatabase(dialect, { demo: true });
    app = await makeApp(database);
    fgw = await loginAs(app, 'fgw');
    report = (await fgw.request('GET', url('json'))).json();
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  it('assembles the targets, trends, industry and county tables, projects and the supervision ranking', () => {
    expect(report.title).toBe(TITLE);
    expect(report).toMatchObject({ period: '2020Q4', asOf: '2020-12-31', demo: true, notes: [] });
    expect(report.targets.map((t) => t.code)).toEqual(['T1', 'T2', 'T3', 'T4', 'T5']);
    expect(report.targets.every((t) => t.actual !== null && t.light !== null)).toBe(true);
    expect(report.trends.map((t) => t.code)).toEqual(['T1', 'T2']);
    expect(report.trends[0]!.points.at(-1)).toMatchObject({ year: 2020 });
    expect(report.trends[0]!.points.at(-1)!.value).toBeCloseTo(report.targets[0]!.actual!, 6);
    // A quarter is read as its year-to-date month; the industries add up to the city total, which is T1.
    expect(report.industries).toMatchObject({ period: '202012', dim: 'industry', confidentiality: false });
    const sum = report.industries!.rows.reduce((s, r) => s + (r.value ?? 0), 0);
    expect(sum).toBeCloseTo(report.industries!.total!.value!, 6);
    expect(report.industries!.total!.value).toBeCloseTo(report.targets[0]!.actual!, 6);
    expect(report.counties!.rows.length).toBeGreaterThan(15);
    const p = report.projects!;
    expect(p.lights.green + p.lights.yellow + p.lights.red + p.lights.none).toBe(p.total);
    expect(p.red).toHaveLength(p.lights.red);
    expect(report.supervision!.departments.length).toBeGreaterThan(0);
  });

  it('applies the confidentiality rule for a reader below statistician, and leaves out what the role may not read', async () => {
    const qiye = await loginAs(app, 'qiye');
    const r = (await qiye.request('GET', url('json'))).json() as BriefingReport;
    expect(r.counties!.confidentiality).toBe(true);
    expect(r.industries!.confidentiality).toBe(true);
    // Whatever is suppressed is null, never a number, and never alone in its table.
    for (const tb of [r.industries!, r.counties!]) {
      const hidden = tb.rows.filter((x) => x.suppressed);
      expect(hidden.every((x) => x.value === null && x.yoy === null)).toBe(true);
      expect(hidden.length).not.toBe(1);
    }
    expect(r.supervision).toBeNull();
    expect(r.notes.map((n) => n.en).join(' ')).toContain('Supervision ranking');
    // A reader the table is suppressed for gets the same table as the aggregates screen gives it.
    const screen = (await qiye.request('GET', '/api/statistics/aggregates?indicator=SEI_REVENUE&dim=county&period=202012')).json();
    expect(r.counties!.rows.filter((x) => x.suppressed).map((x) => x.key).sort()).toEqual(screen.rows.filter((x: { confidential?: unknown }) => x.confidential).map((x: { key: string }) => x.key).sort());
  });

  it('refuses a bad period with a message naming it', async () => {
    const res = await fgw.request('GET', url('json', '2020Q5'));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.issues[0].path).toBe('period');
  });

  it('writes Word with the title, the five targets\' figures and the charts as images', async () => {
    const res = await download('docx');
    expect(res.headers['content-type']).toContain('wordprocessingml');
    expect(res.headers['content-disposition']).toContain('sei-report-2020Q4.docx');
    const buf = res.rawPayload;
    const text = (await mammoth.extractRawText({ buffer: buf })).value;
    expect(text).toContain(TITLE);
    for (const f of figures()) expect(text).toContain(f);
    expect(text).toContain('重点任务督查排名');
    const zip = await JSZip.loadAsync(buf);
    const media = Object.keys(zip.files).filter((n) => n.startsWith('word/media/') && !zip.files[n]!.dir);
    expect(media.length).toBeGreaterThanOrEqual(3);
    const png = await zip.file(media[0]!)!.async('uint8array');
    expect(Buffer.from(png.subarray(1, 4)).toString()).toBe('PNG');
    expect(png.length).toBeGreaterThan(10_000);
  });

  it('writes PDF with the Chinese font embedded, the title and the five targets\' figures', async () => {
    const res = await download('pdf');
    expect(res.headers['content-type']).toBe('application/pdf');
    const buf = res.rawPayload;
    const raw = buf.toString('latin1');
    expect(raw).toMatch(/\/BaseFont\s*\/[A-Z]{6}\+WenQuanYiMicroHei/);
    expect(raw).toContain('/FontFile2');
    const pdf = await getDocumentProxy(new Uint8Array(buf));
    const text = (await extractText(pdf, { mergePages: true })).text.replace(/\s+/g, '');
    expect(text).toContain(TITLE);
    for (const f of figures()) expect(text).toContain(f);
    expect(pdf.numPages).toBeGreaterThanOrEqual(2);
  });

  it('writes Excel with the title and the five targets\' figures as numbers', async () => {
    const res = await download('xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.getWorksheet('通报 report')!.getCell('B1').value).toBe(TITLE);
    const ts = wb.getWorksheet('目标 targets')!;
    for (const [i, t] of report.targets.entries()) {
      expect(ts.getCell(i + 2, 1).value).toBe(t.code);
      expect(ts.getCell(i + 2, 8).value).toBeCloseTo(t.actual!, 6);
    }
    expect(wb.getWorksheet('分县 counties')!.rowCount).toBeGreaterThan(15);
  });

  it('a missing font is an error naming REPORT_FONT, in Chinese and English, and no file', async () => {
    const before = process.env.REPORT_FONT;
    process.env.REPORT_FONT = '/nonexistent/simsun.ttc';
    try {
      for (const format of ['pdf', 'docx']) {
        const zh = await fgw.request('GET', url(format));
        expect(zh.statusCode).toBe(500);
        expect(zh.headers['content-type']).toContain('application/json');
        expect(zh.json().error.message).toContain('REPORT_FONT=/nonexistent/simsun.ttc');
        expect(zh.json().error.message).toContain('中文字体');
      }
      const en = await app.inject({ method: 'GET', url: url('pdf'), headers: { cookie: fgw.cookie, 'accept-language': 'en' } });
      expect(en.json().error.message).toMatch(/Chinese font.*REPORT_FONT/);
      // Excel needs no font.
      expect((await fgw.request('GET', url('xlsx'))).statusCode).toBe(200);
    } finally {
      if (before === undefined) delete process.env.REPORT_FONT; else process.env.REPORT_FONT = before;
    }
  });

  // Last: it adds projects. More red projects than the body lists: none is dropped silently — the body
  // says how many more there are, the annex (Word, PDF) and the Excel sheet list every one.
  it('lists every red project: the first 15 in the body, a note and an annex with the rest; all in Excel', async () => {
    for (let i = 0; i < 20; i++) {
      const r = await fgw.request('POST', '/api/projects', { name: `附表测试项目${String(i).padStart(2, '0')}`, countyCode: '130582', plannedStart: '2019-01' });
      expect(r.statusCode, r.body).toBe(201);
    }
    const json = (await fgw.request('GET', url('json'))).json() as BriefingReport;
    const red = json.projects!.red;
    expect(red).toHaveLength(json.projects!.lights.red);
    expect(red.length).toBeGreaterThanOrEqual(20);
    const extra = red.length - RED_PROJECTS_IN_BODY;
    const names = red.map((p) => p.name);
    expect(names.filter((n) => n.startsWith('附表测试项目'))).toHaveLength(20);

    const docx = (await mammoth.extractRawText({ buffer: (await download('docx')).rawPayload })).value;
    expect(docx).toContain(`另有${extra}个红灯项目见附表。`);
    const annexAt = docx.indexOf(ANNEX_TITLE);
    expect(annexAt).toBeGreaterThan(docx.indexOf(`另有${extra}个红灯项目见附表。`));
    for (const n of names.slice(0, RED_PROJECTS_IN_BODY)) expect(docx.indexOf(n)).toBeLessThan(annexAt);
    for (const n of names.slice(RED_PROJECTS_IN_BODY)) expect(docx.indexOf(n)).toBeGreaterThan(annexAt);

    const pdf = await getDocumentProxy(new Uint8Array((await download('pdf')).rawPayload));
    const pdfText = (await extractText(pdf, { mergePages: true })).text.replace(/\s+/g, '');
    expect(pdfText).toContain(`另有${extra}个红灯项目见附表。`);
    expect(pdfText).toContain(ANNEX_TITLE.replace(/\s+/g, ''));
    expect(pdfText).toContain(names.at(-1)!);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await download('xlsx')).rawPayload as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('重大项目 projects')!;
    const listed = sheet.getColumn(1).values.slice(3).map(String); // row 1 headers, row 2 the totals
    expect(listed).toEqual(names);
  });
});
