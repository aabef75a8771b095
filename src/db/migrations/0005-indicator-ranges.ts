// Plausibility ranges of indicators: besides the hard range (min_value/max_value, refused) a soft range
// (soft_min/soft_max: warned, stored only when the reporter confirms) and an integer flag (headcounts
// are refused when fractional instead of silently rounded). Existing built-in indicators get the
// default ranges documented in docs/statistics.md (a copy: a migration never reads today's catalogue);
// an indicator whose hard maximum someone already set keeps it.
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's schema types
type AnyDb = Kysely<any>;

/** code → [hard min, hard max, soft min, soft max, integer]. */
const DEFAULTS: Record<string, [number | null, number | null, number | null, number | null, boolean]> = {
  REVENUE: [0, 1e9, null, 2e6, false],
  VALUE_ADDED: [0, 1e9, null, 5e5, false],
  PROFIT: [-1e9, 1e9, -5e4, 1e5, false],
  RD_EXPENDITURE: [0, 1e8, null, 1e5, false],
  EXPORT_DELIVERY: [0, 1e9, null, 3e5, false],
  FIXED_ASSET_INVESTMENT: [0, 1e9, null, 1e6, false],
  EMPLOYEES: [0, 1e6, null, 20_000, true],
  GDP: [0, 1e5, null, 1e4, false],
  GDP_PRIMARY: [0, 1e5, null, 5000, false],
  GDP_SECONDARY: [0, 1e5, null, 5000, false],
  GDP_TERTIARY: [0, 1e5, null, 5000, false],
  GDP_GROWTH: [-100, 100, -20, 30, false],
  IND_VA_GROWTH: [-100, 100, -30, 40, false],
  FISCAL_REVENUE: [0, 1e4, null, 1000, false],
  HIGH_TECH_VA_GROWTH: [-100, 200, -30, 80, false],
};

export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable('indicator').addColumn('soft_min', 'double precision').execute();
  await db.schema.alterTable('indicator').addColumn('soft_max', 'double precision').execute();
  await db.schema.alterTable('indicator').addColumn('integer_only', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  for (const [code, [min, max, softMin, softMax, integer]] of Object.entries(DEFAULTS)) {
    await sql`update indicator set min_value = ${min}, max_value = ${max}, soft_min = ${softMin}, soft_max = ${softMax}, integer_only = ${integer ? 1 : 0}
      where code = ${code} and builtin = 1 and max_value is null`.execute(db);
  }
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.alterTable('indicator').dropColumn('integer_only').execute();
  await db.schema.alterTable('indicator').dropColumn('soft_max').execute();
  await db.schema.alterTable('indicator').dropColumn('soft_min').execute();
}
