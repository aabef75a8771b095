// The supervision board (GET /api/supervision/board: tasks by special action with lights) on 10,000 tasks
// and 100,000 progress reports, p50/p95 over repeated calls, against a baseline measured in the same run:
// a plain indexed select of the same task rows (id, code, title, light, due). Target: p95 ≤ 50 ms.
// Measured three ways: the use-case when nothing changed (served from the board's read model), the first
// call after a write (the model rebuilt), and the HTTP answer (GET /api/supervision/board as the
// coordinator, JSON of all 10,000 rows).
//   npx tsx bench/supervision-board.ts [--tasks 10000] [--reports-per-task 10] [--runs 30] [--dialect sqlite|postgres]
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { newId } from '../src/core/ids';
import { getBoard } from '../src/core/supervision/get-board';
import { bulkInsert } from '../src/db/repositories/bulk';
import { createStore } from '../src/db/store';
import { insertUser } from '../src/db/repositories/users';
import { makeApp, loginAs } from '../test/helpers/http';
import { secrets } from '../src/server/auth/secrets';
import { createInitializedDatabase } from '../test/helpers/databases';
import { arg, dialectsArg } from './bench-common';

const TASKS = arg('tasks', 10_000);
const PER_TASK = arg('reports-per-task', 10);
const RUNS = arg('runs', 30);
const SA = 100;
const NOW = '2020-12-01T00:00:00.000Z';
const LIGHTS = ['green', 'green', 'green', 'yellow', 'red', 'closed'];

const percentile = (xs: number[], p: number) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]; };
async function measure(fn: () => Promise<unknown>): Promise<{ p50: number; p95: number }> {
  for (let i = 0; i < 3; i++) await fn();
  const ms: number[] = [];
  for (let i = 0; i < RUNS; i++) { const t = performance.now(); await fn(); ms.push(performance.now() - t); }
  return { p50: percentile(ms, 50), p95: percentile(ms, 95) };
}

