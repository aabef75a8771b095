// Issue 14 item 17: a project's lights come with their reasons and the figures behind them — a 竣工
// project with 「竣工投产」 still open says why its 节点 light is red. Figures recomputed from the record.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Project } from '../src/shared/registries';
import { createInitializedDatabase, dialects, type TestDatabase } from './helpers/databases';
import { loginAs, makeApp, type Session } from './helpers/http';

describe.each(dialects)('%s: project lights explained', (dialect) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let fgw: Session;
  beforeAll(async () => {
    database = await createInitializedDatabase(dialect, { demo: true });
    app = await makeApp(database);
    fgw = await loginAs(app, 'fgw');
  });
  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  it('explains every light of every project, and a red 节点 of a 竣工 project names its open milestone', async () => {
    const asOf = '2020-12-01';
    const items = (await fgw.request('GET', `/api/projects?asOf=${asOf}`)).json().items as Project[];
    for (const p of items) {
      const r = p.lights.reasons!;
      for (const k of ['start', 'progress', 'funds', 'milestones'] as const) expect(r[k].zh.length, `${p.name} ${k}`).toBeGreaterThan(0);
      if (p.lights.funds === 'red') {
        // The project's own fund rows and, where the leading group approved funds for it, their schedule and payments.
        const due = [...p.funds, ...(p.reviewFunds?.rows ?? [])].filter((f) => f.period <= '202012');
        const planned = due.reduce((a, f) => a + f.planned, 0);
        const disbursed = due.reduce((a, f) => a + f.disbursed, 0);
        expect(r.funds.zh).toContain(`少 ${(+(planned - disbursed).toFixed(0)).toLocaleString('en-US')} 万元`);
      }
    }
    const completed = items.filter((p) => p.stage === 'completed' && p.lights.milestones === 'red');
    expect(completed.length).toBeGreaterThan(0);
    for (const p of completed) {
      const open = p.milestones.filter((m) => m.plannedOn <= asOf && !m.doneOn);
      for (const m of open) expect(p.lights.reasons!.milestones.zh).toContain(`「${m.name}」计划 ${m.plannedOn}`);
      expect(p.lights.reasons!.milestones.zh).toContain('项目阶段已为“竣工”');
    }
  });
});
