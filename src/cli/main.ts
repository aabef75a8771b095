import { createInterface } from 'node:readline';
import { randomBytes } from 'node:crypto';
import { Command, CommanderError, InvalidArgumentError } from 'commander';
import { existsSync } from 'node:fs';
import { getPlan } from '../core/plans/get-plan';
import { loadPlanFile } from '../core/plans/load-plan-file';
import { readYaml } from '../db/seed/reference-files';
import { addUser } from '../core/users/add-user';
import { changePassword } from '../core/users/change-password';
import { DEMO_PASSWORD, DEMO_USERS } from '../db/seed/demo';
import { initDatabase, isInitialized } from '../db/seed/init-database';
import { sqlitePath } from '../db/connect';
import { CHECKPOINT_ENV, startCheckpointer } from '../db/sqlite-checkpoint';
import { secrets } from '../server/auth/secrets';
import { isWorker, startCluster, workerCount } from '../server/cluster';
import { isKeptProcess, runKeptProcess } from '../server/kept-process';
import { ROLES } from '../shared/roles';
import { formatPlan, planJson } from './commands/plan-show';
import { reportError, UsageError } from './output';
import { COMMAND_GROUPS } from './commands';
import { deps, NOT_INITIALISED, ready } from './context';

function parsePort(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1 || n > 65535) throw new InvalidArgumentError('端口须为 1–65535 的整数 / port must be an integer 1–65535');
  return n;
}

async function readPassword(opts: { password?: string; passwordStdin?: boolean }): Promise<string | null> {
  if (opts.password) return opts.password;
  if (!opts.passwordStdin) return null;
  const rl = createInterface({ input: process.stdin });
  for await (const line of rl) return line;
  throw new UsageError('标准输入中没有密码 / no password on standard input');
}

function printDemoLogins(): void {
  console.log(`演示账号 Demo logins (password 密码: ${DEMO_PASSWORD})`);
  for (const u of DEMO_USERS) console.log(`  ${u.username.padEnd(8)} ${u.role.padEnd(12)} ${u.displayName}`);
}

const program = new Command()
  .name('sei')
  .description('SEI Monitor — 战略性新兴产业行动计划实施监测平台')
  .showHelpAfterError()
  .exitOverride();

program
  .command('init')
  .description('创建数据库并载入邢台行动计划与参考数据 / create the database with the Xingtai plan and reference data')
  .option('--demo', '同时创建演示账号与演示数据 / add demo users and demo data')
  .option('--force', '删除已有数据后重建 / wipe an existing database first')
  .option('--plan <file>', '计划文件（YAML）/ plan file to load instead of the built-in Xingtai plan')
  .action(async (o: { demo?: boolean; force?: boolean; plan?: string }) => {
    const { database } = deps();
    try {
      const r = await initDatabase(database, secrets, { demo: !!o.demo, force: !!o.force, planFile: o.plan });
      console.log(`已初始化 Initialised ${database.label} (plan ${r.planId}${r.demo ? ', demo data' : ''})`);
      if (r.demo) printDemoLogins();
    } finally {
      await database.close();
    }
  });

program
  .command('serve')
  .description('启动网页与接口服务 / serve the web app and API')
  .option('--port <port>', '端口 / port (default: PORT or 3000)', parsePort)
  .option('--host <host>', '监听地址 / host to listen on', process.env.HOST ?? '0.0.0.0')
  .option('--init-if-empty', '数据库为空时先初始化（含演示数据）/ initialise with demo data when the database is empty')
  .action(async (o: { port?: number; host: string; initIfEmpty?: boolean }) => {
    const port = o.port ?? (process.env.PORT ? parsePort(process.env.PORT) : 3000);
    const workers = workerCount();
    const { database } = deps();
    if (isKeptProcess()) {
      // One more worker of the cluster, without a port: computes the slow kept answers (src/server/kept-process.ts).
      const kept = runKeptProcess(database);
      for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void kept.stop().then(() => process.exit(0)));
      return;
    }
    // isInitialized runs pending migrations, so later starts keep the data and upgrade the schema.
    // With WORKERS the primary does it once, before any worker starts.
    if (!isWorker() && !(await isInitialized(database))) {
      if (!o.initIfEmpty) throw new UsageError(NOT_INITIALISED);
      await initDatabase(database, secrets, { demo: true, force: false });
      console.log(`首次启动：已创建数据库 First start: created ${database.label} with the Xingtai plan and demo data`);
    }
    if (workers > 1 && !isWorker()) {
      await database.close();
      // SQLite: the primary checkpoints the WAL, the workers do not (src/db/sqlite-checkpoint.ts).
      if (database.dialect === 'sqlite') {
        process.env[CHECKPOINT_ENV] = 'primary';
        const checkpointer = startCheckpointer(sqlitePath(process.env.DATABASE_URL));
        process.once('exit', () => checkpointer.stop());
      }
      startCluster(workers, (line) => console.error(line));
      console.log(`SEI Monitor 已启动 ${workers} 个工作进程 / serving at http://localhost:${port} with ${workers} workers  (database ${database.label})`);
      return;
    }
    // Loaded here, not at the top: every other command starts without Fastify and the routes.
    const { startServer } = await import('../server/main');
    const { url } = await startServer({ database, port, host: o.host });
    if (isWorker()) return;
    console.log(`SEI Monitor 已启动 / serving at ${url}  (database ${database.label})`);
    printDemoLogins();
  });