for (const dialect of dialectsArg()) {
  const log = (s: string) => process.stderr.write(`[${dialect}] ${s}\n`);
  const database = await createInitializedDatabase(dialect, { demo: false });
  try {
    const db = database.db;
    await db.deleteFrom('supervision_task').execute();
    const plan = await db.selectFrom('plan').select('id').where('is_default', '=', 1 as never).executeTakeFirstOrThrow();
    const orgs = (await db.selectFrom('organization').select('id').where('kind', 'in', ['department', 'county', 'zone']).orderBy('code').execute()).map((o) => o.id);
    const taskCols = ['id', 'plan_id', 'parent_id', 'kind', 'code', 'title', 'content', 'source_task_id', 'source_section_id', 'start_on', 'due_on', 'proposed', 'reporting_cycle',
      'report_deadline_day', 'weight', 'percent_done', 'status', 'light', 'light_reasons_json', 'time_elapsed_pct', 'lag_points', 'missed_reports', 'reported_this_period',
      'light_as_of', 'sort', 'demo', 'row_version', 'created_at', 'updated_at'];
    const row = (id: string, parent: string | null, kind: string, code: string, i: number, light: string) => [id, plan.id, parent, kind, code, `督办任务 ${code}`, null, null, null,
      '2018-01-01', '2020-12-31', 0, 'monthly', 5, 1, (i * 7) % 100, light === 'closed' ? 'closed' : 'in_progress', light, light === 'red' ? '["lag"]' : '[]', 80, 20, i % 3, 0, '2020-12-01', i, 0, 1, NOW, NOW];
    const tasks: unknown[][] = [];
    const units: unknown[][] = [];
    const saIds: string[] = [];
    for (let s = 0; s < SA; s++) { const id = newId(); saIds.push(id); tasks.push(row(id, null, 'special_action', `SA${s}`, s, 'green')); }
    const taskIds: string[] = [];
    for (let i = 0; i < TASKS; i++) {
      const id = newId();
      taskIds.push(id);
      tasks.push(row(id, saIds[i % SA], 'task', `T${i}`, i, LIGHTS[i % LIGHTS.length]));
      units.push([id, orgs[i % orgs.length], 'lead']);
    }
    log(`inserting ${tasks.length} nodes and ${TASKS * PER_TASK} reports`);
    await bulkInsert(db, { table: 'supervision_task', columns: taskCols }, tasks);
    await bulkInsert(db, { table: 'supervision_task_unit', columns: ['task_id', 'org_id', 'role'] }, units);
    const periods = Array.from({ length: PER_TASK }, (_, k) => `20${19 + Math.floor(k / 12)}${String((k % 12) + 1).padStart(2, '0')}`);
    for (let start = 0; start < TASKS; start += 1000) {
      const reports: unknown[][] = [];
      for (const id of taskIds.slice(start, start + 1000)) {
        for (const p of periods) reports.push([newId(), id, p, null, 50, '', '', '', 'accepted', null, 'u', NOW, 'fgw', NOW, 0, 1, NOW, NOW]);
      }
      await bulkInsert(db, { table: 'supervision_report', columns: ['id', 'task_id', 'period', 'org_id', 'percent_done', 'progress_text', 'problems_text', 'next_steps_text', 'status',
        'return_reason', 'submitted_by', 'submitted_at', 'reviewed_by', 'reviewed_at', 'demo', 'row_version', 'created_at', 'updated_at'] }, reports);
    }
    await sql`analyze`.execute(db);
    const deps = { store: createStore(db), secrets };
    const board = await getBoard(deps, null, { asOf: '2020-12-01' }, '2020-12-01');
    const shown = board.rows.reduce((n, r) => n + r.tasks.length, 0);
    log(`board shows ${shown} tasks; measuring ${RUNS} runs`);
    const base = await measure(() => db.selectFrom('supervision_task').select(['id', 'code', 'title', 'light', 'due_on', 'percent_done']).where('plan_id', '=', plan.id).orderBy('sort').execute());
    const b = await measure(() => getBoard(deps, null, { asOf: '2020-12-01' }, '2020-12-01'));
    const red = await measure(() => getBoard(deps, null, { asOf: '2020-12-01', light: 'red' }, '2020-12-01'));
    // A write (one task's figures) moves the change counter: the next board call rebuilds the model.
    const one = await db.selectFrom('supervision_task').select('id').where('kind', '=', 'task').executeTakeFirstOrThrow();
    const rebuilt = await measure(async () => {
      await deps.store.transaction(async (tx) => tx.supervision.setComputed(one.id, { percentDone: 50, light: { light: 'green', reasons: [], timeElapsedPct: 80, lagPoints: 0 }, missedReports: 0, reportedThisPeriod: false, lightAsOf: '2020-12-01' }));
      return getBoard(deps, null, { asOf: '2020-12-01' }, '2020-12-01');
    });
    const fgw = await db.selectFrom('organization').select('id').where('is_lead', '=', 1 as never).executeTakeFirst();
    await insertUser(db as never, { id: newId(), username: 'benchfgw', displayName: 'bench', passwordHash: await secrets.hashPassword('Bench@2018x'), role: 'coordinator', orgId: fgw?.id ?? null }, NOW);
    const app = await makeApp(database);
    const session = await loginAs(app, 'benchfgw', 'Bench@2018x');
    const http = await measure(async () => {
      const res = await session.request('GET', '/api/supervision/board?asOf=2020-12-01');
      if (res.statusCode !== 200) throw new Error(`board answered ${res.statusCode}: ${res.body.slice(0, 200)}`);
    });
    await app.close();
    console.log(JSON.stringify({
      dialect, tasks: TASKS, reports: TASKS * PER_TASK, runs: RUNS,
      baselineSelect: { p50: +base.p50.toFixed(1), p95: +base.p95.toFixed(1) },
      board: { p50: +b.p50.toFixed(1), p95: +b.p95.toFixed(1), ratioP95: +(b.p95 / base.p95).toFixed(1) },
      boardRed: { p50: +red.p50.toFixed(1), p95: +red.p95.toFixed(1), ratioP95: +(red.p95 / base.p95).toFixed(1) },
      afterWrite: { p50: +rebuilt.p50.toFixed(1), p95: +rebuilt.p95.toFixed(1), ratioP95: +(rebuilt.p95 / base.p95).toFixed(1) },
      http: { p50: +http.p50.toFixed(1), p95: +http.p95.toFixed(1), ratioP95: +(http.p95 / base.p95).toFixed(1) },
      target: 'p95 <= 50 ms', met: b.p95 <= 50 && http.p95 <= 50,
    }));
  } finally {
    await database.drop();
  }
}
