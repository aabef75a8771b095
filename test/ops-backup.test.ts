// `sei backup` / `sei restore` on both databases: a round trip compares every row of every table, restore
// refuses without --force, and a backup taken while a large import is writing restores to a consistent
// database — the import wholly present or wholly absent, the aggregates equal to a rebuild. A backup cut
// short fails to restore and leaves the database as it was (PostgreSQL: the restore script is committed
// only when pg_restore read the whole archive).
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseWithEnterprises } from '../bench/bench-common';
import { restoreDatabase } from '../src/db/backup';
import { createInitializedDatabase, createTestDatabase, dialects } from './helpers/databases';
import { sei } from './helpers/cli';
import { aggregateMismatches, snapshot, valuesCsv } from './helpers/ops';

const BIN = fileURLToPath(new URL('../bin/sei.mjs', import.meta.url));

describe.each(dialects)('%s: sei backup and sei restore', { timeout: 180_000 }, (dialect) => {
  let dir: string;
  beforeAll(() => void (dir = mkdtempSync(join(tmpdir(), 'sei-backup-'))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('round trip: every table as it was; restore refuses without --force; an existing file is not overwritten', async () => {
    const database = await createInitializedDatabase(dialect, { demo: true });
    try {
      const before = await snapshot(database.db, dialect);
      expect(Object.keys(before).length).toBeGreaterThan(20);
      expect(before.data_value!.length).toBeGreaterThan(100);
      const file = join(dir, `round.${dialect}`);
      const b = await sei(database.url, ['backup', '--out', file]);
      expect(b.code, b.stderr).toBe(0);
      expect(b.stdout).toContain('Backed up');
      const again = await sei(database.url, ['backup', '--out', file]);
      expect(again.code).toBe(2);
      expect(again.stderr).toContain('--overwrite');

      // Change the data after the backup: rename enterprises, drop the aggregates, add a user.
      await sql`update enterprise set name = name || '（改）'`.execute(database.db);
      await sql`delete from aggregate_value`.execute(database.db);
      const added = await sei(database.url, ['user', 'add', '--username', 'after_backup', '--role', 'leader', '--password', 'Later@2026x']);
      expect(added.code, added.stderr).toBe(0);
      const changed = await snapshot(database.db, dialect);
      expect(changed).not.toEqual(before);

      const refused = await sei(database.url, ['restore', file]);
      expect(refused.code).toBe(2);
      expect(refused.stderr).toContain('--force');
      expect(await snapshot(database.db, dialect)).toEqual(changed);

      const restored = await sei(database.url, ['restore', file, '--force']);
      expect(restored.code, restored.stderr).toBe(0);
      expect(restored.stdout).toContain('Restored');
      const after = await snapshot(database.db, dialect);
      for (const t of Object.keys(before)) expect(after[t], t).toEqual(before[t]);
      expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
    } finally {
      await database.drop();
    }
  });

  it('refuses a file that is not a backup of this kind of database, naming why', async () => {
    const database = await createTestDatabase(dialect);
    try {
      const junk = join(dir, 'junk.bin');
      writeFileSync(junk, 'not a backup at all\n');
      const r = await sei(database.url, ['restore', junk, '--force']);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('neither a SQLite database nor a pg_dump');
      const missing = await sei(database.url, ['restore', join(dir, 'nope.dump'), '--force']);
      expect(missing.code).toBe(2);
      expect(missing.stderr).toContain('no such backup file');
    } finally {
      await database.drop();
    }
  });

  it('a backup cut short fails to restore and leaves the database as it was', async () => {
    const database = await createInitializedDatabase(dialect, { demo: false });
    try {
      const rows = Array.from({ length: 6000 }, (_, i) => ({
        org_id: `org${i % 50}`, indicator_code: 'REVENUE', period: `${2015 + (i % 10)}${String((i % 12) + 1).padStart(2, '0')}`, year: 2015 + (i % 10), value: i * 1.5,
        status: 'approved', source: 'file', row_version: 1, updated_by: 'test', updated_at: '2026-12-01T00:00:00.000Z',
      }));
      const unique = [...new Map(rows.map((r) => [`${r.org_id}|${r.period}`, r])).values()];
      for (let k = 0; k < unique.length; k += 500) await database.db.insertInto('data_value').values(unique.slice(k, k + 500)).execute();
      const file = join(dir, `whole.${dialect}`);
      expect((await sei(database.url, ['backup', '--out', file])).code).toBe(0);
      await sql`delete from data_value where period < '2020'`.execute(database.db);
      const changed = await snapshot(database.db, dialect);
      expect(changed.data_value!.length).toBeGreaterThan(100);
      // The archive's table of contents is whole; its data ends early (PostgreSQL: after the script's
      // drops and creates have been written).
      const bytes = readFileSync(file);
      const cut = join(dir, `cut.${dialect}`);
      writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length * 0.85)));
      const r = await sei(database.url, ['restore', cut, '--force']);
      expect(r.code, r.stdout).not.toBe(0);
      expect(await snapshot(database.db, dialect)).toEqual(changed);
      if (dialect === 'postgres') {
        // pg_restore failing between two whole statements (a cut inside a COPY breaks the COPY anyway):
        // a pg_restore on PATH that writes a drop and fails. Nothing may be committed.
        const bin = join(dir, 'fake-bin');
        mkdirSync(bin, { recursive: true });
        writeFileSync(join(bin, 'pg_restore'), "#!/bin/sh\necho 'DROP TABLE IF EXISTS public.data_value CASCADE;'\necho 'pg_restore: error: simulated failure' >&2\nexit 1\n", { mode: 0o755 });
        const path = process.env.PATH;
        process.env.PATH = `${bin}:${path}`;
        try {
          await expect(restoreDatabase(database.url, file)).rejects.toThrow('simulated failure');
        } finally {
          process.env.PATH = path;
        }
        expect(await snapshot(database.db, dialect)).toEqual(changed);
      }
    } finally {
      await database.drop();
    }
  });

  it('a backup taken while a 150,000-value import writes restores with the import wholly present or wholly absent', async () => {
    const VALUES = 150_000;
    const { database, enterprises } = await databaseWithEnterprises(dialect, Math.ceil(VALUES / 240));
    const target = await createTestDatabase(dialect);
    try {
      const csv = join(dir, `import-${dialect}.csv`);
      writeFileSync(csv, valuesCsv(enterprises.map((e) => e.code), VALUES));
      const file = join(dir, `during.${dialect}`);
      // The import as its own process (as beside a running server); the backup starts once it writes.
      const importDone = new Promise<{ code: number | null; stderr: string; backupStartedBeforeEnd: boolean }>((resolve) => {
        const p = spawn(process.execPath, [BIN, 'data', 'import', csv], { env: { ...process.env, DATABASE_URL: database.url, SEI_PROGRESS: '1' } });
        let stderr = '';
        let backup: Promise<unknown> | null = null;
        let started = false;
        p.stderr.on('data', (d) => {
          stderr += d;
          if (!backup && stderr.includes('写入 write')) {
            started = true;
            backup = sei(database.url, ['backup', '--out', file]).then((r) => expect(r.code, r.stderr).toBe(0));
          }
        });
        p.on('close', async (code) => {
          const startedBeforeEnd = started;
          await backup;
          resolve({ code, stderr, backupStartedBeforeEnd: startedBeforeEnd });
        });
      });
      const imported = await importDone;
      expect(imported.code, imported.stderr).toBe(0);
      expect(imported.backupStartedBeforeEnd).toBe(true);
      expect(existsSync(file)).toBe(true);

      const r = await sei(target.url, ['restore', file, '--force']);
      expect(r.code, r.stderr).toBe(0);
      const [{ n }] = (await sql<{ n: number }>`select count(*) as n from data_value where source = 'file'`.execute(target.db)).rows as [{ n: number }];
      const [{ b }] = (await sql<{ b: number }>`select count(*) as b from import_batch`.execute(target.db)).rows as [{ b: number }];
      expect([0, VALUES]).toContain(Number(n));
      expect(Number(b)).toBe(Number(n) === 0 ? 0 : 1);
      expect(await aggregateMismatches(target.db)).toEqual([]);
      if (dialect === 'sqlite') expect((await sql<{ integrity_check: string }>`pragma integrity_check`.execute(target.db)).rows[0]!.integrity_check).toBe('ok');
      // The source now holds the whole import, and its aggregates agree too.
      const [{ m }] = (await sql<{ m: number }>`select count(*) as m from data_value where source = 'file'`.execute(database.db)).rows as [{ m: number }];
      expect(Number(m)).toBe(VALUES);
      expect(await aggregateMismatches(database.db)).toEqual([]);
    } finally {
      await target.drop();
      await database.drop();
    }
  });
});
