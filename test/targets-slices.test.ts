// The targets' figures read the enterprises one slice of their ids at a time (city-figure.ts, so that a
// computation on a large database lets other requests through). Cut into slices of 7 enterprises, the demo
// database must give the same assessments — shares by status, their largest contributions, the missing
// reporters and their values — as in one slice; both databases.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listTargetAssessments } from '../src/core/targets/list-target-assessments';
import { createStore } from '../src/db/store';
import { secrets } from '../src/server/auth/secrets';
import { createInitializedDatabase, dialects, type TestDatabase } from './helpers/databases';

/** The answer as JSON with every number rounded to 9 significant digits (sums in another order differ in the last bits). */
const rounded = (x: unknown) => JSON.parse(JSON.stringify(x, (_k, v) => (typeof v === 'number' ? Number(v.toPrecision(9)) : v)));

describe.each(dialects)('%s: targets read in slices of enterprises', (dialect) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createInitializedDatabase(dialect, { demo: true });
  });
  afterAll(async () => {
    await database?.drop();
  });

  it('gives the same figures in slices of 7 as in one slice', async () => {
    const whole = createStore(database.db);
    const sliced = createStore(database.db);
    let cuts = 0;
    const bounds = sliced.targets.enterpriseBounds;
    sliced.targets = { ...sliced.targets, enterpriseBounds: async () => { const b = await bounds(7); cuts = b.length; return b; } };
    for (const approvedOnly of [false, true]) {
      for (const asOf of ['2019-12-31', '2020-12-31']) {
        const a = await listTargetAssessments({ store: whole, secrets }, null, asOf, { approvedOnly });
        const b = await listTargetAssessments({ store: sliced, secrets }, null, asOf, { approvedOnly });
        expect(rounded(b), `${asOf} approvedOnly=${approvedOnly}`).toEqual(rounded(a));
      }
    }
    // The demo's enterprises were really cut into many slices, and the figures had something to add up.
    expect(cuts).toBeGreaterThan(10);
    const t1 = (await listTargetAssessments({ store: sliced, secrets }, null, '2020-12-31')).targets.find((t) => t.target.code === 'T1')!;
    expect(t1.quality?.shares?.n ?? 0).toBeGreaterThan(7);
  });
});
