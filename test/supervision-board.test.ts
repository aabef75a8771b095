// The supervision board's read model on both databases: a write made through any store — another
// request, another worker process, the CLI — is on the next board; a write that rolls back leaves the
// model as it was; paging and the county filter keep counts over every matching task.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getBoard } from '../src/core/supervision/get-board';
import { createStore } from '../src/db/store';
import { secrets } from '../src/server/auth/secrets';
import { createInitializedDatabase, dialects, type TestDatabase } from './helpers/databases';
import { craftTasks, type Crafted } from './helpers/supervision-craft';

const AS_OF = '2020-06-30';
const tasks = Array.from({ length: 12 }, (_, i) => ({
  code: `B${String(i + 1).padStart(2, '0')}`, lead: 'dept-gxj', county: i % 3 === 0 ? '130528' : '130502',
  startOn: '2020-01-01', dueOn: '2020-12-31', light: i % 4 === 0 ? 'red' : 'green',
}));

describe.each(dialects)('%s: the supervision board', (dialect) => {
  let db: TestDatabase;
  let crafted: Crafted;
  const deps = () => ({ store: createStore(db.db), secrets });

  beforeAll(async () => {
    db = await createInitializedDatabase(dialect, { demo: false });
    crafted = await craftTasks(db.db, tasks);
    // Stored lights of the as-of date, so the board reads them as they are (no recompute).
    await db.db.updateTable('supervision_task').set({ light_as_of: AS_OF }).execute();
  });
  afterAll(async () => { await db?.drop(); });

  it('shows a write made through another store on the next call, and not one that rolled back', async () => {
    const reader = deps();
    const writer = deps(); // another process: its own store, the same database
    const id = crafted.ids.get('B02')!;
    const before = await getBoard(reader, null, { asOf: AS_OF }, AS_OF);
    expect(before.counts).toMatchObject({ red: 3, green: 9 });
    const stale = { percentDone: 10, light: { light: 'red' as const, reasons: ['lag' as const], timeElapsedPct: 50, lagPoints: 40 }, missedReports: 0, reportedThisPeriod: false, lightAsOf: AS_OF };
    await expect(writer.store.transaction(async (tx) => {
      await tx.supervision.setComputed(id, stale);
      throw new Error('rolled back');
    })).rejects.toThrow('rolled back');
    expect((await getBoard(reader, null, { asOf: AS_OF }, AS_OF)).counts).toMatchObject({ red: 3, green: 9 });
    await writer.store.transaction((tx) => tx.supervision.setComputed(id, stale));
    const after = await getBoard(reader, null, { asOf: AS_OF }, AS_OF);
    expect(after.counts).toMatchObject({ red: 4, green: 8 });
    const row = after.rows[0].tasks.find((t) => t.id === id)!;
    expect(row.light).toMatchObject({ light: 'red', reasons: ['lag'], lagPoints: 40 });
  });

  it('pages the tasks, with counts and total over all of them', async () => {
    const d = deps();
    const p1 = await getBoard(d, null, { asOf: AS_OF, limit: 5 }, AS_OF);
    const p3 = await getBoard(d, null, { asOf: AS_OF, limit: '5', offset: '10' }, AS_OF);
    expect(p1).toMatchObject({ total: 12, offset: 0, limit: 5 });
    expect(p1.rows[0].tasks.map((t) => t.code)).toEqual(['B01', 'B02', 'B03', 'B04', 'B05']);
    expect(p3.rows[0].tasks.map((t) => t.code)).toEqual(['B11', 'B12']);
    expect(p1.rows[0].counts.red + p1.rows[0].counts.green).toBe(12);
    expect(p1.specialActions).toEqual([{ id: crafted.specialActionId, code: 'SA1', title: '任务SA1' }]);
    await expect(getBoard(d, null, { asOf: AS_OF, limit: 5000 }, AS_OF)).rejects.toThrow(/limit/);
  });

  it('filters by county (its counties or the unit it is assigned to) before paging', async () => {
    const b = await getBoard(deps(), null, { asOf: AS_OF, countyId: crafted.orgs.get('130528'), limit: 2 }, AS_OF);
    expect(b.total).toBe(4);
    expect(b.rows[0].tasks.map((t) => t.code)).toEqual(['B01', 'B04']);
  });
});
