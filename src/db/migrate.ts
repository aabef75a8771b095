// Migrations are listed here (not discovered on disk) so they run the same under tsx, in tests and in a bundle.
import { Migrator, type Migration, type MigrationResultSet } from 'kysely';
import type { Kysely } from 'kysely';
import * as m0001 from './migrations/0001-foundation';
import * as m0002 from './migrations/0002-statistics';
import * as m0003 from './migrations/0003-registries';
import * as m0004 from './migrations/0004-enterprise-park';
import * as m0005 from './migrations/0005-indicator-ranges';
import * as m0006 from './migrations/0006-users-notifications';
import * as m0007 from './migrations/0007-supervision';
import * as m0011 from './migrations/0011-search-keys';
import * as m0015 from './migrations/0015-cockpit';
import * as m0016 from './migrations/0016-search-grams';
import * as m0008 from './migrations/0008-evaluation';
import * as m0010 from './migrations/0010-publication';
import * as m0009 from './migrations/0009-review';
import * as m0012 from './migrations/0012-lockout';
import * as m0017 from './migrations/0017-partitions';
import * as m0018 from './migrations/0018-values-covering-index';
import * as m0019 from './migrations/0019-audit-directory-index';
import type { DB } from './schema';

export const MIGRATIONS: Record<string, Migration> = {
  '0001-foundation': m0001,
  '0002-statistics': m0002,
  '0003-registries': m0003,
  '0004-enterprise-park': m0004,
  '0005-indicator-ranges': m0005,
  '0006-users-notifications': m0006,
  '0007-supervision': m0007,
  '0011-search-keys': m0011,
  '0015-cockpit': m0015,
  '0016-search-grams': m0016,
  '0008-evaluation': m0008,
  '0010-publication': m0010,
  '0009-review': m0009,
  '0012-lockout': m0012,
  '0017-partitions': m0017,
  '0018-values-covering-index': m0018,
  '0019-audit-directory-index': m0019,
};

export async function migrateToLatest(db: Kysely<DB>): Promise<MigrationResultSet> {
  // Migrations of one release may be numbered out of the order they were first run in development.
  const migrator = new Migrator({ db, provider: { getMigrations: async () => MIGRATIONS }, allowUnorderedMigrations: true });
  const result = await migrator.migrateToLatest();
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error')?.migrationName ?? '?';
    throw new Error(`数据库迁移失败 / migration ${failed} failed: ${String(result.error)}`);
  }
  return result;
}
