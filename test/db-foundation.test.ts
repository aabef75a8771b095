import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../src/core/app-error';
import { loadPlanFile } from '../src/core/plans/load-plan-file';
import { addUser } from '../src/core/users/add-user';
import { changePassword } from '../src/core/users/change-password';
import { listAudit } from '../src/db/audit';
import { MIGRATIONS } from '../src/db/migrate';
import { findDefaultPlanId, getPlanDetail } from '../src/db/repositories/plans';
import { initDatabase } from '../src/db/seed/init-database';
import { createStore } from '../src/db/store';
import { secrets } from '../src/server/auth/secrets';
import type { PlanFile } from '../src/shared/plan-file';
import { createInitializedDatabase, createMigratedDatabase, createTestDatabase, dialects, type TestDatabase } from './helpers/databases';

const planFile = parse(readFileSync(new URL('../plans/xingtai-sei-2018-2020.yaml', import.meta.url), 'utf8')) as PlanFile;
const count = async (db: TestDatabase, table: 'plan' | 'target' | 'task' | 'app_user' | 'audit_log' | 'organization') =>
  Number((await db.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

describe.each(dialects)('%s: database foundation', (dialect) => {
  let database: TestDatabase | undefined;
  afterEach(async () => {
    await database?.drop();
    database = undefined;
  });

  it('runs every migration up on an empty database', async () => {
    database = await createMigratedDatabase(dialect);
    const rows = await database.db.selectFrom('kysely_migration' as never).select('name' as never).execute();
    expect(rows.map((r) => (r as { name: string }).name)).toEqual(Object.keys(MIGRATIONS).sort());
    expect(await count(database, 'plan')).toBe(0);
  });

  it('loads the Xingtai plan and reads it back as written in the plan file', async () => {
    database = await createInitializedDatabase(dialect, { demo: false });
    const id = await findDefaultPlanId(database.db);
    const plan = (await getPlanDetail(database.db, id!))!;
    expect(plan.title).toBe(planFile.plan.title);
    expect(plan.status).toBe('published');
    expect(plan.basis).toEqual(planFile.plan.basis);
    expect(plan.targets.map((t) => [t.code, t.comparator, t.value, t.unit, t.year])).toEqual(
      planFile.targets.map((t) => [t.code, t.comparator, t.value, t.unit, t.year]),
    );
    expect(plan.industries.map((i) => i.code)).toEqual(planFile.industries.map((i) => i.code));
    expect(plan.industries[0].seiCategories[0].name).toMatch(/产业/);
    expect(plan.tasks).toHaveLength(planFile.tasks.length);
    expect(plan.measures).toHaveLength(5);
    expect(plan.entities).toHaveLength(planFile.entities.length);
    // Every task keeps its organisations and counties.
    const fileTask = planFile.tasks.find((t) => t.counties.length > 0)!;
    const dbTask = plan.tasks.find((t) => t.code === fileTask.code)!;
    expect(dbTask.counties.map((c) => c.code).sort()).toEqual([...new Set(fileTask.counties)].sort());
    expect(dbTask.leadOrg?.code).toBe(fileTask.leadOrg);
    // The outline tree round-trips with bodies.
    const areas = plan.sections.find((s) => s.key === '2')!.children;
    expect(areas.map((s) => s.key)).toEqual(['2.1', '2.2', '2.3', '2.4', '2.5', '2.6', '2.7', '2.8', '2.9']);
    expect(areas[8].body).toContain('10个以上');
    // Entities are linked to the sections that name them.
    const xingGang = plan.entities.find((e) => e.name === '邢钢')!;
    expect(xingGang.sectionKeys).toContain('2.2');
  });

  it('loads reference data with provenance: divisions, GB/T 4754-2017, the SEI 2018 catalogue', async () => {
    database = await createInitializedDatabase(dialect, { demo: false });
    const sources = await database.db.selectFrom('reference_source').select(['dataset', 'rows', 'source']).orderBy('dataset').execute();
    expect(Object.fromEntries(sources.map((s) => [s.dataset, Number(s.rows)]))).toMatchObject({
      division: 20, industry_class: 1382 + 473 + 97 + 20, sei_category: 49, sei_mapping: 939,
    });
    const renqiu = await database.db.selectFrom('division').select(['name_2020', 'code_2020']).where('code', '=', '130526').executeTakeFirstOrThrow();
    expect(renqiu).toEqual({ name_2020: '任泽区', code_2020: '130505' });
    const successor = await database.db.selectFrom('organization').select(['name', 'kind']).where('code', '=', '130505').executeTakeFirstOrThrow();
    expect(successor).toEqual({ name: '任泽区', kind: 'county' });
  });

  it('writes audit rows for the plan and every user it creates', async () => {
    database = await createInitializedDatabase(dialect, { demo: true });
    const planAudit = await listAudit(database.db, { entity: 'plan' });
    expect(planAudit).toHaveLength(1);
    expect(planAudit[0].after).toMatchObject({ code: 'xingtai-sei-2018-2020', targets: 5 });
    const store = createStore(database.db);
    const deps = { store, secrets };
    const { id } = await addUser(deps, null, { username: 'zhangsan', password: 'long-enough-1', role: 'county', orgCode: '130533' }, new Date());
    await changePassword(deps, null, { username: 'zhangsan', password: 'another-long-2' }, new Date());
    const userAudit = await listAudit(database.db, { entity: 'user', entityId: id });
    expect(userAudit.map((a) => a.action).sort()).toEqual(['change-password', 'create']);
    expect(JSON.stringify(userAudit)).not.toContain('argon2');
  });

  it('refuses a second init without --force and changes nothing', async () => {
    database = await createInitializedDatabase(dialect, { demo: false });
    const before = await count(database, 'audit_log');
    await expect(initDatabase(database, secrets, { demo: true, force: false })).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await count(database, 'audit_log')).toBe(before);
    expect(await count(database, 'app_user')).toBe(0);
  });

  it('re-creates everything with --force', async () => {
    database = await createInitializedDatabase(dialect, { demo: true });
    await initDatabase(database, secrets, { demo: false, force: true });
    expect(await count(database, 'plan')).toBe(1);
    expect(await count(database, 'app_user')).toBe(0);
    // --force runs every migration down: on PostgreSQL 0017's down copies the demo values back into plain
    // tables before 0002 drops them (≈ 7 s more at load 11).
  }, 90_000);

  it('rejects a plan file with a broken reference whole: nothing is written', async () => {
    database = await createInitializedDatabase(dialect, { demo: false });
    const broken = structuredClone(planFile);
    broken.plan.code = 'broken-plan';
    broken.tasks[3].leadOrg = 'dept-nowhere';
    broken.targets[0].sectionKey = '9.9';
    const [plans, targets] = [await count(database, 'plan'), await count(database, 'target')];
    const store = createStore(database.db);
    const err = await loadPlanFile({ store, secrets }, null, broken, { isDefault: false, now: new Date() }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('VALIDATION');
    expect((err as AppError).issues?.map((i) => i.path)).toEqual(expect.arrayContaining(['tasks[3].leadOrg', 'targets[0].sectionKey']));
    expect([await count(database, 'plan'), await count(database, 'target')]).toEqual([plans, targets]);
  });

  it('loads a second version of the same plan code as version 2', async () => {
    database = await createInitializedDatabase(dialect, { demo: false });
    const draft = structuredClone(planFile);
    draft.plan.status = 'draft';
    const store = createStore(database.db);
    const { id } = await loadPlanFile({ store, secrets }, null, draft, { isDefault: false, now: new Date() });
    const plan = await getPlanDetail(database.db, id);
    expect([plan?.version, plan?.status]).toEqual([2, 'draft']);
  });

  it('rejects duplicate user names with CONFLICT and unknown organisations with VALIDATION', async () => {
    database = await createTestDatabase(dialect);
    await initDatabase(database, secrets, { demo: true, force: false });
    const deps = { store: createStore(database.db), secrets };
    await expect(addUser(deps, null, { username: 'admin', password: 'long-enough-1', role: 'admin' }, new Date())).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(addUser(deps, null, { username: 'new1', password: 'long-enough-1', role: 'county', orgCode: '999999' }, new Date())).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(addUser(deps, null, { username: 'new2', password: 'short', role: 'admin' }, new Date())).rejects.toMatchObject({ code: 'VALIDATION' });
  });
});
