// Evaluation schemes and runs. Definitions, snapshots and results are JSON text: a run is read back
// exactly as it was archived.
import type { Kysely, Transaction } from 'kysely';
import type { EvaluationStore } from '../../core/evaluation/ports';
import type { EvaluationRun, Scheme, SchemeInput } from '../../shared/evaluation';
import { flag, toBool, toIso } from '../mappers';
import type { DB } from '../schema';

type Db = Kysely<DB> | Transaction<DB>;
const SCHEME_COLS = ['id', 'name', 'description', 'definition_json', 'demo', 'row_version', 'created_at', 'updated_at'] as const;
const RUN_COLS = ['r.id', 'r.scheme_id', 's.name as scheme_name', 'r.period', 'r.version', 'r.demo', 'r.created_by', 'r.created_at'] as const;

type SchemeRow = { id: string; name: string; description: string; definition_json: string; demo: number; row_version: number; created_at: string | Date; updated_at: string | Date };
const toScheme = (r: SchemeRow): Scheme => ({
  id: r.id, name: r.name, description: r.description, definition: JSON.parse(r.definition_json) as Scheme['definition'],
  demo: toBool(r.demo), rowVersion: Number(r.row_version), createdAt: toIso(r.created_at)!, updatedAt: toIso(r.updated_at)!,
});

export function evaluationRepository(db: Db): EvaluationStore {
  const runQuery = () => db.selectFrom('evaluation_run as r').innerJoin('evaluation_scheme as s', 's.id', 'r.scheme_id');
  const fullRun = async (ids: string[]): Promise<EvaluationRun[]> => {
    if (!ids.length) return [];
    const rows = await runQuery().select([...RUN_COLS, 'r.scheme_json', 'r.snapshot_json', 'r.result_json']).where('r.id', 'in', ids).execute();
    return rows.map((r) => ({
      id: r.id, schemeId: r.scheme_id, schemeName: r.scheme_name, period: r.period, version: r.version, demo: toBool(r.demo), createdAt: toIso(r.created_at)!, createdBy: r.created_by,
      scheme: JSON.parse(r.scheme_json) as SchemeInput, snapshot: JSON.parse(r.snapshot_json) as EvaluationRun['snapshot'], result: JSON.parse(r.result_json) as EvaluationRun['result'],
    }));
  };
  return {
    listSchemes: async () => (await db.selectFrom('evaluation_scheme').select(SCHEME_COLS).orderBy('name').execute()).map(toScheme),
    getScheme: async (id) => { const r = await db.selectFrom('evaluation_scheme').select(SCHEME_COLS).where('id', '=', id).executeTakeFirst(); return r ? toScheme(r) : null; },
    findSchemeByName: async (name) => { const r = await db.selectFrom('evaluation_scheme').select(SCHEME_COLS).where('name', '=', name).executeTakeFirst(); return r ? toScheme(r) : null; },
    insertScheme: async (id, s, demo, now) => {
      await db.insertInto('evaluation_scheme').values({ id, name: s.name, description: s.description, subject_kind: s.definition.subjectKind, definition_json: JSON.stringify(s.definition), demo: flag(demo), row_version: 1, created_at: now, updated_at: now }).execute();
    },
    updateScheme: async (id, s, rowVersion, now) => {
      const r = await db.updateTable('evaluation_scheme')
        .set({ name: s.name, description: s.description, subject_kind: s.definition.subjectKind, definition_json: JSON.stringify(s.definition), row_version: rowVersion + 1, updated_at: now })
        .where('id', '=', id).where('row_version', '=', rowVersion).executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },
    deleteScheme: async (id, rowVersion) => {
      await db.deleteFrom('evaluation_run').where('scheme_id', '=', id).where((eb) => eb.exists(eb.selectFrom('evaluation_scheme').select('id').where('id', '=', id).where('row_version', '=', rowVersion))).execute();
      const r = await db.deleteFrom('evaluation_scheme').where('id', '=', id).where('row_version', '=', rowVersion).executeTakeFirst();
      return Number(r.numDeletedRows) === 1;
    },
    insertRun: async (run) => {
      await db.insertInto('evaluation_run').values({
        id: run.id, scheme_id: run.schemeId, period: run.period, version: run.version, scheme_json: JSON.stringify(run.scheme),
        snapshot_json: JSON.stringify(run.snapshot), result_json: JSON.stringify(run.result), demo: flag(run.demo), created_by: run.createdBy, created_at: run.createdAt,
      }).execute();
    },
    listRuns: async (f) => {
      let q = runQuery().select(RUN_COLS).orderBy('r.created_at', 'desc').orderBy('r.id');
      if (f.schemeId) q = q.where('r.scheme_id', '=', f.schemeId);
      return (await q.execute()).map((r) => ({ id: r.id, schemeId: r.scheme_id, schemeName: r.scheme_name, period: r.period, version: r.version, demo: toBool(r.demo), createdAt: toIso(r.created_at)!, createdBy: r.created_by }));
    },
    getRun: async (id) => (await fullRun([id]))[0] ?? null,
    latestRuns: async (schemeId, periods) => {
      if (!periods.length) return [];
      const rows = await db.selectFrom('evaluation_run').select(['id', 'period', 'created_at']).where('scheme_id', '=', schemeId).where('period', 'in', periods).execute();
      const latest = new Map<string, { id: string; at: string }>();
      for (const r of rows) { const at = toIso(r.created_at)!; const cur = latest.get(r.period); if (!cur || at > cur.at || (at === cur.at && r.id > cur.id)) latest.set(r.period, { id: r.id, at }); }
      return fullRun([...latest.values()].map((x) => x.id));
    },
  };
}
