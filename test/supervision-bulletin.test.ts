// The 通报: ranking figures against values worked out here from crafted data, the Word file's
// document.xml (title, 文号, ranking rows, CJK fonts), the workbook read back with exceljs, the CLI.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { createInitializedDatabase, dialects, type TestDatabase } from './helpers/databases';
import { loginAs, makeApp, type Session } from './helpers/http';
import { sei } from './helpers/cli';
import { craftClosure, craftLightDays, craftReport, craftTasks } from './helpers/supervision-craft';
import type { Bulletin, BulletinRow } from '../src/shared/supervision-follow-up';

// 2020Q1 = 2020-01-01 … 2020-03-31 (91 days); every deadline below is worked out by hand.
async function craft(db: TestDatabase) {
  const c = await craftTasks(db.db, [
    // gxj: monthly, deadline day 5; 201912 due 2020-01-05 (on time), 202001 due 02-05 (late), 202002 due 03-05 (missing); closed 03-20.
    { code: 'T1', lead: 'dept-gxj', startOn: '2019-10-01', dueOn: '2020-02-29' },
    // assigned to 宁晋 (lead gxj): quarterly, day 10; 2019Q4 due 2020-01-10, its report returned; 15 red days (5 in 2019).
    { code: 'T2', lead: 'dept-gxj', assigned: '130528', startOn: '2019-07-01', dueOn: '2020-12-31', cycle: 'quarterly', deadlineDay: 10, light: 'red' },
    // 宁晋: 202002 due 03-05 submitted that day (on time); due 03-31, not closed; 3 red days.
    { code: 'T3', lead: '130528', startOn: '2020-02-15', dueOn: '2020-03-31', light: 'red' },
    // 科技局: 202001 and 202002 both on time; not due in the period.
    { code: 'T4', lead: 'dept-kjj', startOn: '2020-01-01', dueOn: '2020-06-30' },
    // no unit: in no ranking.
    { code: 'T5', startOn: '2020-01-01', dueOn: '2020-06-30' },
  ]);
  const id = (k: string) => c.ids.get(k)!;
  await craftReport(db.db, id('T1'), '201912', 'accepted', '2020-01-04');
  await craftReport(db.db, id('T1'), '202001', 'submitted', '2020-02-07');
  await craftClosure(db.db, id('T1'), '2020-03-20');
  await craftReport(db.db, id('T2'), '2019Q4', 'returned', '2020-01-08');
  await craftLightDays(db.db, id('T2'), '2019-12-27', '2020-01-10', 'red');
  await craftReport(db.db, id('T3'), '202002', 'accepted', '2020-03-05');
  await craftLightDays(db.db, id('T3'), '2020-03-01', '2020-03-03', 'red');
  await craftLightDays(db.db, id('T1'), '2020-01-01', '2020-01-31', 'green');
  await craftReport(db.db, id('T4'), '202001', 'accepted', '2020-02-01');
  await craftReport(db.db, id('T4'), '202002', 'submitted', '2020-03-01');
  return c;
}

const score = (onTime: number | null, closure: number | null, green: number | null) => {
  const parts = [[onTime, 0.4], [closure, 0.4], [green, 0.2]].filter(([v]) => v !== null) as [number, number][];
  return parts.reduce((s, [v, w]) => s + v * w, 0) / parts.reduce((s, [, w]) => s + w, 0);
};
const r1 = (x: number) => Math.round(x * 10) / 10;

