// Response shapes of the auth and system routes (src/server/routes/auth.ts, system.ts) as the web
// app reads them; plan shapes come from src/shared/plan.ts.
import type { Organization, PlanSummary } from '../../shared/plan';
import type { Action, Resource, Role } from '../../shared/roles';

export interface AppInfo {
  name: string;
  demo: boolean;
  initializedAt: string | null;
}

export interface CurrentUser {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  roleLabel: { zh: string; en: string };
  org: { code: string; name: string | null } | null;
}

export type Permissions = Partial<Record<Resource, Partial<Record<Action, 'all' | 'own'>>>>;

export interface Me {
  user: CurrentUser;
  permissions: Permissions;
  demo: boolean;
  csrfToken: string;
}

export interface LoginResponse {
  user: CurrentUser;
  csrfToken: string;
}

export interface Credentials {
  username: string;
  password: string;
}

export interface PlansResponse {
  plans: PlanSummary[];
}

export interface OrganizationsResponse {
  organizations: Organization[];
}
