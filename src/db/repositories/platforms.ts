// 创新平台 register.
import { cachedSearchKey } from '../search-key';
import type { StoredPlatform, WriteExtras } from '../../core/registries/ports';
import { newId } from '../../core/ids';
import type { PlatformInput } from '../../shared/registries';
import { flag, toBool, toIso } from '../mappers';
import { deleteVersioned, updateVersioned, type Db } from './versioned';

const columns = [
  'p.id', 'p.name', 'p.type', 'p.level', 'p.previous_level', 'p.upgraded_on', 'p.host_org', 'p.industry_code', 'p.county_org_id',
  'p.recognised_on', 'p.revoked_on', 'p.evidence_file', 'p.note', 'p.demo', 'p.row_version', 'p.updated_at',
  'o.code as county_code', 'o.name as county_name',
] as const;

function query(db: Db) {
  return db.selectFrom('innovation_platform as p').leftJoin('organization as o', 'o.id', 'p.county_org_id').select(columns);
}

type Row = Awaited<ReturnType<ReturnType<typeof query>['executeTakeFirstOrThrow']>>;

const toPlatform = (r: Row): StoredPlatform => ({
  id: r.id, name: r.name, type: r.type as StoredPlatform['type'], level: r.level as StoredPlatform['level'],
  previousLevel: (r.previous_level as StoredPlatform['previousLevel']) ?? null, upgradedOn: r.upgraded_on, hostOrg: r.host_org,
  industryCode: r.industry_code, countyCode: r.county_code ?? null, countyOrgId: r.county_org_id, countyName: r.county_name ?? null,
  recognisedOn: r.recognised_on, revokedOn: r.revoked_on, evidenceFile: r.evidence_file, note: r.note,
  demo: toBool(r.demo), rowVersion: Number(r.row_version), updatedAt: toIso(r.updated_at) ?? '', searchKey: cachedSearchKey(r.name),
});

const values = (p: PlatformInput, countyOrgId: string | null) => ({
  name: p.name, type: p.type, level: p.level, previous_level: p.previousLevel, upgraded_on: p.upgradedOn, host_org: p.hostOrg,
  industry_code: p.industryCode, county_org_id: countyOrgId, recognised_on: p.recognisedOn, revoked_on: p.revokedOn,
  evidence_file: p.evidenceFile, note: p.note,
});

export const platformRepository = (db: Db) => ({
  list: async () => (await query(db).orderBy('p.recognised_on').orderBy('p.name').execute()).map(toPlatform),
  get: async (id: string) => {
    const r = await query(db).where('p.id', '=', id).executeTakeFirst();
    return r ? toPlatform(r) : null;
  },
  findByName: async (name: string) => {
    const r = await query(db).where('p.name', '=', name).executeTakeFirst();
    return r ? toPlatform(r) : null;
  },
  insert: async (p: PlatformInput, x: WriteExtras, now: string) => {
    const id = newId();
    await db.insertInto('innovation_platform').values({ id, ...values(p, x.countyOrgId), demo: flag(x.demo), created_at: now, updated_at: now }).execute();
    return id;
  },
  update: async (id: string, rowVersion: number, p: PlatformInput, x: Pick<WriteExtras, 'countyOrgId'>, now: string) => {
    return updateVersioned(db, 'innovation_platform', id, rowVersion, values(p, x.countyOrgId), now);
  },
  delete: (id: string, rowVersion: number) => deleteVersioned(db, 'innovation_platform', id, rowVersion),
});
