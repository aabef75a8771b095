// Backup and restore of the whole database. SQLite: the online backup API (better-sqlite3 `backup()`),
// which copies a consistent snapshot while the server keeps writing. PostgreSQL: pg_dump's custom format,
// restored (drop and re-create) in one transaction, so a failed restore leaves the old data in place.
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, openSync, readSync, renameSync, rmSync, statSync } from 'node:fs';
import SQLite from 'better-sqlite3';
import { dialectOf, sqlitePath, type Dialect } from './connect';

export class BackupError extends Error {}

/** What the first bytes of a file say it is. */
export function backupKind(file: string): Dialect | null {
  const fd = openSync(file, 'r');
  try {
    const head = Buffer.alloc(16);
    readSync(fd, head, 0, 16, 0);
    if (head.toString('latin1', 0, 15) === 'SQLite format 3') return 'sqlite';
    if (head.toString('latin1', 0, 5) === 'PGDMP') return 'postgres';
    return null;
  } finally {
    closeSync(fd);
  }
}

function spawnTool(cmd: string, args: string[], what: string, stdio: ['ignore' | 'pipe', 'ignore' | 'pipe', 'pipe']): { child: ChildProcess; done: Promise<void> } {
  let stderr = '';
  const child = spawn(cmd, args, { stdio });
  child.stderr!.on('data', (d) => (stderr += d));
  const done = new Promise<void>((resolve, reject) => {
    child.on('error', (err: NodeJS.ErrnoException) =>
      reject(new BackupError(err.code === 'ENOENT'
        ? `找不到 ${cmd}：请安装 PostgreSQL 客户端（apt-get install postgresql-client）/ ${cmd} not found: install the PostgreSQL client tools (postgresql-client), version ≥ the server's`
        : `${what} 失败 / failed: ${err.message}`)));
    child.on('close', (code) => (code === 0 ? resolve() : reject(new BackupError(`${what} 失败 / failed (${cmd} exit ${code}): ${stderr.trim().split('\n').slice(-5).join('\n')}`))));
  });
  return { child, done };
}

function run(cmd: string, args: string[], what: string): Promise<void> {
  return spawnTool(cmd, args, what, ['ignore', 'ignore', 'pipe']).done;
}

/**
 * Drops the partitioned tables (data_value, data_value_audit since migration 0017) with their partitions
 * before the restore script's own drops: pg_restore --clean drops in reverse dump order, which drops a
 * partition's primary key before its parent's, and PostgreSQL 15 refuses that ("cannot drop inherited
 * constraint"). Runs in the restore's transaction, so a failed restore keeps them.
 */
const DROP_PARTITIONED = `DO $$ DECLARE r record; BEGIN
  FOR r IN SELECT c.oid::regclass AS t FROM pg_catalog.pg_partitioned_table p JOIN pg_catalog.pg_class c ON c.oid = p.partrelid
    WHERE NOT c.relispartition AND c.relnamespace = 'public'::regnamespace
  LOOP EXECUTE format('DROP TABLE %s CASCADE', r.t); END LOOP; END $$;`;

/**
 * pg_restore writes the archive as an SQL script (with --clean's drops); psql runs it after
 * DROP_PARTITIONED inside one transaction that is committed only when pg_restore finished without error —
 * a truncated script (pg_restore failing half way) ends psql's input without COMMIT, so it rolls back.
 */
async function pgRestore(url: string, file: string): Promise<void> {
  const dump = spawnTool('pg_restore', ['--clean', '--if-exists', '--no-owner', '--no-privileges', '--file', '-', file], 'pg_restore', ['ignore', 'pipe', 'pipe']);
  const apply = spawnTool('psql', ['--no-psqlrc', '--quiet', '--set', 'ON_ERROR_STOP=1', '--file', '-', '--dbname', url], 'psql (restore)', ['pipe', 'ignore', 'pipe']);
  const input = apply.child.stdin!;
  // psql stopping on an error closes its input: writes after that fail with EPIPE, which is not the cause.
  input.on('error', () => undefined);
  input.write(`BEGIN;\n${DROP_PARTITIONED}\n`);
  dump.child.stdout!.pipe(input, { end: false });
  const dumped = await dump.done.then(() => null, (err: unknown) => err);
  input.end(dumped === null ? '\nCOMMIT;\n' : '');
  const applied = await apply.done.then(() => null, (err: unknown) => err);
  // pg_restore's own error names the cause when both failed.
  if (dumped !== null) throw dumped;
  if (applied !== null) throw applied;
}

