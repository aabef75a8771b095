import { createInitializedDatabase } from '../test/helpers/databases';
import { getCityAnnualSeries } from '../src/db/repositories/city-series';
for (const d of ['sqlite', 'postgres'] as const) {
  const t = Date.now();
  const db = await createInitializedDatabase(d, { demo: true });
  console.log(d, 'init ms', Date.now() - t);
  for (const c of ['SEI_REVENUE', 'SEI_VALUE_ADDED', 'GDP', 'SEI_GDP_SHARE']) console.log(c, JSON.stringify((await getCityAnnualSeries(db.db, c)).map((p) => [p.year, +p.value.toFixed(1), p.reliability])));
  await db.drop();
}
