import { describe, expect, it } from 'vitest';
import type { LightDayRecord } from '../../../shared/supervision';
import { lightSpans } from './light-spans';

const day = (d: string, light: string, lag = 0): LightDayRecord => ({ day: d, light, percentDone: 10, timeElapsedPct: 20, lagPoints: lag, reasons: light === 'red' ? ['lag'] : [] });

describe('lightSpans', () => {
  it('joins consecutive days of one light, splits on a change or a gap, newest first', () => {
    const spans = lightSpans([
      day('2020-02-27', 'green'), day('2020-02-28', 'green'), day('2020-02-29', 'red', 21), day('2020-03-01', 'red', 22),
      day('2020-03-03', 'red', 24), // a gap of one day starts a new span
    ]);
    expect(spans.map((s) => [s.from, s.to, s.days, s.light])).toEqual([
      ['2020-03-03', '2020-03-03', 1, 'red'],
      ['2020-02-29', '2020-03-01', 2, 'red'],
      ['2020-02-27', '2020-02-28', 2, 'green'],
    ]);
    expect(spans[1].last.lagPoints).toBe(22);
  });
  it('is empty for no days', () => expect(lightSpans([])).toEqual([]));
});
