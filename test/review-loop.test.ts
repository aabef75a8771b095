// 领导小组审议 on both databases: draft → submit → schedule → decide (with conditions) → follow-up task (交办
// through 督查督办) → the task closed (销号) → implemented; 暂缓 back to submitted; 不通过 settles without
// follow-up; every forbidden step (wrong role, a meeting of unsubmitted items, a decided item edited, a
// stale version → 409); funds figures against hand-computed values; the minutes .docx opened with jszip;
// every step in the audit log.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import JSZip from 'jszip';
import { createInitializedDatabase, dialects, type TestDatabase } from './helpers/databases';
import { loginAs, makeApp, type Session } from './helpers/http';

interface Item { id: string; code: string; status: string; rowVersion: number; decision: string | null; conditions: string | null; county: { id: string } | null; industry: { code: string } | null; followUps: { taskId: string; code: string; light: string; status: string; lead: { id: string } | null }[]; funds: Record<string, unknown>; history: { action: string; actor: string }[]; meetings: { decision: string | null }[]; amendsItem: { id: string } | null; amendments: { id: string }[] }
interface Meeting { id: string; code: string; rowVersion: number; status: string; agenda: { itemId: string; presenter: string; decision: string | null; conditions: string | null; sort: number }[]; attendance: { name: string; present: boolean }[] }

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

