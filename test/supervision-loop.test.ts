// 督查督办 on both databases: the tree from the plan (a proposal), decomposition, 交办 → 签收 → report →
// return → resubmit → accept (roll-up by weight) → closure request → return → close (read-only) → reopen;
// a stale write refused; scoping of county and department users; evidence type/size refusal and
// attachment headers; every step audited.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { createInitializedDatabase, dialects, type TestDatabase } from './helpers/databases';
import { loginAs, makeApp, type Session } from './helpers/http';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const b64 = (b: Buffer) => b.toString('base64');

interface Node { id: string; code: string; kind: string; rowVersion: number; percentDone: number; status: string; proposed: boolean; startOn: string; dueOn: string; lead: { id: string; code: string } | null; counties: { code: string }[]; light: { light: string; reasons: string[] }; assignment: { org: { id: string }; signedBy: string | null; signedAt: string | null } | null; children: Node[] }

describe.each(dialects)('%s: the supervision loop', (dialect) => {
  let db: TestDatabase;
  let app: FastifyInstance;
  let fgw: Session;
  let gxj: Session;
  let ningjin: Session;
  let leader: Session;
  let tree: Node[];
  const flat = (ns: Node[]): Node[] => ns.flatMap((n) => [n, ...flat(n.children)]);
  const byCode = (code: string) => flat(tree).find((n) => n.code === code)!;
  const task = async (s: Session, id: string) => (await s.request('GET', `/api/supervision/tasks/${id}`)).json() as Node;

  beforeAll(async () => {
    db = await createInitializedDatabase(dialect, { demo: true });
    app = await makeApp(db);
    [fgw, gxj, ningjin, leader] = await Promise.all(['fgw', 'gxj', 'ningjin', 'leader'].map((u) => loginAs(app, u)));
    // Start from an empty tree, whatever the demo data put there.
    for (const t of ['supervision_bulletin', 'supervision_reminder', 'supervision_accountability', 'supervision_light_day', 'supervision_closure', 'supervision_report', 'supervision_assignment', 'supervision_task_link', 'supervision_task_unit'] as const) await db.db.deleteFrom(t).execute();
    await db.db.deleteFrom('evidence_file').where('entity', 'like', 'supervision%').execute();
    await db.db.updateTable('supervision_task').set({ parent_id: null }).execute();
    await db.db.deleteFrom('supervision_task').execute();
    const first = await fgw.request('POST', '/api/supervision/import-plan', {});
    expect(first.statusCode).toBe(200);
    expect(first.json().created).toBe(80); // the plan's tasks and the sections that hold them
    expect((await fgw.request('POST', '/api/supervision/import-plan', {})).json().created).toBe(0);
    tree = (await fgw.request('GET', '/api/supervision/tree?asOf=2020-06-30')).json().nodes;
  });
  afterAll(async () => { await app?.close(); await db?.drop(); });

  it('builds the tree from the plan with its units and proposed dates', () => {
    expect(tree.every((n) => n.kind === 'special_action')).toBe(true);
    const t = byCode('2.1-01');
    expect(t).toMatchObject({ kind: 'task', proposed: true, startOn: '2018-01-01', dueOn: '2020-12-31', lead: { code: 'dept-gxj' } });
    expect(byCode('2.1-06').counties.map((c) => c.code)).toContain('130528');
  });

  it('runs assign → sign → report → return → resubmit → accept → closure → return → close → reopen', async () => {
    const t = byCode('2.1-01');
    // Decomposition: two sub-tasks weighted 3 and 1; they inherit the task's units.
    const mk = async (title: string, weight: number) => {
      const r = await fgw.request('POST', '/api/supervision/tasks', { parentId: t.id, kind: 'subtask', title, weight, startOn: '2020-01-01', dueOn: '2020-12-31', reportingCycle: 'quarterly', reportDeadlineDay: 10 });
      expect(r.statusCode, r.body).toBe(201);
      return r.json() as Node;
    };
    const s1 = await mk('光伏电池效率攻关', 3);
    await mk('光伏示范应用', 1);
    expect(s1.code).toBe('2.1-01.1');
    // Only the coordinator decomposes.
    expect((await gxj.request('POST', '/api/supervision/tasks', { parentId: t.id, kind: 'subtask', title: 'x' })).statusCode).toBe(403);

    const lead = t.lead!.id;
    let r = await fgw.request('POST', `/api/supervision/tasks/${s1.id}/assign`, { rowVersion: s1.rowVersion, orgId: lead, note: '请按季度报送' });
    expect(r.statusCode, r.body).toBe(200);
    let node = r.json() as Node;
    expect(node.assignment).toMatchObject({ org: { id: lead }, signedBy: null });
    // Reporting waits for the signature.
    expect((await gxj.request('POST', `/api/supervision/tasks/${s1.id}/reports`, { period: '2020Q1', percentDone: 10 })).statusCode).toBe(409);
    r = await gxj.request('POST', `/api/supervision/tasks/${s1.id}/sign`, { rowVersion: node.rowVersion });
    expect(r.statusCode, r.body).toBe(200);
    node = r.json();
    expect(node.assignment!.signedBy).toBe('gxj');
    expect(node.assignment!.signedAt).toBeTruthy();

    r = await gxj.request('POST', `/api/supervision/tasks/${s1.id}/reports`, { period: '2020Q1', percentDone: 80, progress: '完成中试', problems: '资金不足', nextSteps: '量产', submit: true });
    expect(r.statusCode, r.body).toBe(201);
    let rep = r.json();
    expect(rep.status).toBe('submitted');
    // A return needs a reason.
    r = await fgw.request('POST', `/api/supervision/reports/${rep.id}/review`, { rowVersion: rep.rowVersion, decision: 'return' });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.issues[0].path).toBe('reason');
    r = await fgw.request('POST', `/api/supervision/reports/${rep.id}/review`, { rowVersion: rep.rowVersion, decision: 'return', reason: '缺少佐证材料' });
    expect(r.json()).toMatchObject({ status: 'returned', returnReason: '缺少佐证材料', reviewedBy: 'fgw' });
    rep = r.json();
    // Stale edit refused, then the right version resubmits.
    expect((await gxj.request('PUT', `/api/supervision/reports/${rep.id}`, { rowVersion: rep.rowVersion - 1, percentDone: 80, submit: true })).statusCode).toBe(409);
    r = await gxj.request('PUT', `/api/supervision/reports/${rep.id}`, { rowVersion: rep.rowVersion, percentDone: 80, progress: '完成中试（附材料）', submit: true });
    expect(r.statusCode, r.body).toBe(200);
    rep = r.json();
    expect(rep.status).toBe('submitted');
    r = await fgw.request('POST', `/api/supervision/reports/${rep.id}/review`, { rowVersion: rep.rowVersion, decision: 'accept' });
    expect(r.json().status).toBe('accepted');
    // Roll-up: (3 × 80 + 1 × 0) ÷ 4 = 60 on the parent task.
    expect((await task(fgw, s1.id)).percentDone).toBe(80);
    expect((await task(fgw, t.id)).percentDone).toBeCloseTo(60, 9);

    // Closure: requested by the lead unit, returned, requested again, closed.
    node = await task(gxj, s1.id);
    r = await gxj.request('POST', `/api/supervision/tasks/${s1.id}/closure`, { rowVersion: node.rowVersion, note: '已完成，申请销号' });
    expect(r.statusCode, r.body).toBe(201);
    let cl = r.json();
    expect((await gxj.request('POST', `/api/supervision/closures/${cl.id}/evidence`, { fileName: '验收报告.pdf', fileBase64: b64(PDF) })).statusCode).toBe(201);
    node = await task(fgw, s1.id);
    r = await fgw.request('POST', `/api/supervision/closures/${cl.id}/decide`, { rowVersion: node.rowVersion, decision: 'return', reason: '验收意见未盖章' });
    expect(r.json()).toMatchObject({ status: 'returned', reason: '验收意见未盖章' });
    node = await task(gxj, s1.id);
    cl = (await gxj.request('POST', `/api/supervision/tasks/${s1.id}/closure`, { rowVersion: node.rowVersion, note: '补充盖章材料' })).json();
    node = await task(fgw, s1.id);
    r = await fgw.request('POST', `/api/supervision/closures/${cl.id}/decide`, { rowVersion: node.rowVersion, decision: 'close' });
    expect(r.json().status).toBe('closed');
    node = await task(fgw, s1.id);
    expect(node.status).toBe('closed');
    expect(node.light).toMatchObject({ light: 'closed', reasons: [] });
    // Closed is read-only.
    expect((await fgw.request('PUT', `/api/supervision/tasks/${s1.id}`, { rowVersion: node.rowVersion, title: '改名' })).statusCode).toBe(423);
    expect((await gxj.request('POST', `/api/supervision/tasks/${s1.id}/reports`, { period: '2020Q2', percentDone: 90 })).statusCode).toBe(423);
    // Reopen needs a reason and is recorded.
    expect((await fgw.request('POST', `/api/supervision/tasks/${s1.id}/reopen`, { rowVersion: node.rowVersion })).statusCode).toBe(400);
    r = await fgw.request('POST', `/api/supervision/tasks/${s1.id}/reopen`, { rowVersion: node.rowVersion, reason: '复查发现问题' });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().status).toBe('in_progress');
    const closures = (await fgw.request('GET', `/api/supervision/tasks/${s1.id}/closures`)).json().closures;
    expect(closures.map((c: { status: string }) => c.status)).toEqual(['reopened', 'closed', 'returned']);
    expect(closures[1].evidence).toHaveLength(0);
    expect(closures[2].evidence.map((e: { fileName: string }) => e.fileName)).toEqual(['验收报告.pdf']);

    const audit = await db.db.selectFrom('audit_log').select(['action', 'entity']).where('entity', 'in', ['supervision_task', 'progress_report', 'closure', 'supervision_closure']).execute();
    const actions = audit.map((a) => `${a.entity}:${a.action}`);
    for (const a of ['supervision_task:import-plan-tasks', 'supervision_task:create', 'supervision_task:assign', 'supervision_task:sign', 'progress_report:submit', 'progress_report:return', 'progress_report:accept',
      'closure:request-closure', 'closure:return-closure', 'closure:close', 'supervision_task:reopen', 'supervision_closure:attach-evidence']) expect(actions).toContain(a);
  });

  it('refuses a stale task edit and confirms proposed dates', async () => {
    const t = await task(fgw, byCode('2.2-01').id);
    const ok = await fgw.request('PUT', `/api/supervision/tasks/${t.id}`, { rowVersion: t.rowVersion, confirmDates: true });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ proposed: false, rowVersion: t.rowVersion + 1 });
    const stale = await fgw.request('PUT', `/api/supervision/tasks/${t.id}`, { rowVersion: t.rowVersion, title: '旧版本' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('CONFLICT');
  });

  it('scopes county and department users to their own tasks', async () => {
    const other = byCode('2.1-01'); // no counties; lead 工信局
    const mineCounty = byCode('2.1-06'); // names 宁晋县
    expect((await ningjin.request('GET', `/api/supervision/tasks/${other.id}`)).statusCode).toBe(403);
    expect((await ningjin.request('GET', `/api/supervision/tasks/${mineCounty.id}`)).statusCode).toBe(200);
    expect((await ningjin.request('POST', `/api/supervision/tasks/${other.id}/reports`, { period: '2020Q1', percentDone: 5 })).statusCode).toBe(403);
    const nync = byCode('2.1-05'); // lead 农业农村局, responsible 发改委: not 工信局's
    expect((await gxj.request('GET', `/api/supervision/tasks/${nync.id}`)).statusCode).toBe(403);
    expect((await gxj.request('POST', `/api/supervision/tasks/${nync.id}/reports`, { period: '2020Q1', percentDone: 5 })).statusCode).toBe(403);
    // Lists are filtered the same way.
    const board = (await ningjin.request('GET', '/api/supervision/board?asOf=2020-06-30')).json();
    const codes = board.rows.flatMap((r: { tasks: { code: string }[] }) => r.tasks.map((x) => x.code));
    expect(codes).toContain('2.1-06');
    expect(codes).not.toContain('2.1-01');
    const ningjinTree = flat((await ningjin.request('GET', '/api/supervision/tree')).json().nodes);
    expect(ningjinTree.some((n) => n.code === '2.1-01')).toBe(false);
    expect((await leader.request('GET', `/api/supervision/tasks/${nync.id}`)).statusCode).toBe(200);
    expect((await leader.request('POST', `/api/supervision/tasks/${nync.id}/reports`, { period: '2020Q1', percentDone: 5 })).statusCode).toBe(403);
  });

  it('checks evidence by content and size and serves it only as an attachment', async () => {
    const t = byCode('2.1-02'); // lead 工信局, not assigned
    const r = await gxj.request('POST', `/api/supervision/tasks/${t.id}/reports`, { period: '2019Q4', percentDone: 30 });
    expect(r.statusCode, r.body).toBe(201);
    const rep = r.json();
    const up = (fileName: string, bytes: Buffer) => gxj.request('POST', `/api/supervision/reports/${rep.id}/evidence`, { fileName, fileBase64: b64(bytes) });
    const exe = await up('说明.pdf', Buffer.concat([Buffer.from('MZ\x90\x00'), Buffer.alloc(64)]));
    expect(exe.statusCode).toBe(400);
    expect(exe.json().error.message).toMatch(/不是 PDF、JPG、PNG、Word 或 Excel 文件/);
    expect((await up('page.html', Buffer.from('<script>alert(1)</script>'))).statusCode).toBe(400);
    expect((await up('big.pdf', Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024)]))).statusCode).toBe(400);
    const ok = await up('进展.pdf', PDF);
    expect(ok.statusCode, ok.body).toBe(201);
    const file = ok.json();
    expect(file).toMatchObject({ contentType: 'application/pdf', size: PDF.length });
    const get = await gxj.request('GET', `/api/supervision/evidence/${file.id}`);
    expect(get.statusCode).toBe(200);
    expect(get.headers['content-disposition']).toMatch(/^attachment;/);
    expect(get.headers['x-content-type-options']).toBe('nosniff');
    expect(get.rawPayload.equals(PDF)).toBe(true);
    expect((await ningjin.request('GET', `/api/supervision/evidence/${file.id}`)).statusCode).toBe(403);
    // The inbox: the coordinator has nothing to review (a draft), the unit owes the draft's period.
    const inbox = (await gxj.request('GET', '/api/supervision/inbox?asOf=2020-06-30')).json();
    expect(inbox.items.some((i: { kind: string; taskCode: string; period: string }) => i.kind === 'report_due' && i.taskCode === '2.1-02' && i.period === '2019Q4')).toBe(true);
  });
});