export interface BackupResult { dialect: Dialect; file: string; bytes: number; ms: number }

/** Writes a backup of the database at `url` to `out` (written to a temporary name first, then renamed). */
export async function backupDatabase(url: string | undefined, out: string): Promise<BackupResult> {
  const dialect = dialectOf(url);
  const started = Date.now();
  const tmp = `${out}.partial`;
  rmSync(tmp, { force: true });
  try {
    if (dialect === 'sqlite') {
      const path = sqlitePath(url);
      if (path === ':memory:' || !existsSync(path)) throw new BackupError(`数据库文件不存在 / no database file at ${path}`);
      const source = new SQLite(path, { fileMustExist: true });
      source.pragma('busy_timeout = 15000');
      try {
        // All remaining pages in one step after the first: a step reads one snapshot, so a writer in
        // between makes SQLite restart the copy rather than mix two states.
        await source.backup(tmp, { progress: ({ totalPages }) => Math.max(totalPages, 100) });
      } finally {
        source.close();
      }
      const check = new SQLite(tmp, { readonly: true });
      try {
        const r = check.pragma('integrity_check', { simple: true });
        if (r !== 'ok') throw new BackupError(`备份文件校验失败 / the backup fails its integrity check: ${String(r)}`);
      } finally {
        check.close();
      }
    } else {
      await run('pg_dump', ['--format=custom', '--no-owner', '--no-privileges', '--file', tmp, '--dbname', url!], 'pg_dump');
    }
    renameSync(tmp, out);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  }
  return { dialect, file: out, bytes: statSync(out).size, ms: Date.now() - started };
}

/**
 * Replaces the database at `url` by the backup in `file`. SQLite: the backup is copied in through the
 * backup API (one transaction on the target, so its WAL stays coherent); PostgreSQL: pg_restore --clean
 * --if-exists as a script run by psql in a single transaction (pgRestore). Stop the server first: it holds
 * statements on the old schema.
 */
export async function restoreDatabase(url: string | undefined, file: string): Promise<{ dialect: Dialect; ms: number }> {
  const dialect = dialectOf(url);
  if (!existsSync(file)) throw new BackupError(`备份文件不存在 / no such backup file: ${file}`);
  const kind = backupKind(file);
  if (kind === null) throw new BackupError(`不是 SEI 备份文件（既非 SQLite 也非 pg_dump 自定义格式）/ ${file} is neither a SQLite database nor a pg_dump custom-format archive`);
  if (kind !== dialect) throw new BackupError(`备份来自 ${kind}，而 DATABASE_URL 指向 ${dialect}；跨库迁移请用数据导出导入 / the backup is a ${kind} backup but DATABASE_URL is ${dialect}`);
  const started = Date.now();
  if (dialect === 'sqlite') {
    const source = new SQLite(file, { readonly: true, fileMustExist: true });
    try {
      const ok = source.pragma('integrity_check', { simple: true });
      if (ok !== 'ok') throw new BackupError(`备份文件已损坏 / the backup fails its integrity check: ${String(ok)}`);
      const migrated = source.prepare("select 1 from sqlite_master where type = 'table' and name = 'kysely_migration'").get();
      if (!migrated) throw new BackupError(`不是 SEI 数据库备份（缺少 kysely_migration 表）/ not an SEI database backup (no kysely_migration table)`);
      await source.backup(sqlitePath(url), { progress: ({ totalPages }) => Math.max(totalPages, 100) });
    } finally {
      source.close();
    }
  } else {
    await pgRestore(url!, file);
  }
  return { dialect, ms: Date.now() - started };
}
