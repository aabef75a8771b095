// Demo accounts: one per role, all with the same documented password. Marked as demo in meta so the
// UI shows the 演示数据 badge; never present in a database made without --demo.
import type { Transaction } from 'kysely';
import type { Secrets } from '../../core/ports';
import { newId } from '../../core/ids';
import type { Role } from '../../shared/roles';
import { insertOrganizations, orgIdsByCode } from '../repositories/organizations';
import { insertUser } from '../repositories/users';
import { writeAudit } from '../audit';
import { addDemoStatistics } from './demo-statistics';
import type { DB } from '../schema';

export const DEMO_PASSWORD = 'Demo@2018';

export const DEMO_ENTERPRISE = {
  // A valid GB 32100-2015 code (checksum T), made up for the demo.
  code: '91130582MA07XT000T',
  name: '邢台演示新材料有限公司（演示）',
  county: '130582',
};

export const DEMO_USERS: { username: string; role: Role; org: string | null; displayName: string }[] = [
  { username: 'admin', role: 'admin', org: null, displayName: '系统管理员' },
  { username: 'fgw', role: 'coordinator', org: 'dept-fgw', displayName: '市发展改革委 联络员' },
  { username: 'gxj', role: 'department', org: 'dept-gxj', displayName: '市工业和信息化局 联络员' },
  { username: 'ningjin', role: 'county', org: '130528', displayName: '宁晋县 联络员' },
  { username: 'qiye', role: 'enterprise', org: DEMO_ENTERPRISE.code, displayName: '演示企业 填报员' },
  { username: 'tongji', role: 'statistician', org: 'dept-tjj', displayName: '市统计局 审核员' },
  { username: 'leader', role: 'leader', org: 'lg-sei', displayName: '领导小组成员' },
];

export async function addDemoData(trx: Transaction<DB>, secrets: Secrets, now: string): Promise<void> {
  await insertOrganizations(
    trx,
    [{ code: DEMO_ENTERPRISE.code, name: DEMO_ENTERPRISE.name, kind: 'enterprise', parentCode: DEMO_ENTERPRISE.county, sort: 1000 }],
    now,
  );
  const ids = await orgIdsByCode(trx);
  const hash = await secrets.hashPassword(DEMO_PASSWORD);
  for (const u of DEMO_USERS) {
    const id = newId();
    await insertUser(trx, { id, username: u.username, displayName: u.displayName, passwordHash: hash, role: u.role, orgId: u.org ? ids.get(u.org)! : null }, now);
    await writeAudit(trx, { actorId: null, actorName: 'init', action: 'create', entity: 'user', entityId: id, after: { username: u.username, role: u.role, demo: true } });
  }
  await addDemoStatistics(trx, now, DEMO_ENTERPRISE);
}
