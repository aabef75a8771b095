// Everyday use of the statistics lists, on both databases: the review queue searched on the server
// (name, code, county, status, late), late submissions (逾期上报) in the queue and in completeness, and
// outliers that name their report's status so a locked value is returned rather than corrected.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { daysAfterPeriodEnd } from '../src/core/statistics/periods';
import { DEMO_ENTERPRISE } from '../src/db/seed/demo';
import { createInitializedDatabase, dialects, type TestDatabase } from './helpers/databases';
import { loginAs, makeApp, type Session } from './helpers/http';

const ENT = DEMO_ENTERPRISE.code;
const QUEUE = '/api/reports?dataset=ENT_MONTHLY&period=202012';

interface Row { org: { code: string; name: string; countyCode: string | null }; status: string; submittedAt: string | null; late: boolean; rowVersion: number }

describe.each(dialects)('%s: statistics lists', (dialect) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let tongji: Session;
  let qiye: Session;
  let ningjin: Session;

  beforeAll(async () => {
    database = await createInitializedDatabase(dialect, { demo: true });
    app = await makeApp(database);
    [tongji, qiye, ningjin] = await Promise.all(['tongji', 'qiye', 'ningjin'].map((u) => loginAs(app, u)));
  });
  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  const queue = async (s: Session, query = ''): Promise<Row[]> => {
    const res = await s.request('GET', `${QUEUE}${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json().reports;
  };

  it('searches the review queue on the server by name, code, county and status', async () => {
    const all = await queue(tongji);
    expect(all.length).toBeGreaterThan(100);
    const sample = all[7]!;
    const part = sample.org.name.slice(2, 5);
    const byName = await queue(tongji, `&q=${encodeURIComponent(part)}`);
    expect(byName.length).toBeGreaterThan(0);
    expect(byName.length).toBeLessThan(all.length);
    expect(byName.every((r) => r.org.name.includes(part))).toBe(true);
    const byCode = await queue(tongji, `&q=${sample.org.code.slice(-8).toLowerCase()}`);
    expect(byCode.map((r) => r.org.code)).toContain(sample.org.code);
    expect(byCode.every((r) => r.org.code.toLowerCase().includes(sample.org.code.slice(-8).toLowerCase()))).toBe(true);
    const county = await queue(tongji, '&county=130528');
    expect(county.length).toBeGreaterThan(0);
    expect(county.length).toBe(all.filter((r) => r.org.countyCode === '130528').length);
    const countySubmitted = await queue(tongji, '&county=130528&status=submitted');
    expect(countySubmitted.length).toBe(county.filter((r) => r.status === 'submitted').length);
    expect(await queue(tongji, '&q=%E6%B2%A1%E6%9C%89%E8%BF%99%E5%AE%B6%E4%BC%81%E4%B8%9A')).toEqual([]); // 没有这家企业
    // By pinyin: the full pinyin (spaces ignored) and the initials of the name's first characters.
    const { pinyin } = await import('pinyin-pro');
    const han = sample.org.name.replace(/[^\p{Script=Han}]/gu, '').slice(0, 4);
    const syllables = pinyin(han, { toneType: 'none', type: 'array', v: true });
    for (const q of [syllables.join(' '), syllables.map((x) => x[0]).join('')]) {
      const byPinyin = await queue(tongji, `&q=${encodeURIComponent(q)}`);
      expect(byPinyin.map((r) => r.org.code), q).toContain(sample.org.code);
    }
    // Search stays inside what the user may read: a county sees only its own county even when asking for another.
    expect(await queue(ningjin, '&county=130582')).toEqual([]);
  });

  it('marks the reports submitted after the deadline as late (逾期上报), in the queue and in completeness', async () => {
    const ds = (await tongji.request('GET', '/api/datasets')).json().datasets.find((d: { code: string }) => d.code === 'ENT_MONTHLY');
    const deadline = daysAfterPeriodEnd('202012', ds.deadlineDays);
    const all = await queue(tongji);
    const received = all.filter((r) => r.submittedAt);
    expect(received.length).toBeGreaterThan(0);
    for (const r of received) expect(r.late, r.org.code).toBe(new Date(r.submittedAt!) > deadline);
    expect(received.some((r) => r.late)).toBe(true);
    expect(received.some((r) => !r.late)).toBe(true);
    const lateOnly = await queue(tongji, '&late=1');
    expect(lateOnly.length).toBe(received.filter((r) => r.late).length);

    const before = (await tongji.request('GET', '/api/statistics/completeness?dataset=ENT_MONTHLY&period=202012')).json();
    expect(before.total.late).toBe(before.total.received - before.total.onTime);
    expect(before.byCounty.reduce((a: number, r: { late: number }) => a + r.late, 0)).toBe(before.total.late);

    // The demo enterprise submits December 2020 today, long after its deadline: stored as submitted, shown as late.
    const form = (await qiye.request('GET', `/api/data-entry/form?dataset=ENT_MONTHLY&org=${ENT}&period=202012`)).json();
    const saved = await qiye.request('PUT', '/api/data-entry/form', { dataset: 'ENT_MONTHLY', org: ENT, period: '202012', values: [{ indicatorCode: 'REVENUE', value: 51000, rowVersion: null }] });
    expect(saved.statusCode, saved.body).toBe(200);
    const submit = await qiye.request('POST', '/api/reports/submit', { dataset: 'ENT_MONTHLY', org: ENT, period: '202012', rowVersion: form.report.rowVersion });
    expect(submit.statusCode, submit.body).toBe(200);
    expect(submit.json().report).toMatchObject({ status: 'submitted', late: true });
    const mine = (await queue(tongji, `&q=${ENT}`))[0]!;
    expect(mine).toMatchObject({ status: 'submitted', late: true });
    const after = (await tongji.request('GET', '/api/statistics/completeness?dataset=ENT_MONTHLY&period=202012')).json();
    expect(after.total.late).toBe(before.total.late + 1);
    expect(after.total.onTime).toBe(before.total.onTime);
  });

  it('names the report of each outlier and whether it is locked, so a submitted value is returned, not corrected', async () => {
    const res = await tongji.request('GET', '/api/statistics/outliers?period=202010&includeReviewed=1');
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().outliers as { orgCode: string; indicatorCode: string; report: { dataset: string; status: string; rowVersion: number; locked: boolean; lockReason: { zh: string } | null } | null }[];
    expect(items.length).toBeGreaterThan(0);
    for (const o of items) {
      expect(o.report, o.orgCode).not.toBeNull();
      expect(o.report!.dataset).toBe('ENT_MONTHLY');
    }
    const locked = items.find((o) => o.report!.status === 'approved')!;
    expect(locked.report).toMatchObject({ locked: true, rowVersion: 1 });
    expect(locked.report!.lockReason!.zh).toContain('已审批');
    // Correcting it is refused (423) as before; the list said so beforehand.
    const correct = await tongji.request('POST', '/api/statistics/outliers/review', { orgCode: locked.orgCode, indicatorCode: locked.indicatorCode, period: '202010', decision: 'corrected', value: 1 });
    expect(correct.statusCode).toBe(423);
  });
});
