// 园区 / 集聚区 / 示范基地 register.
import { cachedSearchKey } from '../search-key';
import type { StoredPark, WriteExtras } from '../../core/registries/ports';
import { newId } from '../../core/ids';
import type { ParkInput } from '../../shared/registries';
import { flag, parseJson, toBool, toIso } from '../mappers';
import { deleteVersioned, updateVersioned, type Db } from './versioned';

const columns = [
  'p.id', 'p.name', 'p.type', 'p.county_org_id', 'p.lead_industries_json', 'p.status', 'p.recognised_on', 'p.note', 'p.source',
  'p.demo', 'p.row_version', 'p.updated_at', 'o.code as county_code', 'o.name as county_name',
] as const;

function query(db: Db) {
  return db.selectFrom('park as p').leftJoin('organization as o', 'o.id', 'p.county_org_id').select(columns);
}

type Row = Awaited<ReturnType<ReturnType<typeof query>['executeTakeFirstOrThrow']>>;

const toPark = (r: Row): StoredPark => ({
  id: r.id, name: r.name, type: r.type as StoredPark['type'], countyCode: r.county_code ?? null, countyOrgId: r.county_org_id,
  countyName: r.county_name ?? null, leadIndustries: parseJson<string[]>(r.lead_industries_json, []),
  status: (r.status as StoredPark['status']) ?? null, recognisedOn: r.recognised_on, note: r.note, source: r.source as StoredPark['source'],
  demo: toBool(r.demo), rowVersion: Number(r.row_version), updatedAt: toIso(r.updated_at) ?? '', searchKey: cachedSearchKey(r.name),
});

const values = (p: ParkInput, countyOrgId: string | null) => ({
  name: p.name, type: p.type, county_org_id: countyOrgId, lead_industries_json: JSON.stringify(p.leadIndustries),
  status: p.status, recognised_on: p.recognisedOn, note: p.note,
});

export const parkRepository = (db: Db) => ({
  list: async () => (await query(db).orderBy('p.created_at').orderBy('p.id').execute()).map(toPark),
  get: async (id: string) => {
    const r = await query(db).where('p.id', '=', id).executeTakeFirst();
    return r ? toPark(r) : null;
  },
  findByName: async (name: string) => {
    const r = await query(db).where('p.name', '=', name).executeTakeFirst();
    return r ? toPark(r) : null;
  },
  insert: async (p: ParkInput, x: WriteExtras & { planEntityId?: string | null }, now: string) => {
    const id = newId();
    await db.insertInto('park').values({ id, ...values(p, x.countyOrgId), source: x.source, plan_entity_id: x.planEntityId ?? null, demo: flag(x.demo), created_at: now, updated_at: now }).execute();
    return id;
  },
  update: async (id: string, rowVersion: number, p: ParkInput, x: Pick<WriteExtras, 'countyOrgId'>, now: string) => {
    return updateVersioned(db, 'park', id, rowVersion, values(p, x.countyOrgId), now);
  },
  delete: (id: string, rowVersion: number) => deleteVersioned(db, 'park', id, rowVersion),
});
