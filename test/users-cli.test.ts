// `sei user list/disable/enable/set-role/set-email/reset-password/end-sessions` on both databases, run as
// the real CLI: the same answers and rules as /api/users.
import { describe, expect, it } from 'vitest';
import { dialects } from './helpers/databases';
import { cliSuite, sei } from './helpers/cli';
import { loginAs } from './helpers/http';

describe.each(dialects)('%s: sei user', { timeout: 180_000 }, (dialect) => {
  const suite = cliSuite(dialect, 'sei-users-cli-');

  it('list --json is the API list; disable keeps the user out and ends its sessions; enable lets it in', async () => {
    const { database, app, api } = suite;
    const list = await sei(database.url, ['user', 'list', '--json']);
    expect(list.code, list.stderr).toBe(0);
    expect(JSON.parse(list.stdout).users.map((u: { username: string; rowVersion: number }) => [u.username, u.rowVersion]))
      .toEqual((await api('/api/users')).users.map((u: { username: string; rowVersion: number }) => [u.username, u.rowVersion]));

    const qiye = await loginAs(app, 'qiye');
    const off = await sei(database.url, ['user', 'disable', 'qiye']);
    expect(off.code, off.stderr).toBe(0);
    expect((await qiye.request('GET', '/api/me')).statusCode).toBe(401);
    await expect(loginAs(app, 'qiye')).rejects.toThrow(/401/);
    expect((await sei(database.url, ['user', 'enable', 'qiye'])).code).toBe(0);
    await loginAs(app, 'qiye');
    const audit = (await api('/api/audit?entity=user&actor=cli')).entries.map((e: { action: string }) => e.action);
    expect(audit).toEqual(['enable', 'disable']);
  });

  it('set-role moves a user, refuses to demote the last admin (exit 2); set-email, reset-password, end-sessions work', async () => {
    const { database, app, api } = suite;
    const moved = await sei(database.url, ['user', 'set-role', 'gxj', 'county', '--org', '130528']);
    expect(moved.code, moved.stderr).toBe(0);
    expect((await api('/api/users')).users.find((u: { username: string }) => u.username === 'gxj')).toMatchObject({ role: 'county', org: { code: '130528' } });
    const last = await sei(database.url, ['user', 'set-role', 'admin', 'leader', '--no-org']);
    expect(last.code).toBe(2);
    expect(last.stderr).toContain('最后一名');
    expect((await sei(database.url, ['user', 'set-role', 'admin', 'boss'])).code).toBe(2);
    expect((await sei(database.url, ['user', 'set-email', 'qiye', 'qiye@example.org'])).code).toBe(0);
    expect((await api('/api/users')).users.find((u: { username: string }) => u.username === 'qiye').email).toBe('qiye@example.org');
    const s = await loginAs(app, 'leader');
    const reset = await sei(database.url, ['user', 'reset-password', 'leader']);
    expect(reset.code, reset.stderr).toBe(0);
    const password = /: (\S+)\s*$/.exec(reset.stdout)![1];
    expect((await s.request('GET', '/api/me')).statusCode).toBe(401);
    await loginAs(app, 'leader', password);
    const ended = await sei(database.url, ['user', 'end-sessions', 'leader']);
    expect(ended.stdout).toContain('1');
  });
});