describe.each(dialects)('%s: 通报 ranking and exports', (dialect) => {
  let db: TestDatabase;
  let app: FastifyInstance;
  let leader: Session;
  beforeAll(async () => {
    db = await createInitializedDatabase(dialect, { demo: true });
    await craft(db);
    app = await makeApp(db);
    leader = await loginAs(app, 'leader');
  });
  afterAll(async () => { await app?.close(); await db?.drop(); });

  it('ranks units and counties with the documented formulas', async () => {
    const res = await leader.request('GET', '/api/supervision/bulletin?period=2020Q1');
    expect(res.statusCode, res.body).toBe(200);
    const b = res.json() as Bulletin;
    expect([b.from, b.to, b.asOf]).toEqual(['2020-01-01', '2020-03-31', '2020-03-31']);
    const row = (rows: BulletinRow[], code: string) => rows.find((r) => r.org.code === code)!;

    const gxj = row(b.departments, 'dept-gxj');
    // T1 open 2020-01-01 … 03-19 (closed 03-20): 79 days, no red.
    expect(gxj).toMatchObject({ tasks: 1, reportsDue: 3, reportsOnTime: 1, tasksDue: 1, tasksClosed: 1, redDays: 0, onTimeRate: r1(100 / 3), closureRate: 100, greenShare: 100 });
    expect(gxj.counts).toEqual({ green: 0, yellow: 0, red: 0, closed: 1 });
    expect(gxj.score).toBe(r1(score(100 / 3, 100, 100)));

    const kjj = row(b.departments, 'dept-kjj');
    expect(kjj).toMatchObject({ tasks: 1, reportsDue: 2, reportsOnTime: 2, tasksDue: 0, closureRate: null, onTimeRate: 100, redDays: 0 });
    expect(kjj.score).toBe(100);
    expect(b.departments.map((r) => [r.org.code, r.rank])).toEqual([['dept-kjj', 1], ['dept-gxj', 2]]);

    const ningjin = row(b.counties, '130528');
    // T2 + T3: due 1 + 1, on time 0 + 1; red 10 (Jan, in period) + 3; open days 91 + 46 (Feb 15–29 and March).
    const green = 100 * (1 - 13 / (91 + 46));
    expect(ningjin).toMatchObject({ tasks: 2, reportsDue: 2, reportsOnTime: 1, onTimeRate: 50, tasksDue: 1, tasksClosed: 0, closureRate: 0, redDays: 13, greenShare: r1(green) });
    expect(ningjin.counts.red).toBe(2);
    expect(ningjin.score).toBe(r1(score(50, 0, green)));
    expect(b.counties).toHaveLength(1);

    // Totals add up from the rows.
    expect(b.totals).toMatchObject({ tasks: 4, reportsDue: 7, reportsOnTime: 4, tasksDue: 2, tasksClosed: 1, redDays: 13, onTimeRate: r1(400 / 7), closureRate: 50 });
    expect(b.docNumber).toBe('邢战新督〔2020〕1号');
  });

  it('a date range and a month give their own windows; a bad period is a 400 naming it', async () => {
    const jan = (await leader.request('GET', '/api/supervision/bulletin?period=202001')).json() as Bulletin;
    // Only 201912 of T1 (01-05) and 2019Q4 of T2 (01-10) fall due in January.
    expect(jan.totals.reportsDue).toBe(2);
    expect(jan.totals.redDays).toBe(10);
    const range = (await leader.request('GET', '/api/supervision/bulletin?period=2020-03-01..2020-03-05')).json() as Bulletin;
    expect(range.totals.reportsDue).toBe(3); // T1, T3 and T4 202002, all due 03-05
    const bad = await leader.request('GET', '/api/supervision/bulletin?period=2020Q5');
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('period');
  });

  it('writes a Word file in 公文 layout with the title, 文号 and ranking rows', async () => {
    const res = await leader.request('GET', '/api/supervision/bulletin?period=2020Q1&format=docx&docNumber=' + encodeURIComponent('邢战新办〔2020〕7号'));
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    const xml = await (await JSZip.loadAsync(res.rawPayload)).file('word/document.xml')!.async('string');
    const text = xml.replace(/<[^>]+>/g, '');
    expect(text).toContain('关于2020年第一季度战略性新兴产业重点任务督查情况的通报');
    expect(text).toContain('邢战新办〔2020〕7号');
    expect(xml).toContain('方正小标宋简体');
    expect(xml).toContain('仿宋');
    expect(text).toContain('演示数据');
    // Each ranking row: rank, unit, tasks … in table cells.
    for (const name of ['市工业和信息化局', '市科技局', '宁晋县']) expect(text).toContain(name);
    const cells = [...xml.matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((m) => m[1].replace(/<[^>]+>/g, ''));
    const kjjAt = cells.indexOf('市科技局');
    expect(cells.slice(kjjAt - 1, kjjAt + 7)).toEqual(['1', '市科技局', '1', '0', '2', '2', '100.0%', '0']);
  });

  it('writes a workbook that reads back with the same figures', async () => {
    const res = await leader.request('GET', '/api/supervision/ranking/export?format=xlsx&period=2020Q1&asOf=2021-01-01');
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as never);
    const ws = wb.getWorksheet('县市区 counties')!;
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    const values = (ws.getRow(2).values as unknown[]).slice(1);
    const rec = Object.fromEntries(header.map((h, i) => [String(h), values[i]]));
    expect(rec).toMatchObject({ '单位代码 code': '130528', '应报期数 reports due': 2, '按时报送 on time': 1, '按时报送率% on-time rate': 50, '红灯天数 red days': 13 });
    expect(wb.getWorksheet('市直部门 departments')!.rowCount).toBe(3);
  });

  it('the CLI writes the same bulletin (docx and json)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sei-bulletin-'));
    const out = join(dir, 'b.docx');
    const run = await sei(db.url, ['supervision', 'bulletin', '--period', '2020Q1', '--format', 'docx', '--out', out]);
    expect(run.code, run.stderr).toBe(0);
    const xml = await (await JSZip.loadAsync(readFileSync(out))).file('word/document.xml')!.async('string');
    expect(xml).toContain('邢战新督〔2020〕1号');
    const json = await sei(db.url, ['supervision', 'bulletin', '--period', '2020Q1', '--json']);
    expect(json.code, json.stderr).toBe(0);
    const api = (await leader.request('GET', '/api/supervision/bulletin?period=2020Q1')).json();
    expect(JSON.parse(json.stdout)).toEqual(api);
    const bad = await sei(db.url, ['supervision', 'bulletin', '--period', '2020Q1', '--format', 'docx']);
    expect(bad.code).toBe(2);
  }, 120_000);
});
