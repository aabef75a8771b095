// The real CLI run as a child process against a test database, and the suite most CLI tests share: an
// initialised demo database, the HTTP app to compare `--json` answers with, and a scratch folder.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect } from 'vitest';
import type { Dialect } from '../../src/db/connect';
import { createInitializedDatabase, type TestDatabase } from './databases';
import { loginAs, makeApp, type Session } from './http';

const BIN = fileURLToPath(new URL('../../bin/sei.mjs', import.meta.url));

export interface CliRun { code: number | null; stdout: string; stderr: string }

/** Runs `sei ARGS` with DATABASE_URL set (and the progress bar forced on, for the tests that read it). */
export function sei(url: string, args: string[], env: Record<string, string> = {}): Promise<CliRun> {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, DATABASE_URL: url, ...env } });
    let stdout = '';
    let stderr = '';
    p.stdout.on('data', (d) => (stdout += d));
    p.stderr.on('data', (d) => (stderr += d));
    p.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

export interface CliSuite {
  database: TestDatabase;
  app: FastifyInstance;
  /** Signed in as admin: it sees what the CLI sees (the CLI acts as the system administrator). */
  admin: Session;
  dir: string;
  /** GET as admin, expecting 200, answering the JSON body. */
  api: (url: string) => Promise<any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- answers are compared whole with the CLI's JSON
}

/** Registers beforeAll/afterAll for a CLI suite on one dialect; the fields are set once beforeAll ran. */
export function cliSuite(dialect: Dialect, scratch: string): CliSuite {
  const suite = {} as CliSuite;
  beforeAll(async () => {
    suite.database = await createInitializedDatabase(dialect, { demo: true });
    suite.app = await makeApp(suite.database);
    suite.admin = await loginAs(suite.app, 'admin');
    suite.dir = mkdtempSync(join(tmpdir(), scratch));
    suite.api = async (url: string) => {
      const res = await suite.admin.request('GET', url);
      expect(res.statusCode, res.body).toBe(200);
      return res.json();
    };
  });
  afterAll(async () => {
    await suite.app?.close();
    await suite.database?.drop();
    if (suite.dir) rmSync(suite.dir, { recursive: true, force: true });
  });
  return suite;
}
