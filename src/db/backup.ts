// Backup and restore of the whole database. SQLite: the online backup API (better-sqlite3 `backup()`),
// which copies a consistent snapshot while the server keeps writing. PostgreSQL: pg_dump's custom format
// and pg_restore --clean in one transaction, so a failed restore leaves the old data in place.
import { spawn } from 'node:child_process';
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

function run(cmd: string, args: string[], what: string): Promise<void> {
  return new Promise((resolve, reject) => {
    let stderr = '';
    const p = spawn(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    p.stderr.on('data', (d) => (stderr += d));
    p.on('error', (err: NodeJS.ErrnoException) =>
      reject(new BackupError(err.code === 'ENOENT'
        ? `找不到 ${cmd}：请安装 PostgreSQL 客户端（apt-get install postgresql-client）/ ${cmd} not found: install the PostgreSQL client tools (postgresql-client), version ≥ the server's`
        : `${what} 失败 / failed: ${err.message}`)));
    p.on('close', (code) => (code === 0 ? resolve() : reject(new BackupError(`${what} 失败 / failed (${cmd} exit ${code}): ${stderr.trim().split('\n').slice(-5).join('\n')}`))));
  });
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
 * --if-exists in a single transaction. Stop the server first: it holds statements on the old schema.
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
    await run('pg_restore', ['--clean', '--if-exists', '--no-owner', '--no-privileges', '--single-transaction', '--exit-on-error', '--dbname', url!, file], 'pg_restore');
  }
  return { dialect, ms: Date.now() - started };
}
