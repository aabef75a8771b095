import { describe, expect, it } from 'vitest';
import { ACTIONS, RESOURCES, ROLES } from '../shared/roles';
import { authorize, can, POLICY, type Actor } from './policy';

const actor = (role: Actor['role'], orgId: string | null = null): Actor => ({ userId: 'u', username: 'u', role, orgId });

describe('the role matrix', () => {
  it('names only known resources and actions', () => {
    for (const role of ROLES) {
      for (const [resource, grants] of Object.entries(POLICY[role])) {
        expect(RESOURCES).toContain(resource);
        for (const action of Object.keys(grants ?? {})) expect(ACTIONS).toContain(action);
      }
    }
  });

  it('lets every signed-in role read the plan, and only admin and the coordinator change it', () => {
    for (const role of ROLES) expect(can(actor(role), 'read', 'plan')).toBe(true);
    expect(ROLES.filter((r) => can(actor(r), 'update', 'plan'))).toEqual(['admin', 'coordinator']);
  });

  it('keeps user management with the administrator', () => {
    expect(ROLES.filter((r) => can(actor(r), 'create', 'user'))).toEqual(['admin']);
  });

  it("limits 'own' scope to records of the actor's organisation", () => {
    const county = actor('county', 'org-ningjin');
    expect(can(county, 'update', 'enterprise', 'org-ningjin')).toBe(true);
    expect(can(county, 'update', 'enterprise', 'org-weixian')).toBe(false);
    expect(can(county, 'update', 'enterprise', null)).toBe(false);
    expect(can(actor('statistician', 'org-tjj'), 'approve', 'datavalue', 'org-weixian')).toBe(true);
    expect(can(actor('enterprise', 'org-a'), 'read', 'datavalue', 'org-b')).toBe(false);
  });

  it('throws FORBIDDEN with a bilingual message', () => {
    expect(() => authorize(actor('leader'), 'update', 'plan')).toThrowError(/无权/);
    try {
      authorize(actor('department'), 'read', 'audit');
    } catch (e) {
      expect((e as { code: string }).code).toBe('FORBIDDEN');
      expect((e as { messageEn: string }).messageEn).toContain('may not read the audit log');
    }
  });

  it('says in words who may do what was refused, and when only for their own records', () => {
    expect(() => authorize(actor('county', 'org-ningjin'), 'create', 'enterprise', 'org-shahe')).toThrowError(
      '「县市区」只能新增本单位的企业，此记录不属于您的单位。系统管理员、牵头单位（市发展改革委）、统计审核（统计局）可新增全部企业；县市区仅可新增本单位的企业。',
    );
    try {
      authorize(actor('leader'), 'approve', 'datavalue');
    } catch (e) {
      expect((e as { messageEn: string }).messageEn).toBe(
        'As Leading group member you may not approve statistics. Administrator, Statistician may approve statistics; County / district may approve only their own organisation\'s statistics.',
      );
    }
  });
});