describe.each(dialects)('%s: leading-group review', (dialect) => {
  let db: TestDatabase;
  let app: FastifyInstance;
  let fgw: Session, gxj: Session, ningjin: Session, leader: Session, admin: Session;
  let gxjOrg: string, ningjinOrg: string, projectId: string, projectCounty: string | null, projectIndustry: string | null;
  const item = async (id: string, asOf = '2030-01-01') => (await fgw.request('GET', `/api/review/items/${id}?asOf=${asOf}`)).json() as Item;
  const draft = async (s: Session, body: Record<string, unknown>) => {
    const r = await s.request('POST', '/api/review/items', { type: 'project', title: '测试事项', submittingOrgId: gxjOrg, summary: '摘要', amount: 1000, ...body });
    expect(r.statusCode, r.body).toBe(201);
    return r.json() as Item;
  };
  const submitted = async (body: Record<string, unknown> = {}) => {
    const d = await draft(gxj, body);
    const r = await gxj.request('POST', `/api/review/items/${d.id}/submit`, { rowVersion: d.rowVersion });
    expect(r.statusCode, r.body).toBe(200);
    return r.json() as Item;
  };
  const meeting = async (items: Item[], title = '测试会议') => {
    const r = await fgw.request('POST', '/api/review/meetings', { title, heldOn: '2019-03-28', place: '市政府第一会议室', agenda: items.map((i) => ({ itemId: i.id, rowVersion: i.rowVersion, presenter: '市工信局 张局长' })) });
    expect(r.statusCode, r.body).toBe(201);
    return r.json() as Meeting;
  };

  beforeAll(async () => {
    db = await createInitializedDatabase(dialect, { demo: true });
    app = await makeApp(db);
    [fgw, gxj, ningjin, leader, admin] = await Promise.all(['fgw', 'gxj', 'ningjin', 'leader', 'admin'].map((u) => loginAs(app, u)));
    const orgs = await db.db.selectFrom('organization').select(['id', 'code']).where('code', 'in', ['dept-gxj', '130528']).execute();
    gxjOrg = orgs.find((o) => o.code === 'dept-gxj')!.id;
    ningjinOrg = orgs.find((o) => o.code === '130528')!.id;
    const p = await db.db.selectFrom('project').select(['id', 'county_org_id', 'industry_code']).where('county_org_id', 'is not', null).where('industry_code', 'is not', null).orderBy('name').executeTakeFirstOrThrow();
    [projectId, projectCounty, projectIndustry] = [p.id, p.county_org_id, p.industry_code];
  });
  afterAll(async () => { await app?.close(); await db?.drop(); });

  it('runs draft → submitted → scheduled → decided (conditions) → follow-up → implemented', async () => {
    const d = await draft(gxj, { projectId, title: '光伏电池片扩产项目' });
    expect(d).toMatchObject({ status: 'draft', county: { id: projectCounty }, industry: { code: projectIndustry } });
    // Its unit attaches the application (材料) while it is a draft; another unit cannot.
    expect((await ningjin.request('POST', `/api/review/items/${d.id}/files`, { fileBase64: PDF.toString('base64'), fileName: '申请报告.pdf' })).statusCode).toBe(403);
    const att0 = await gxj.request('POST', `/api/review/items/${d.id}/files`, { fileBase64: PDF.toString('base64'), fileName: '申请报告.pdf' });
    expect(att0.statusCode, att0.body).toBe(201);
    expect((await fgw.request('GET', `/api/review/items/${d.id}`)).json().attachments.map((f: { fileName: string }) => f.fileName)).toEqual(['申请报告.pdf']);
    const s = (await gxj.request('POST', `/api/review/items/${d.id}/submit`, { rowVersion: d.rowVersion })).json() as Item;
    expect(s.status).toBe('submitted');
    const m = await meeting([s]);
    expect(m.agenda).toMatchObject([{ itemId: d.id, sort: 1, presenter: '市工信局 张局长', decision: null }]);
    expect((await item(d.id)).status).toBe('scheduled');

    const att = await fgw.request('PUT', `/api/review/meetings/${m.id}/attendance`, { rowVersion: m.rowVersion, attendees: [{ name: '王市长', position: '组长', present: true }, { name: '李副市长', position: '副组长', present: false, note: '请假' }] });
    expect(att.statusCode, att.body).toBe(200);
    const m2 = att.json() as Meeting;
    // A stale meeting version: 409, nothing recorded.
    const stale = await leader.request('POST', `/api/review/meetings/${m.id}/decisions`, { rowVersion: m.rowVersion, itemId: d.id, decision: 'approved' });
    expect(stale.statusCode).toBe(409);
    // 有条件通过 without conditions is refused, naming the field.
    const noCond = await leader.request('POST', `/api/review/meetings/${m.id}/decisions`, { rowVersion: m2.rowVersion, itemId: d.id, decision: 'conditional' });
    expect(noCond.statusCode).toBe(400);
    expect(noCond.json().error.issues[0].path).toBe('conditions');
    const dec = await leader.request('POST', `/api/review/meetings/${m.id}/decisions`, { rowVersion: m2.rowVersion, itemId: d.id, decision: 'conditional', conditions: '市级资金分两期拨付，第二期待设备到货验收后拨付' });
    expect(dec.statusCode, dec.body).toBe(200);
    expect((dec.json() as Meeting)).toMatchObject({ status: 'decided', agenda: [{ decision: 'conditional', conditions: '市级资金分两期拨付，第二期待设备到货验收后拨付' }] });
    let it1 = await item(d.id);
    expect(it1).toMatchObject({ status: 'decided', decision: 'conditional', meetings: [{ decision: 'conditional' }] });

    // Decided is immutable: an edit, a file and a second decision are refused.
    expect((await gxj.request('PUT', `/api/review/items/${d.id}`, { rowVersion: it1.rowVersion, title: '改名' })).statusCode).toBe(423);
    expect((await gxj.request('POST', `/api/review/items/${d.id}/files?filename=a.pdf`, { fileBase64: PDF.toString('base64'), fileName: 'a.pdf' })).statusCode).toBe(423);
    expect((await leader.request('POST', `/api/review/meetings/${m.id}/decisions`, { rowVersion: (dec.json() as Meeting).rowVersion, itemId: d.id, decision: 'rejected' })).statusCode).toBe(423);
    expect((await gxj.request('POST', `/api/review/items/${d.id}/submit`, { rowVersion: it1.rowVersion })).statusCode).toBe(423);

    // 交办: only the coordinator; a stale item version is refused.
    const fuBody = { rowVersion: it1.rowVersion, title: '督促光伏扩产项目按条件落实', leadOrgId: gxjOrg, startOn: '2019-04-01', dueOn: '2019-12-31' };
    expect((await leader.request('POST', `/api/review/items/${d.id}/follow-ups`, fuBody)).statusCode).toBe(403);
    expect((await fgw.request('POST', `/api/review/items/${d.id}/follow-ups`, { ...fuBody, rowVersion: it1.rowVersion - 1 })).statusCode).toBe(409);
    const fu = await fgw.request('POST', `/api/review/items/${d.id}/follow-ups`, fuBody);
    expect(fu.statusCode, fu.body).toBe(201);
    it1 = await item(d.id);
    expect(it1.followUps).toHaveLength(1);
    expect(it1.followUps[0]).toMatchObject({ status: 'in_progress', lead: { id: gxjOrg } });
    expect(['green', 'yellow', 'red']).toContain(it1.followUps[0]!.light);
    const taskId = it1.followUps[0]!.taskId;
    const task = (await fgw.request('GET', `/api/supervision/tasks/${taskId}`)).json();
    expect(task).toMatchObject({ kind: 'task', assignment: { org: { id: gxjOrg } } });
    expect(task.content).toContain('审议条件：市级资金分两期拨付');

    // 销号 in 督查督办 → the item becomes implemented on its next read.
    const req = await gxj.request('POST', `/api/supervision/tasks/${taskId}/closure`, { rowVersion: task.rowVersion, note: '已按条件落实' });
    expect(req.statusCode, req.body).toBe(201);
    const t2 = (await fgw.request('GET', `/api/supervision/tasks/${taskId}`)).json();
    const close = await fgw.request('POST', `/api/supervision/closures/${req.json().id}/decide`, { rowVersion: t2.rowVersion, decision: 'close' });
    expect(close.statusCode, close.body).toBe(200);
    it1 = await item(d.id);
    expect(it1.status).toBe('implemented');
    expect(it1.followUps[0]!.status).toBe('closed');
    expect(it1.history.map((h) => h.action)).toEqual(['create', 'attach-file', 'submit', 'schedule', 'decide', 'follow-up', 'implemented']);
    const meetingAudit = await db.db.selectFrom('audit_log').select('action').where('entity', '=', 'review_meeting').where('entity_id', '=', m.id).execute();
    expect(meetingAudit.map((a) => a.action).sort()).toEqual(['attendance', 'create', 'decided']);

    // An amendment is a new item naming the decided one; a draft cannot be amended.
    const am = await draft(gxj, { projectId, title: '光伏电池片扩产项目（调整）', amendsItemId: d.id });
    expect(am.amendsItem?.id).toBe(d.id);
    expect((await item(d.id)).amendments.map((a) => a.id)).toEqual([am.id]);
    // The amendment goes its own way (draft → submitted) while the decided item stays as decided.
    expect((await gxj.request('POST', `/api/review/items/${am.id}/submit`, { rowVersion: am.rowVersion })).statusCode).toBe(200);
    expect((await item(d.id))).toMatchObject({ status: 'implemented', decision: 'conditional' });
    expect((await gxj.request('POST', '/api/review/items', { type: 'decision', title: 'x', submittingOrgId: gxjOrg, amendsItemId: am.id })).statusCode).toBe(400);
  });

  it('refuses the wrong roles and a meeting of items not submitted', async () => {
    // A county drafts only in its own name; an enterprise not at all.
    expect((await ningjin.request('POST', '/api/review/items', { type: 'decision', title: 'x', submittingOrgId: gxjOrg })).statusCode).toBe(403);
    expect((await ningjin.request('POST', '/api/review/items', { type: 'decision', title: '宁晋县事项', submittingOrgId: ningjinOrg })).statusCode).toBe(201);
    const q = await loginAs(app, 'qiye');
    expect((await q.request('GET', '/api/review/items')).statusCode).toBe(403);
    // Amount required for projects and funds.
    const noAmount = await gxj.request('POST', '/api/review/items', { type: 'funds', title: 'x', submittingOrgId: gxjOrg });
    expect(noAmount.statusCode).toBe(400);
    expect(noAmount.json().error.issues[0].path).toBe('amount');

    const d = await draft(gxj, { title: '草稿事项' });
    const s = await submitted({ title: '已提交事项' });
    // Another unit edits gxj's item: refused. gxj edits it with a stale version: 409.
    expect((await ningjin.request('PUT', `/api/review/items/${s.id}`, { rowVersion: s.rowVersion, title: 'x' })).statusCode).toBe(403);
    expect((await gxj.request('PUT', `/api/review/items/${s.id}`, { rowVersion: s.rowVersion + 5, title: 'x' })).statusCode).toBe(409);
    expect((await gxj.request('POST', `/api/review/items/${s.id}/submit`, { rowVersion: s.rowVersion })).statusCode).toBe(409); // already submitted

    const agenda = (items: Item[]) => ({ title: '会议', heldOn: '2019-06-28', agenda: items.map((i) => ({ itemId: i.id, rowVersion: i.rowVersion, presenter: '某人' })) });
    // Only the coordinator schedules.
    for (const who of [gxj, leader, admin]) expect((await who.request('POST', '/api/review/meetings', agenda([s]))).statusCode).toBe(403);
    // A draft on the agenda refuses the whole meeting (all-or-nothing).
    const bad = await fgw.request('POST', '/api/review/meetings', agenda([s, d]));
    expect(bad.statusCode).toBe(409);
    expect(bad.json().error.issues[0].path).toBe('agenda.1.itemId');
    expect((await item(s.id)).status).toBe('submitted');
    // A stale item version on the agenda: 409, nothing scheduled.
    expect((await fgw.request('POST', '/api/review/meetings', agenda([{ ...s, rowVersion: s.rowVersion + 1 }]))).statusCode).toBe(409);
    expect((await fgw.request('GET', '/api/review/meetings')).json().meetings.filter((m: { title: string }) => m.title === '会议')).toHaveLength(0);
    const m = await meeting([s], '第二次会议');
    // Already scheduled: cannot go on a second agenda.
    expect((await fgw.request('POST', '/api/review/meetings', agenda([await item(s.id)]))).statusCode).toBe(409);
    // Decisions: not gxj, not fgw (not the secretary) — until the administrator designates fgw.
    const decide = (who: Session, rv: number, decision = 'deferred') => who.request('POST', `/api/review/meetings/${m.id}/decisions`, { rowVersion: rv, itemId: s.id, decision });
    expect((await decide(gxj, m.rowVersion)).statusCode).toBe(403);
    const notSec = await decide(fgw, m.rowVersion);
    expect(notSec.statusCode).toBe(403);
    expect(notSec.json().error.message).toContain('秘书');
    const fgwUser = await db.db.selectFrom('app_user').select('id').where('username', '=', 'fgw').executeTakeFirstOrThrow();
    expect((await fgw.request('PUT', '/api/review/secretary', { userId: fgwUser.id, secretary: true })).statusCode).toBe(403);
    expect((await admin.request('PUT', '/api/review/secretary', { userId: fgwUser.id, secretary: true })).statusCode).toBe(200);
    expect((await fgw.request('GET', '/api/review/me')).json()).toEqual({ secretary: true, canDecide: true });
    // 暂缓: back to submitted, off the meeting, ready for another agenda.
    const def = await decide(fgw, m.rowVersion);
    expect(def.statusCode, def.body).toBe(200);
    const back = await item(s.id);
    expect(back).toMatchObject({ status: 'submitted', decision: null, meetings: [{ decision: 'deferred' }] });
    // 不通过: settled, nothing to follow up, no funds.
    const m3 = await meeting([back], '第三次会议');
    const rej = await fgw.request('POST', `/api/review/meetings/${m3.id}/decisions`, { rowVersion: m3.rowVersion, itemId: s.id, decision: 'rejected' });
    expect(rej.statusCode).toBe(200);
    const r = await item(s.id);
    expect(r).toMatchObject({ status: 'decided', decision: 'rejected' });
    expect((await fgw.request('POST', `/api/review/items/${s.id}/follow-ups`, { rowVersion: r.rowVersion, title: 'x', leadOrgId: gxjOrg, startOn: '2019-07-01', dueOn: '2019-12-31' })).statusCode).toBe(409);
    expect((await fgw.request('POST', `/api/review/items/${s.id}/disbursements`, { rowVersion: r.rowVersion, paidOn: '2019-07-01', amount: 1, voucherRef: 'x' })).statusCode).toBe(409);
    // An item not on the agenda.
    expect((await leader.request('POST', `/api/review/meetings/${m3.id}/decisions`, { rowVersion: m3.rowVersion + 1, itemId: d.id, decision: 'approved' })).statusCode).toBe(400);
  });

  it('computes funds against hand-computed figures, and writes the minutes .docx', async () => {
    const a = await submitted({ type: 'funds', title: '新材料产业发展专项资金', amount: 1000, industryCode: projectIndustry, countyOrgId: ningjinOrg });
    const b = await submitted({ type: 'project', title: '生物医药产业园基础设施', amount: 600, projectId });
    const m = await meeting([a, b], '2019年第一季度领导小组会议');
    const d1 = (await leader.request('POST', `/api/review/meetings/${m.id}/decisions`, { rowVersion: m.rowVersion, itemId: a.id, decision: 'approved', note: '同意安排' })).json() as Meeting;
    const d2 = await leader.request('POST', `/api/review/meetings/${m.id}/decisions`, { rowVersion: d1.rowVersion, itemId: b.id, decision: 'conditional', conditions: '须完成环评批复后开工' });
    expect(d2.statusCode, d2.body).toBe(200);
    let ia = await item(a.id);
    // Only the coordinator sets a schedule; above the approved amount is refused.
    expect((await gxj.request('PUT', `/api/review/items/${a.id}/schedule`, { rowVersion: ia.rowVersion, rows: [] })).statusCode).toBe(403);
    expect((await fgw.request('PUT', `/api/review/items/${a.id}/schedule`, { rowVersion: ia.rowVersion, rows: [{ dueOn: '2019-06-30', amount: 800 }, { dueOn: '2019-12-31', amount: 300 }] })).statusCode).toBe(400);
    let r = await fgw.request('PUT', `/api/review/items/${a.id}/schedule`, { rowVersion: ia.rowVersion, rows: [{ dueOn: '2019-12-31', amount: 600 }, { dueOn: '2019-06-30', amount: 400 }] });
    expect(r.statusCode, r.body).toBe(200);
    ia = r.json();
    // The unit records payments on its own item; ningjin cannot pay on gxj's.
    expect((await ningjin.request('POST', `/api/review/items/${a.id}/disbursements`, { rowVersion: ia.rowVersion, paidOn: '2019-06-20', amount: 300, voucherRef: 'X' })).statusCode).toBe(403);
    r = await gxj.request('POST', `/api/review/items/${a.id}/disbursements`, { rowVersion: ia.rowVersion, paidOn: '2019-06-20', amount: 300, voucherRef: '邢财预〔2019〕21号' });
    expect(r.statusCode, r.body).toBe(201);
    expect((await gxj.request('POST', `/api/review/items/${a.id}/disbursements`, { rowVersion: ia.rowVersion, paidOn: '2019-06-21', amount: 1, voucherRef: 'stale' })).statusCode).toBe(409);
    ia = r.json();
    expect((await gxj.request('POST', `/api/review/items/${a.id}/disbursements`, { rowVersion: ia.rowVersion, paidOn: '2019-12-01', amount: 701, voucherRef: 'too much' })).statusCode).toBe(400);
    r = await gxj.request('POST', `/api/review/items/${a.id}/disbursements`, { rowVersion: ia.rowVersion, paidOn: '2019-12-01', amount: 500, voucherRef: '邢财预〔2019〕88号' });
    const disbId = (r.json() as { disbursements: { id: string }[] }).disbursements[0]!.id;
    const ev = await gxj.request('POST', `/api/review/disbursements/${disbId}/files`, { fileBase64: PDF.toString('base64'), fileName: '拨付凭证.pdf' });
    expect(ev.statusCode, ev.body).toBe(201);
    expect((await gxj.request('POST', `/api/review/disbursements/${disbId}/files`, { fileBase64: Buffer.from('#!/bin/sh').toString('base64'), fileName: 'x.pdf' })).statusCode).toBe(400);
    const file = await leader.request('GET', `/api/review/files/${ev.json().id}`);
    expect(file.headers['content-disposition']).toContain('attachment');
    expect(file.rawPayload.equals(PDF)).toBe(true);
    // Item a, mid-2019: scheduled 400, paid 300 → 支付率 30 %, behind schedule → red.
    expect((await item(a.id, '2019-07-01')).funds).toMatchObject({ approved: 1000, scheduledToDate: 400, paidToDate: 300, paymentRate: 30, scheduleRate: 75, light: 'red' });
    // End of 2019: scheduled 1000, paid 800 → 80 %, red; b has no schedule (light none).
    expect((await item(a.id, '2019-12-31')).funds).toMatchObject({ scheduledToDate: 1000, paidToDate: 800, paymentRate: 80, light: 'red' });
    const ib = await item(b.id);
    await fgw.request('PUT', `/api/review/items/${b.id}/schedule`, { rowVersion: ib.rowVersion, rows: [{ dueOn: '2019-09-30', amount: 200 }] });
    await fgw.request('POST', `/api/review/items/${b.id}/disbursements`, { rowVersion: ib.rowVersion + 1, paidOn: '2019-09-15', amount: 240, voucherRef: 'B-1' });
    const ov = (await leader.request('GET', '/api/review/funds?asOf=2019-12-31')).json();
    const mine = ov.items.filter((x: { id: string }) => x.id === a.id || x.id === b.id);
    expect(mine.map((x: { figures: { paymentRate: number; light: string } }) => [x.figures.paymentRate, x.figures.light])).toEqual([[80, 'red'], [40, 'green']]);
    const county = ov.byCounty.find((x: { key: string }) => x.key === ningjinOrg);
    expect(county).toMatchObject({ approved: 1000, scheduled: 1000, paid: 800, paymentRate: 80 });
    // The project of b shows the reviewed funds and its funds light uses them: 200 planned, 240 paid by 2019-09 → green.
    const proj = await leader.request('GET', `/api/projects/${projectId}?asOf=2019-12-31`);
    expect(proj.statusCode, proj.body).toBe(200);
    const pf = proj.json().reviewFunds as { approved: number; paid: number; items: { code: string }[]; rows: { source: string; period: string; planned: number; disbursed: number }[] };
    expect(pf.items.map((x) => x.code)).toContain(b.code);
    expect(pf.rows.filter((x) => x.source === `领导小组审议 ${b.code}`)).toEqual([
      { source: `领导小组审议 ${b.code}`, period: '201909', planned: 200, disbursed: 0 },
      { source: `领导小组审议 ${b.code}`, period: '201909', planned: 0, disbursed: 240 },
    ]);
    expect(proj.json().lights.fundsDisbursed).toBeGreaterThanOrEqual(240);

    // Minutes: the decisions, the note and the conditions, in a real .docx.
    await fgw.request('PUT', `/api/review/meetings/${m.id}/attendance`, { rowVersion: (d2.json() as Meeting).rowVersion, attendees: [{ name: '王市长', position: '组长', present: true }, { name: '赵局长', present: false, note: '出差' }] });
    const doc = await leader.request('GET', `/api/review/meetings/${m.id}/minutes.docx`);
    expect(doc.statusCode).toBe(200);
    expect(doc.headers['content-type']).toContain('wordprocessingml');
    const xml = await (await JSZip.loadAsync(doc.rawPayload)).file('word/document.xml')!.async('string');
    const text = xml.replace(/<[^>]+>/g, '');
    expect(text).toContain('2019年第一季度领导小组会议纪要');
    expect(text).toContain('新材料产业发展专项资金');
    expect(text).toContain('会议决定：通过。同意安排');
    expect(text).toContain('会议决定：有条件通过。');
    expect(text).toContain('通过条件：须完成环评批复后开工');
    expect(text).toContain('出席：王市长（组长）');
    expect(text).toContain('缺席：赵局长（出差）');
  });

  it('lists items with filters for the CLI and the web', async () => {
    const all = (await leader.request('GET', '/api/review/items')).json().items as Item[];
    expect(all.length).toBeGreaterThanOrEqual(6);
    const dec = (await leader.request('GET', '/api/review/items?status=decided')).json().items as Item[];
    expect(dec.length).toBeGreaterThan(0);
    expect(dec.every((i) => i.status === 'decided')).toBe(true);
    const q = (await leader.request('GET', `/api/review/items?q=${encodeURIComponent('新材料产业发展专项')}`)).json().items as Item[];
    expect(q.map((i) => i.code)).toHaveLength(1);
    expect((await leader.request('GET', '/api/review/items?status=bogus')).statusCode).toBe(400);
  });
});
