import { describe, expect, it } from 'vitest';
import { figureQuality, largestByStatus, missingReporters, protect, qualityComponents, statusShares, weakestReliability, weakestStatus } from './figure-quality';

describe('how sure a figure is', () => {
  it('splits a figure by review status into approved / submitted / draft shares that add up', () => {
    const s = statusShares([
      { status: 'draft', value: 300, n: 50 }, { status: 'returned', value: 10.59, n: 5 },
      { status: 'submitted', value: 700, n: 160 }, { status: 'county_reviewed', value: 9.45, n: 5 },
    ], '202012', true);
    expect(s.parts.map((p) => p.status)).toEqual(['approved', 'submitted', 'draft']);
    expect(s.parts.map((p) => p.value)).toEqual([0, 709.45, 310.59]);
    expect(s.parts.map((p) => p.n)).toEqual([0, 165, 55]);
    expect(s.total).toBeCloseTo(1020.04, 9);
    expect(s.parts.reduce((a, p) => a + p.pct!, 0)).toBeCloseTo(100, 9);
    expect(s.weakest).toBe('draft');
    expect(statusShares([{ status: 'approved', value: 5, n: 1 }], '2020', false).weakest).toBe('approved');
    expect(statusShares([], '2020', false).weakest).toBeNull();
  });

  it('takes the weakest status and reliability of the inputs; unverified outranks demo', () => {
    expect(weakestStatus(['approved', 'submitted', null])).toBe('submitted');
    expect(weakestStatus(['approved', 'draft', 'submitted'])).toBe('draft');
    expect(weakestStatus([null])).toBeNull();
    expect(weakestReliability(['high', 'reported'])).toBe('reported');
    expect(weakestReliability(['demo', 'low'])).toBe('low');
    expect(weakestReliability(['low', 'demo'])).toBe('low');
    expect(weakestReliability(['demo', 'high'])).toBe('demo');
    expect(weakestReliability(['medium', 'demo'])).toBe('medium');
  });

  it('counts reporters of last year missing from the period, valued at their latest earlier report this year', () => {
    const m = missingReporters({
      period: '202012', year: 2020,
      previousYear: [{ orgId: 'a', period: '201912', value: 1 }, { orgId: 'b', period: '201911', value: 1 }, { orgId: 'c', period: '201912', value: 1 }, { orgId: 'd', period: '201912', value: 1 }],
      thisYear: [
        { orgId: 'a', period: '202012', value: 9 },
        { orgId: 'b', period: '202010', value: 4 }, { orgId: 'b', period: '202011', value: 5 },
        { orgId: 'c', period: '202011', value: 7 },
      ],
    });
    // b and c stopped after November; d has said nothing this year (counted, no value).
    expect(m).toMatchObject({ n: 3, value: 12, withEarlierValue: 2, earlierPeriods: ['202011'], previousYear: 2019 });
  });

  it('hides status parts the confidentiality rule suppresses (few, dominant, and the complement), but not a city value', () => {
    const rows = [{ status: 'approved', value: 100, n: 5, largest: 30 }, { status: 'submitted', value: 50, n: 4, largest: 20 }, { status: 'draft', value: 3, n: 1, largest: 3 }];
    const shares = { ...statusShares(rows, '202012', true), of: 'X' };
    const missing = { ...missingReporters({ period: '202012', year: 2020, previousYear: [{ orgId: 'a', period: '201912', value: 1 }], thisYear: [{ orgId: 'a', period: '202011', value: 2 }] }), of: 'X' };
    expect(missing.largest).toBe(2);
    const p = protect(shares, largestByStatus(rows), missing, missing.largest);
    // draft (1 firm) goes, and the smallest other part with it — else draft = total − approved − submitted.
    expect(p.shares!.suppressed).toBe(true);
    expect(p.shares!.parts.map((x) => x.value)).toEqual([100, null, null]);
    expect(p.shares!.parts.map((x) => x.pct)).toEqual([(100 / 153) * 100, null, null]);
    expect(p.shares!.parts.map((x) => x.n)).toEqual([5, 4, 1]);
    expect(p.missing).toMatchObject({ n: 1, value: null, suppressed: true });
    // One firm with 90 % of a part tells its figure: dominant.
    const dominant = [{ status: 'approved', value: 100, n: 5, largest: 90 }, { status: 'submitted', value: 50, n: 4, largest: 20 }, { status: 'draft', value: 40, n: 4, largest: 12 }];
    expect(protect(statusShares(dominant, '202012', true), largestByStatus(dominant), null, 0).shares!.parts.map((x) => x.value)).toEqual([null, 50, null]);
    const safe = [{ status: 'approved', value: 100, n: 5, largest: 30 }, { status: 'draft', value: 40, n: 4, largest: 12 }];
    expect(protect(statusShares(safe, '202012', true), largestByStatus(safe), null, 0).shares!.suppressed).toBe(false);
    const city = statusShares([{ status: 'approved', value: 2200, n: 1 }], '2020', false);
    expect(protect(city, null, null, 0).shares).toBe(city);
  });

  it('says so when a target is met on data not all approved, and not when computed on approved values only', () => {
    const shares = { ...statusShares([{ status: 'submitted', value: 709.45, n: 165 }, { status: 'draft', value: 310.59, n: 55 }], '202012', true), of: 'SEI_REVENUE' };
    const base = { actual: { demo: true, reliability: 'demo' as const }, met: true, counted: false, shares, weakest: shares.weakest, missing: null };
    const unapproved = figureQuality({ ...base, approvedOnly: false });
    expect(unapproved.quality).toMatchObject({ weakestStatus: 'draft', metOnUnapproved: true });
    expect(unapproved.message!.zh).toMatch(/按未审核数据判定为达标.*已审核 0\.0%，已报送 69\.6%，草稿 30\.4%/);
    const approved = figureQuality({ ...base, approvedOnly: true });
    expect(approved.quality).toMatchObject({ weakestStatus: 'approved', metOnUnapproved: false });
    expect(approved.message).toBeNull();
    const count = figureQuality({ ...base, approvedOnly: false, counted: true, shares: null, weakest: null });
    expect(count.quality).toMatchObject({ weakestStatus: null, metOnUnapproved: false });
  });

  it('lists the shares and the missing reporters in the components table, in both languages', () => {
    const shares = { ...statusShares([{ status: 'submitted', value: 709.45, n: 165 }, { status: 'draft', value: 310.59, n: 55 }], '202012', true), of: 'SEI_REVENUE' };
    const missing = { period: '202012', previousYear: 2019, n: 11, value: 54.46, withEarlierValue: 11, earlierPeriods: ['202011'], suppressed: false, of: 'SEI_REVENUE' };
    const { quality } = figureQuality({ approvedOnly: false, actual: { demo: true, reliability: 'demo' }, met: true, counted: false, shares, weakest: 'draft', missing });
    const [share, miss] = qualityComponents(quality, '亿元', 'SEI_REVENUE');
    expect(share).toMatchObject({ key: 'approvedShare', value: 0, unit: '%' });
    expect(share!.note!.zh).toBe('已审核 0 亿元（0 家） · 已报送 709.45 亿元（165 家） · 草稿 310.59 亿元（55 家）；最弱状态 草稿');
    expect(share!.note!.en).toContain('submitted 709.45 CNY 100m (165 firms)');
    expect(miss).toMatchObject({ key: 'missingReporters', value: 11 });
    expect(miss!.note!.zh).toBe('2019 年报送、202012 未报；其 202011 值合计 54.46 亿元');
    // A ratio speaks in its numerator's terms.
    expect(qualityComponents(quality, '%', 'SEI_GDP_SHARE')[0]!.note!.zh).toMatch(/^SEI_REVENUE: 已审核 0（0 家）/);
  });
});