const plan = program.command('plan').description('行动计划 / plans');
plan
  .command('show')
  .description('显示默认行动计划 / show the default plan (sections, targets, industries)')
  .option('--json', '以 JSON 输出 / print JSON')
  .option('--id <id>', '计划 ID / plan id', 'default')
  .action(async (o: { json?: boolean; id: string }) => {
    const { database, deps: d } = await ready();
    try {
      const p = await getPlan(d, null, o.id);
      console.log(o.json ? JSON.stringify(planJson(p), null, 2) : formatPlan(p));
    } finally {
      await database.close();
    }
  });

plan
  .command('import <file>')
  .description('载入计划文件（YAML 或 JSON）为新版本 / load a plan file (YAML or JSON) as a new version')
  .option('--default', '设为当前默认计划 / make it the default plan')
  .action(async (file: string, o: { default?: boolean }) => {
    if (!existsSync(file)) throw new UsageError(`文件不存在 / no such file: ${file}`);
    const { database, deps: d } = await ready();
    try {
      const { id } = await loadPlanFile(d, null, readYaml(file), { isDefault: !!o.default, now: new Date() });
      const p = await getPlan(d, null, id);
      console.log(`已载入 Loaded ${p.title} v${p.version} (${p.status}) id ${id}`);
    } finally {
      await database.close();
    }
  });

const user = program.command('user').description('用户 / users');
user
  .command('add')
  .description('新增用户 / add a user')
  .requiredOption('--username <name>', '用户名 / user name')
  .requiredOption('--role <role>', `角色 / role: ${ROLES.join(', ')}`)
  .option('--org <code>', '所属组织代码 / organisation code (dept-gxj, 130528 …)')
  .option('--display-name <name>', '显示名 / display name')
  .option('--password <password>', '密码（省略则随机生成）/ password (random when omitted)')
  .option('--password-stdin', '从标准输入读密码 / read the password from standard input')
  .action(async (o: { username: string; role: string; org?: string; displayName?: string; password?: string; passwordStdin?: boolean }) => {
    if (!(ROLES as readonly string[]).includes(o.role)) throw new UsageError(`未知角色 unknown role "${o.role}"; one of: ${ROLES.join(', ')}`);
    const given = await readPassword(o);
    const password = given ?? randomBytes(9).toString('base64url');
    const { database, deps: d } = await ready();
    try {
      await addUser(d, null, { username: o.username, role: o.role, orgCode: o.org ?? null, displayName: o.displayName, password }, new Date());
      console.log(`已创建用户 Created user ${o.username} (${o.role})${given ? '' : `; 初始密码 initial password: ${password}`}`);
    } finally {
      await database.close();
    }
  });
user
  .command('passwd')
  .description('修改密码 / set a user\'s password')
  .requiredOption('--username <name>', '用户名 / user name')
  .option('--password <password>', '新密码 / new password')
  .option('--password-stdin', '从标准输入读密码 / read the password from standard input')
  .action(async (o: { username: string; password?: string; passwordStdin?: boolean }) => {
    const password = await readPassword(o);
    if (!password) throw new UsageError('请用 --password 或 --password-stdin 提供新密码 / give --password or --password-stdin');
    const { database, deps: d } = await ready();
    try {
      await changePassword(d, null, { username: o.username, password }, new Date());
      console.log(`已修改密码 Password changed for ${o.username}; 其已登录会话已失效 open sessions ended`);
    } finally {
      await database.close();
    }
  });

// Command groups of later features live in src/cli/commands/<area>.ts and register here.
for (const register of COMMAND_GROUPS) register(program);

try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (err instanceof CommanderError) {
    process.exitCode = err.exitCode === 0 ? 0 : 2;
  } else {
    process.exitCode = reportError(err);
  }
}
