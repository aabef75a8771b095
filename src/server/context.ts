import type { FastifyRequest } from 'fastify';
import { AppError } from '../core/app-error';
import type { Actor } from '../core/policy';
import type { Deps, UserRecord } from '../core/ports';
import type { Database } from '../db/connect';
import type { Action, Resource } from '../shared/roles';

export interface AppContext {
  database: Database;
  deps: Deps;
}

/** Every route declares who may call it: `public`, `authenticated`, or an (action, resource) pair of the role matrix. */
export type RoutePolicy = 'public' | 'authenticated' | { action: Action; resource: Resource };

declare module 'fastify' {
  interface FastifyContextConfig {
    policy?: RoutePolicy;
    /** Set false only on login: there is no session to bind a token to yet (SameSite cookies cover it). */
    csrf?: boolean;
  }
  interface FastifyRequest {
    user: UserRecord | null;
    sessionToken: string | null;
  }
}

export const toActor = (u: UserRecord): Actor => ({ userId: u.id, username: u.username, role: u.role, orgId: u.orgId });

export function requireActor(req: FastifyRequest): Actor {
  if (!req.user) throw new AppError('UNAUTHENTICATED');
  return toActor(req.user);
}

export const SESSION_COOKIE = 'sei_session';
