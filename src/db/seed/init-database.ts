import { NO_MIGRATIONS, Migrator } from 'kysely';
import { AppError } from '../../core/app-error';
import { loadPlanFile } from '../../core/plans/load-plan-file';
import type { Secrets } from '../../core/ports';
import type { Database } from '../connect';
import { MIGRATIONS, migrateToLatest } from '../migrate';
import { getMeta, setMeta } from '../repositories/meta';
import { storeInTransaction } from '../store';
import { addDemoData } from './demo';
import { addDemoRegistries } from './demo-registries';
import { addDemoSupervision } from './demo-supervision';
import { addDemoEvaluation } from './demo-evaluation';
import { addDemoReview } from './demo-review';
import { prefillRegistriesFromPlan } from './registries-from-plan';
import { loadReference } from './load-reference';
import { loadReferenceStatistics, loadStatisticsCatalogue } from './statistics-seed';
import { DEFAULT_PLAN_FILE, readYaml } from './reference-files';

export interface InitOptions {
  demo: boolean;
  force: boolean;
  planFile?: string;
  now?: Date;
}

export interface InitResult {
  planId: string;
  demo: boolean;
}

export async function isInitialized(database: Database): Promise<boolean> {
  await migrateToLatest(database.db);
  return (await getMeta(database.db, 'initialized_at')) !== null;
}

/**
 * Creates the schema and loads reference data, organisations, the plan and (with demo) the demo
 * data in one transaction: a failure leaves the database as it was.
 */
export async function initDatabase(database: Database, secrets: Secrets, opts: InitOptions): Promise<InitResult> {
  const { db } = database;
  if (opts.force) {
    const migrator = new Migrator({ db, provider: { getMigrations: async () => MIGRATIONS } });
    const r = await migrator.migrateTo(NO_MIGRATIONS);
    if (r.error) throw r.error;
  }
  if (await isInitialized(database)) {
    throw new AppError('CONFLICT', {
      zh: '数据库已初始化；如需清空重建请加 --force（将删除全部数据）',
      en: 'database already initialised; add --force to wipe and recreate it (deletes all data)',
    });
  }
  const raw = readYaml(opts.planFile ?? DEFAULT_PLAN_FILE);
  const now = opts.now ?? new Date();
  return db.transaction().execute(async (trx) => {
    await loadReference(trx, now.toISOString());
    const store = storeInTransaction(trx);
    const { id } = await loadPlanFile({ store, secrets }, null, raw, { isDefault: true, now });
    await prefillRegistriesFromPlan(trx, id, now.toISOString());
    await loadStatisticsCatalogue(trx, now.toISOString());
    await loadReferenceStatistics(trx, now.toISOString());
    if (opts.demo) await addDemoData(trx, secrets, now.toISOString());
    if (opts.demo) await addDemoRegistries(trx, now.toISOString());
    if (opts.demo) await addDemoSupervision(trx, secrets, now.toISOString());
    if (opts.demo) await addDemoEvaluation(trx, secrets, now.toISOString());
    if (opts.demo) await addDemoReview(trx, secrets, now.toISOString());
    await setMeta(trx, 'demo', opts.demo ? '1' : '0');
    await setMeta(trx, 'initialized_at', now.toISOString());
    return { planId: id, demo: opts.demo };
  });
}
