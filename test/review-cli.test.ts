// `sei review submit` and `sei review schedule` on both databases, run as the real CLI: the office's script
// submits a unit's draft and puts it on a meeting agenda in the order given; the answers are what the API
// shows, the steps are in the audit log as the CLI's, and the use-cases' refusals (a draft on an agenda,
// an unknown code, a malformed line) come out as clear errors with exit code 2.
import { describe, expect, it } from 'vitest';
import { dialects } from './helpers/databases';
import { cliSuite, sei } from './helpers/cli';
import { loginAs } from './helpers/http';

describe.each(dialects)('%s: sei review submit / schedule', { timeout: 180_000 }, (dialect) => {
  const suite = cliSuite(dialect, 'sei-review-cli-');

  it('submits drafts by code and schedules them in order; refuses drafts and bad lines', async () => {
    const { database, app, api } = suite;
    const gxj = await loginAs(app, 'gxj');
    const org = await database.db.selectFrom('organization').select('id').where('code', '=', 'dept-gxj').executeTakeFirstOrThrow();
    const draft = async (title: string) => {
      const r = await gxj.request('POST', '/api/review/items', { type: 'funds', title, submittingOrgId: org.id, amount: 300 });
      expect(r.statusCode, r.body).toBe(201);
      return r.json() as { id: string; code: string };
    };
    const a = await draft('脚本提交事项甲');
    const b = await draft('脚本提交事项乙');

    const sub = await sei(database.url, ['review', 'submit', a.code, '--json']);
    expect(sub.code, sub.stderr).toBe(0);
    const subJson = JSON.parse(sub.stdout);
    expect(subJson).toMatchObject({ code: a.code, status: 'submitted' });
    expect((await api(`/api/review/items/${a.id}`)).rowVersion).toBe(subJson.rowVersion);
    // Submitting again: a wrong state, named in Chinese and English.
    const again = await sei(database.url, ['review', 'submit', a.code]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('已提交');
    expect(again.stderr).toContain('to submit it must be draft');
    const unknown = await sei(database.url, ['review', 'submit', '审议-1999-999']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('审议-1999-999');

    const args = ['review', 'schedule', '--title', '脚本安排的会议', '--held-on', '2021-03-28', '--place', '市政府第一会议室'];
    // b is still a draft: the whole meeting is refused, nothing scheduled.
    const refused = await sei(database.url, [...args, '--item', `${a.code}=市工信局 张局长`, '--item', `${b.code}=市工信局 李处长`]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(b.code);
    expect(refused.stderr).toContain('agenda.1.itemId');
    expect((await api(`/api/review/items/${a.id}`)).status).toBe('submitted');
    expect((await sei(database.url, [...args, '--item', `${a.code}`])).code).toBe(2);
    expect((await sei(database.url, [...args.slice(0, 4), '--held-on', '2021/03/28', '--item', `${a.code}=某人`])).code).toBe(2);
    expect((await sei(database.url, ['review', 'schedule', '--held-on', '2021-03-28', '--item', `${a.code}=某人`])).stderr).toContain('--title');

    expect((await sei(database.url, ['review', 'submit', b.code])).code).toBe(0);
    const ok = await sei(database.url, [...args, '--item', `${b.code}=市工信局 李处长`, '--item', `${a.code}=市工信局 张局长`, '--json']);
    expect(ok.code, ok.stderr).toBe(0);
    const m = JSON.parse(ok.stdout);
    expect(m.agenda.map((x: { code: string; sort: number; presenter: string }) => [x.sort, x.code, x.presenter])).toEqual([[1, b.code, '市工信局 李处长'], [2, a.code, '市工信局 张局长']]);
    expect(await api(`/api/review/meetings/${m.id}`)).toEqual(m);
    expect((await api(`/api/review/items/${a.id}`)).status).toBe('scheduled');
    const history = (await api(`/api/review/items/${a.id}`)).history.map((h: { action: string; actor: string }) => `${h.actor}:${h.action}`);
    expect(history).toEqual(['gxj:create', 'cli:submit', 'cli:schedule']);
  });
});
