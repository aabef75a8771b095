// `sei backup --out FILE` and `sei restore FILE --force`: the whole database, for the city IT team's
// nightly copies. The work is in src/db/backup.ts; here only the options, the refusal without --force and
// the messages.
import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { BackupError, backupDatabase, restoreDatabase } from '../../db/backup';
import { openDatabase } from '../../db/connect';
import { isInitialized } from '../../db/seed/init-database';
import { UsageError } from '../output';

function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** A BackupError is the operator's to fix (missing tool, wrong file): exit 1 with its message only. */
function failed(err: unknown): never {
  if (err instanceof BackupError) throw new Error(err.message);
  throw err;
}

export function registerBackup(program: Command): void {
  program
    .command('backup')
    .description('备份整个数据库（SQLite 在线备份；PostgreSQL 用 pg_dump 自定义格式）/ back up the whole database while the server runs')
    .requiredOption('--out <file>', '备份文件 / backup file to write')
    .option('--overwrite', '覆盖已有文件 / replace an existing file')
    .action(async (o: { out: string; overwrite?: boolean }) => {
      if (existsSync(o.out) && !o.overwrite) throw new UsageError(`文件已存在：${o.out}（加 --overwrite 覆盖）/ ${o.out} exists (add --overwrite to replace it)`);
      const r = await backupDatabase(process.env.DATABASE_URL, o.out).catch(failed);
      console.log(`已备份 Backed up (${r.dialect}) to ${r.file}: ${mb(r.bytes)} in ${(r.ms / 1000).toFixed(1)} s`);
    });
  program
    .command('restore <file>')
    .description('用备份替换整个数据库（须加 --force；请先停止服务）/ replace the whole database with a backup (needs --force; stop the server first)')
    .option('--force', '确认替换现有数据 / confirm that the current data is replaced')
    .action(async (file: string, o: { force?: boolean }) => {
      if (!existsSync(file)) throw new UsageError(`备份文件不存在 / no such backup file: ${file}`);
      if (!o.force) throw new UsageError(`恢复将替换 DATABASE_URL 指向的全部数据；确认请加 --force / restoring replaces all data in the database DATABASE_URL names; add --force to confirm`);
      const r = await restoreDatabase(process.env.DATABASE_URL, file).catch(failed);
      // Opening it runs any migrations newer than the backup, so an old backup comes back on today's schema.
      const database = openDatabase();
      try {
        const ok = await isInitialized(database);
        console.log(`已恢复 Restored ${database.label} from ${file} in ${(r.ms / 1000).toFixed(1)} s${ok ? '' : ' (数据库未初始化 / not initialised)'}`);
      } finally {
        await database.close();
      }
    });
}
