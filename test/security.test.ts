// Response headers, account lockout, login/logout audit, upload checks and a log free of secrets.
import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInitializedDatabase, dialects, type TestDatabase } from './helpers/databases';
import { loginAs, makeApp } from './helpers/http';
import { sei } from './helpers/cli';
import { countRows } from './helpers/row-counts';
import { serverLogOptions } from '../src/server/plugins/security';
import { DEMO_PASSWORD } from '../src/db/seed/demo';

const SECRET = 'matrix-test-session-secret-0123456789abcdef';

async function auditOf(database: TestDatabase, action: string, actorName?: string) {
  let q = database.db.selectFrom('audit_log').select(['action', 'actor_name', 'entity', 'entity_id', 'ip']).where('action', '=', action);
  if (actorName) q = q.where('actor_name', '=', actorName);
  return q.execute();
}

describe.each(dialects)('%s: headers, lockout, uploads, logs', (dialect) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let log = '';

  beforeAll(async () => {
    database = await createInitializedDatabase(dialect, { demo: true });
    const stream = new Writable({ write(chunk, _enc, done) { log += String(chunk); done(); } });
    app = await makeApp(database, { mailer: null, cookieSecret: SECRET, logger: serverLogOptions('debug', stream), loginRateLimit: { max: 1000, timeWindow: 60_000 } });
  }, 120_000);
  afterAll(async () => { await app?.close(); await database?.drop(); });

  it('sends the security headers on API answers, errors and 404s; HSTS only with SECURE_COOKIES', async () => {
    for (const url of ['/api/health', '/api/me', '/api/nothing-here']) {
      const res = await app.inject({ method: 'GET', url });
      const csp = String(res.headers['content-security-policy']);
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['referrer-policy']).toBe('same-origin');
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.headers['strict-transport-security']).toBeUndefined();
    }
    const tls = await makeApp(database, { mailer: null, secureCookies: true });
    try {
      const res = await tls.inject({ method: 'GET', url: '/api/health' });
      expect(res.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
      expect(String(res.headers['content-security-policy'])).toContain('upgrade-insecure-requests');
    } finally { await tls.close(); }
  });

  it('audits login and logout with the address', async () => {
    const s = await loginAs(app, 'fgw');
    expect((await s.request('POST', '/api/auth/logout')).statusCode).toBe(200);
    expect((await auditOf(database, 'login', 'fgw')).length).toBeGreaterThanOrEqual(1);
    const out = await auditOf(database, 'logout', 'fgw');
    expect(out).toHaveLength(1);
    expect(out[0]!.ip).toBeTruthy();
  });

  it('locks a name after 5 failures in 15 minutes, audits it, and the administrator unlocks it (API and CLI)', async () => {
    const attempt = (password: string, lang = 'zh-CN') => app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'leader', password }, headers: { 'accept-language': lang } });
    const codes: number[] = [];
    for (let i = 0; i < 5; i++) codes.push((await attempt(`wrong-${i}`)).statusCode);
    expect(codes).toEqual([401, 401, 401, 401, 423]);
    // The right password no longer helps while the lock lasts; the message says why and what to do.
    const locked = await attempt(DEMO_PASSWORD);
    expect(locked.statusCode).toBe(423);
    expect(locked.json().error.message).toMatch(/连续 5 次登录失败，账号已锁定，请 15 分钟后再试/);
    expect((await attempt(DEMO_PASSWORD, 'en')).json().error.message).toMatch(/Locked after 5 failed logins; try again in 15 minute/);
    expect(await auditOf(database, 'login-failed', 'leader')).toHaveLength(5);
    const lockRows = await auditOf(database, 'lock', 'leader');
    expect(lockRows).toHaveLength(1);
    expect(lockRows[0]!.entity).toBe('user');
    expect(await auditOf(database, 'login-locked', 'leader')).toHaveLength(2);

    const admin = await loginAs(app, 'admin');
    const leaderId = (await admin.request('GET', '/api/users')).json().users.find((u: { username: string }) => u.username === 'leader').id;
    const un = await admin.request('POST', `/api/users/${leaderId}/unlock`);
    expect(un.statusCode).toBe(200);
    expect(un.json()).toEqual({ unlocked: true });
    expect(await auditOf(database, 'unlock', 'admin')).toHaveLength(1);
    expect((await attempt(DEMO_PASSWORD)).statusCode).toBe(200);

    // An unknown name is counted alike, so the answers tell nothing about which names exist.
    for (let i = 0; i < 5; i++) await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'no-such-user', password: 'x' } });
    expect((await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'no-such-user', password: 'x' } })).statusCode).toBe(423);

    // The CLI lifts a lock the same way.
    for (let i = 0; i < 5; i++) await attempt('wrong');
    expect((await attempt(DEMO_PASSWORD)).statusCode).toBe(423);
    const cli = await sei(database.url, ['user', 'unlock', 'leader']);
    expect(cli.code, cli.stderr).toBe(0);
    expect(cli.stdout).toContain('已解除锁定 Unlocked leader');
    expect((await attempt(DEMO_PASSWORD)).statusCode).toBe(200);
    expect(await auditOf(database, 'unlock', 'cli')).toHaveLength(1);
  }, 180_000);

  it('refuses uploads of the wrong type or size on every upload route, naming the file, and writes nothing', async () => {
    const admin = await loginAs(app, 'admin');
    const before = await countRows(database);
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\n%%EOF\n');
    const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 1)]);
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('x').addRow(['a']);
    const xlsx = Buffer.from(await wb.xlsx.writeBuffer());
    const platformId = (await admin.request('GET', '/api/platforms')).json().items[0].id as string;
    const cases: [string, string, Buffer, RegExp][] = [
      ['/api/enterprises/import', 'list.pdf', pdf, /list\.pdf.*不是 \.xlsx 或 CSV/],
      ['/api/enterprises/import', 'list.csv', png, /list\.csv.*不是 \.xlsx 或 CSV/],
      ['/api/data-values/import', 'values.csv', exe, /values\.csv.*不是 \.xlsx 或 CSV/],
      ['/api/data-values/import', 'values.docx', xlsx, /扩展名却是 \.docx/],
      ['/api/platforms/import', 'p.csv', Buffer.from('name,type\n'), /p\.csv.*不是 \.xlsx 工作簿/],
      ['/api/parks/import', 'p.xlsx', pdf, /不是 \.xlsx 工作簿/],
      ['/api/projects/import', 'p.xlsx', png, /不是 \.xlsx 工作簿/],
      [`/api/platforms/${platformId}/evidence`, 'scan.pdf', exe, /scan\.pdf.*不是 PDF、JPG、PNG、Word 或 Excel/],
      [`/api/platforms/${platformId}/evidence`, 'big.pdf', Buffer.concat([pdf, Buffer.alloc(10 * 1024 * 1024)]), /big\.pdf.*过大.*上限 10 MB/],
    ];
    for (const [url, fileName, bytes, message] of cases) {
      const res = await admin.request('POST', url, { fileName, fileBase64: bytes.toString('base64') });
      expect(res.statusCode, `${url} ${fileName}: ${res.body.slice(0, 200)}`).toBe(400);
      const err = res.json().error;
      expect(err.message).toMatch(message);
      expect(err.issues[0]).toMatchObject({ field: 'file' });
    }
    // Raw bodies go through the same check.
    const raw = await app.inject({ method: 'POST', url: '/api/data-values/import?filename=v.csv', payload: pdf, headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrfToken, 'content-type': 'application/octet-stream' } });
    expect(raw.statusCode).toBe(400);
    // A stored evidence file is served with the type its bytes have and a sandboxing policy.
    expect((await admin.request('POST', `/api/platforms/${platformId}/evidence`, { fileName: 'ok.pdf', fileBase64: pdf.toString('base64') })).statusCode).toBe(200);
    const down = await admin.request('GET', `/api/platforms/${platformId}/evidence`);
    expect(down.headers['content-type']).toBe('application/pdf');
    expect(down.headers['content-security-policy']).toContain('sandbox');
    const after = await countRows(database);
    expect({ ...after, evidence_file: 0 }).toEqual({ ...before, evidence_file: 0 });
  });

  it('keeps passwords, session cookies, CSRF tokens and SESSION_SECRET out of the log of a whole flow', async () => {
    log = '';
    const s = await loginAs(app, 'tongji');
    const csv = 'org_code,indicator_code,period,value\n91130582MA07XT000T,REVENUE,202012,123\n';
    await app.inject({ method: 'POST', url: `/api/data-values/import?filename=v.csv&dryRun=1`, payload: csv, headers: { cookie: s.cookie, 'x-csrf-token': s.csrfToken, 'content-type': 'text/csv' } });
    await s.request('GET', '/api/me');
    await s.request('GET', '/api/data-values/export?period=202012');
    await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'tongji', password: `${DEMO_PASSWORD}-typo` } });
    await s.request('POST', '/api/users', { username: 'logcheck', password: 'Secret#Pass2020', role: 'leader' });
    await s.request('POST', '/api/auth/logout');
    expect(log).toContain('/api/data-values/import');
    expect(log.split('\n').length).toBeGreaterThan(10);
    const token = decodeURIComponent(s.cookie.split(';').find((c) => c.trim().startsWith('sei_session='))!.split('=').slice(1).join('='));
    for (const secret of [DEMO_PASSWORD, 'Secret#Pass2020', SECRET, token, token.split('.')[0]!, s.csrfToken]) {
      expect(log.includes(secret), `the log contains a secret: ${secret.slice(0, 6)}…`).toBe(false);
    }
  });
});
