// The declarative role matrix: role × resource × action → scope. Every route names the
// (action, resource) it needs and is checked against this one table; the web app receives it
// through /api/me so it can hide what a user may not do.
import type { Action, Resource, Role } from '../shared/roles';
import { AppError } from './app-error';

/** 'all': any record; 'own': only records of the actor's own organisation (or county). */
export type Scope = 'all' | 'own';
type Grants = Partial<Record<Resource, Partial<Record<Action, Scope>>>>;

const READ_ALL = { read: 'all' } as const;

export const POLICY: Record<Role, Grants> = {
  admin: {
    plan: { read: 'all', create: 'all', update: 'all', delete: 'all' },
    organization: { read: 'all', create: 'all', update: 'all', delete: 'all' },
    user: { read: 'all', create: 'all', update: 'all', delete: 'all' },
    audit: READ_ALL,
    reference: { read: 'all', update: 'all' },
    settings: { read: 'all', update: 'all' },
    progress: READ_ALL,
  },
  coordinator: {
    plan: { read: 'all', create: 'all', update: 'all' },
    organization: READ_ALL,
    audit: READ_ALL,
    reference: READ_ALL,
    progress: READ_ALL,
  },
  department: { plan: READ_ALL, organization: READ_ALL, reference: READ_ALL, progress: READ_ALL },
  county: { plan: READ_ALL, organization: READ_ALL, reference: READ_ALL, progress: READ_ALL },
  enterprise: { plan: READ_ALL, organization: { read: 'own' }, reference: READ_ALL, progress: READ_ALL },
  statistician: { plan: READ_ALL, organization: READ_ALL, reference: READ_ALL, progress: READ_ALL },
  leader: {
    plan: READ_ALL,
    organization: READ_ALL,
    audit: READ_ALL,
    reference: READ_ALL,
    progress: READ_ALL,
  },
};

export interface Actor {
  userId: string;
  username: string;
  role: Role;
  orgId: string | null;
}

export function scopeOf(actor: Actor, action: Action, resource: Resource): Scope | null {
  return POLICY[actor.role][resource]?.[action] ?? null;
}

/** True when the actor may do `action` on `resource` (on the record owned by `ownerOrgId`, if given). */
export function can(
  actor: Actor,
  action: Action,
  resource: Resource,
  ownerOrgId?: string | null,
): boolean {
  const scope = scopeOf(actor, action, resource);
  if (scope === 'all') return true;
  if (scope === 'own') return ownerOrgId === undefined || (ownerOrgId !== null && ownerOrgId === actor.orgId);
  return false;
}

export function authorize(
  actor: Actor,
  action: Action,
  resource: Resource,
  ownerOrgId?: string | null,
): void {
  if (!can(actor, action, resource, ownerOrgId)) {
    throw new AppError('FORBIDDEN', {
      zh: `当前角色无权对「${resource}」执行「${action}」`,
      en: `role ${actor.role} may not ${action} ${resource}`,
    });
  }
}
