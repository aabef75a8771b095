// `sei init --demo` gives the Xingtai tasks a deterministic supervision history, labelled demo.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStore } from '../src/db/store';
import { secrets } from '../src/server/auth/secrets';
import { computeBulletin } from '../src/core/supervision/compute-bulletin';
import { createInitializedDatabase, dialects, type TestDatabase } from './helpers/databases';

describe.each(dialects)('%s: demo supervision history', (dialect) => {
  let db: TestDatabase;
  beforeAll(async () => { db = await createInitializedDatabase(dialect, { demo: true }); });
  afterAll(async () => { await db?.drop(); });

  it('has signed tasks, reports with a mix of statuses, closures, light history, reminders and 问效, all flagged demo', async () => {
    const count = async (table: 'supervision_task' | 'supervision_report' | 'supervision_light_day' | 'supervision_reminder' | 'supervision_accountability' | 'supervision_closure') =>
      Number((await db.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    // Exact figures: the history is a function of the plan alone (same on both databases, every run).
    // 80 plan tasks and sections, plus the 领导小组议定事项 action and its 9 follow-up tasks of the review
    // demo (each with the light of 2020-12-31 only).
    expect(await count('supervision_task')).toBe(90);
    expect(await count('supervision_report')).toBe(717);
    expect(await count('supervision_light_day')).toBe(14810);
    expect(await count('supervision_reminder')).toBe(127);
    expect(await count('supervision_accountability')).toBe(3);
    expect(await count('supervision_closure')).toBeGreaterThan(0);
    const statuses = await db.db.selectFrom('supervision_report').select(['status', 'demo']).execute();
    expect(new Set(statuses.map((s) => s.status))).toEqual(new Set(['accepted', 'returned']));
    expect(statuses.every((s) => Number(s.demo) === 1)).toBe(true);
    const lights = new Set((await db.db.selectFrom('supervision_light_day').select('light').distinct().execute()).map((r) => r.light));
    expect(lights).toContain('red');
    expect(lights).toContain('green');
    const unsigned = await db.db.selectFrom('supervision_assignment').select('id').where('signed_at', 'is', null).execute();
    expect(unsigned).toHaveLength(0);
    const b = await computeBulletin({ store: createStore(db.db), secrets }, null, { period: '2020Q4' }, new Date('2021-01-05T00:00:00Z'));
    expect(b.demo).toBe(true);
    expect(b.departments.length).toBeGreaterThan(3);
    expect(b.totals.reportsDue).toBeGreaterThan(0);
    expect(b.totals.tasksClosed).toBeGreaterThan(0);
  });
});
