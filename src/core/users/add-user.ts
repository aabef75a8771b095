import { NewUserInput, ROLES_NEEDING_ORG } from '../../shared/users';
import { AppError } from '../app-error';
import { newId } from '../ids';
import type { Actor } from '../policy';
import { authorize } from '../policy';
import type { Deps } from '../ports';
import { parseInput } from '../parse-input';

/** `actor` null means the command line run by whoever owns the server (sei user add). */
export async function addUser(deps: Deps, actor: Actor | null, raw: unknown, now: Date): Promise<{ id: string }> {
  if (actor) authorize(actor, 'create', 'user');
  const input = parseInput(NewUserInput, raw);
  if ((ROLES_NEEDING_ORG as readonly string[]).includes(input.role) && !input.orgCode) {
    throw new AppError('VALIDATION', {
      zh: `角色 ${input.role} 必须指定所属组织（--org）`,
      en: `role ${input.role} needs an organisation (--org)`,
    }, [{ path: 'orgCode', message: 'required for this role' }]);
  }
  return deps.store.transaction(async (tx) => {
    if (await tx.users.findByUsername(input.username)) {
      throw new AppError('CONFLICT', { zh: `用户名已存在：${input.username}`, en: `username already exists: ${input.username}` });
    }
    let orgId: string | null = null;
    if (input.orgCode) {
      orgId = (await tx.orgs.idsByCode()).get(input.orgCode) ?? null;
      if (!orgId) {
        throw new AppError('VALIDATION', { zh: `组织代码不存在：${input.orgCode}`, en: `unknown organisation code: ${input.orgCode}` },
          [{ path: 'orgCode', message: 'unknown organisation' }]);
      }
    }
    const id = newId();
    const record = { id, username: input.username, displayName: input.displayName ?? input.username, role: input.role, orgId, email: input.email || null };
    await tx.users.insert({ ...record, passwordHash: await deps.secrets.hashPassword(input.password) }, now.toISOString());
    await tx.audit.write({
      actorId: actor?.userId ?? null, actorName: actor?.username ?? 'cli', action: 'create', entity: 'user', entityId: id,
      after: record,
    });
    return { id };
  });
}
