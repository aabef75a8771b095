// Issue 14 (items 5, 6): every target says how sure it is — the share of its actual by review status,
// the weakest status and reliability of its inputs, the reporters missing from the period — and can be
// computed on approved values only; after the target year the projection is the value at the deadline.
// Every expected figure is computed here from the stored values, not copied from the output.
import { sql } from 'kysely';
import { writeAudit } from '../src/db/audit';
import { describe, expect, it } from 'vitest';
import type { TargetAssessment } from '../src/shared/targets';
import { cliSuite, sei } from './helpers/cli';
import { dialects } from './helpers/databases';
import { loginAs } from './helpers/http';

const SCALE = 0.0001; // SEI_REVENUE = Σ REVENUE (万元) of SEI enterprises × 0.0001 → 亿元

describe.each(dialects)('%s: how sure a target is', { timeout: 120_000 }, (dialect) => {
  const s = cliSuite(dialect, 'sei-targets-quality-');
  const list = async (q: string) => (await s.api(`/api/targets?${q}`)).targets as TargetAssessment[];
  const find = (l: TargetAssessment[], code: string) => l.find((t) => t.target.code === code)!;

  /** REVENUE rows of the enterprises SEI_REVENUE counts (SEI class, a `*` class only when confirmed). */
  const seiRevenue = async () => {
    const { rows } = await sql<{ org_id: string; period: string; value: number; status: string }>`
      SELECT d.org_id, d.period, d.value, d.status FROM data_value d JOIN enterprise e ON e.org_id = d.org_id
      WHERE d.indicator_code = 'REVENUE' AND e.sei_l1 IS NOT NULL AND (e.sei_partial = 0 OR e.sei_confirmed = 1)`.execute(s.database.db);
    return rows.map((r) => ({ ...r, value: Number(r.value) * SCALE }));
  };

  it('T1: shares of the 2020 actual by status add up to it, and 2019 reporters missing in December are counted', async () => {
    const t1 = find(await list('asOf=2020-12-31'), 'T1');
    const rows = await seiRevenue();
    const dec = rows.filter((r) => r.period === '202012');
    const sum = (st: string[]) => dec.filter((r) => st.includes(r.status)).reduce((a, r) => a + r.value, 0);
    const q = t1.quality!;
    expect(q.shares!.period).toBe('202012');
    const part = (k: string) => q.shares!.parts.find((p) => p.status === k)!;
    expect(part('approved').value).toBeCloseTo(sum(['approved']), 6);
    expect(part('submitted').value).toBeCloseTo(sum(['submitted', 'county_reviewed']), 6);
    expect(part('draft').value).toBeCloseTo(sum(['draft', 'returned']), 6);
    expect(q.shares!.total).toBeCloseTo(t1.actual!.value, 6);
    expect(q.shares!.n).toBe(dec.length);
    const total = sum(['approved', 'submitted', 'county_reviewed', 'draft', 'returned']);
    expect(t1.components.find((c) => c.key === 'approvedShare')!.value as number).toBeCloseTo((sum(['approved']) / total) * 100, 6);
    // The demo data: nothing of 2020 approved yet, some still draft — so "met" must say it is on unapproved data.
    expect(part('draft').value).toBeGreaterThan(0);
    expect(q.weakestStatus).toBe('draft');
    expect(t1.attainment!.met).toBe(true);
    expect(q.metOnUnapproved).toBe(true);
    expect(t1.messages[0]!.zh).toMatch(/按未审核数据判定为达标/);

    const reported2019 = new Set(rows.filter((r) => r.period.startsWith('2019')).map((r) => r.org_id));
    const inDec = new Set(dec.map((r) => r.org_id));
    const missing = [...reported2019].filter((id) => !inDec.has(id));
    const latest = missing.map((id) => rows.filter((r) => r.org_id === id && r.period.startsWith('2020')).sort((a, b) => b.period.localeCompare(a.period))[0]).filter(Boolean);
    expect(missing.length).toBeGreaterThan(0);
    expect(q.missing).toMatchObject({ n: missing.length, period: '202012', previousYear: 2019, withEarlierValue: latest.length });
    expect(q.missing!.value).toBeCloseTo(latest.reduce((a, r) => a + r!.value, 0), 6);
    expect(t1.components.find((c) => c.key === 'missingReporters')!.value).toBe(missing.length);
  });

  it('T3 carries the weakest reliability of its inputs: the unverified 2020 GDP makes it 未核实, and it stays marked demo', async () => {
    const t3 = find(await list('asOf=2020-12-31'), 'T3');
    const { rows } = await sql<{ reliability: string | null; source: string }>`
      SELECT d.reliability, d.source FROM data_value d JOIN organization o ON o.id = d.org_id
      WHERE o.kind = 'city' AND d.indicator_code = 'GDP' AND d.period = '2020'`.execute(s.database.db);
    expect(rows[0]).toMatchObject({ source: 'reference', reliability: 'low' });
    expect(t3.actual).toMatchObject({ reliability: 'low', demo: true });
    expect(t3.quality).toMatchObject({ reliability: 'low', demo: true });
    // The GDP is approved, the numerator is not: the ratio's weakest status is the numerator's.
    expect(t3.quality!.weakestStatus).toBe('draft');
    expect(t3.quality!.shares!.of).toBe('SEI_VALUE_ADDED');
  });

  it('on approved values only, T1 falls back to the last year approved in full; approving December moves it to 2020', async () => {
    const rows = await seiRevenue();
    const approvedIn = (period: string) => rows.filter((r) => r.period === period && r.status === 'approved');
    expect(approvedIn('202012')).toHaveLength(0);
    const t1 = find(await list('asOf=2020-12-31&approvedOnly=true'), 'T1');
    expect(t1.quality).toMatchObject({ approvedOnly: true, weakestStatus: 'approved', metOnUnapproved: false });
    expect(t1.actual!.period).toBe('2019');
    expect(t1.actual!.value).toBeCloseTo(approvedIn('201912').reduce((a, r) => a + r.value, 0), 6);
    expect(t1.messages.some((m) => /2020 年尚无全部审核的数据/.test(m.zh))).toBe(true);
    const one = await s.api('/api/targets/T1?asOf=2020-12-31&approvedOnly=1');
    expect(one.actual.value).toBeCloseTo(t1.actual!.value, 9);

    const cli = await sei(s.database.url, ['targets', 'show', '--as-of', '2020-12-31', '--approved-only', '--json']);
    expect(cli.code, cli.stderr).toBe(0);
    expect(JSON.parse(cli.stdout).targets).toEqual(await list('asOf=2020-12-31&approvedOnly=true'));
    const text = await sei(s.database.url, ['targets', 'show', '--as-of', '2020-12-31']);
    expect(text.stdout).toMatch(/已达标（按未审核数据）/);
    expect(text.stdout).toMatch(/缺报 missing \d+ 家/);
    expect(text.stdout).toMatch(/［演示 demo］［未核实 unverified］/);

    await sql`UPDATE data_value SET status = 'approved' WHERE indicator_code = 'REVENUE' AND period = '202012'`.execute(s.database.db);
    // The product's approval leaves audit rows, which is how a kept targets answer learns of it; this
    // shortcut through SQL writes the row the approval would.
    await writeAudit(s.database.db, { actorId: null, actorName: 'test', action: 'approve', entity: 'report', entityId: 'REVENUE:202012' });
    const after = find(await list('asOf=2020-12-31&approvedOnly=true'), 'T1');
    const nowApproved = (await seiRevenue()).filter((r) => r.period === '202012');
    expect(after.actual!.period).toBe('2020');
    expect(after.actual!.value).toBeCloseTo(nowApproved.reduce((a, r) => a + r.value, 0), 6);
    expect(find(await list('asOf=2020-12-31'), 'T1').quality).toMatchObject({ weakestStatus: 'approved', metOnUnapproved: false });
  });

  it('refuses a bad approvedOnly value', async () => {
    const res = await s.admin.request('GET', '/api/targets?asOf=2020-12-31&approvedOnly=maybe');
    expect(res.statusCode).toBe(400);
  });

  it('an enterprise user sees the shares (each part has ≥ 3 firms) but no one firm', async () => {
    const qiye = await loginAs(s.app, 'qiye');
    const res = await qiye.request('GET', '/api/targets?asOf=2020-12-31');
    expect(res.statusCode).toBe(200);
    const t2 = find(res.json().targets, 'T2');
    for (const p of t2.quality!.shares!.parts) if (p.n > 0) expect(p.n).toBeGreaterThanOrEqual(3);
    expect(t2.quality!.shares!.suppressed).toBe(false);
  });

  it('after the target year the projection is the value at the deadline, and the page says the plan period ended', async () => {
    const atDeadline = find(await list('asOf=2020-12-31'), 'T4');
    const later = find(await list('asOf=2026-12-01'), 'T4');
    expect(later.planEnded).toEqual({ deadline: '2020-12-31', value: atDeadline.actual!.value, met: atDeadline.attainment!.met });
    expect(later.projection).toMatchObject({ year: 2020, value: atDeadline.actual!.value, final: true, meetsTarget: atDeadline.attainment!.met });
    expect(later.messages.some((m) => /计划期已于 2020-12-31 结束/.test(m.zh))).toBe(true);
    const one = await s.api('/api/targets/T4?asOf=2026-12-01');
    expect(one.projectionPoints).toEqual([]);
  });
});
