// Shapes of user administration and the audit log viewer (the store side lives on Store.users / Store.audit).
import type { AuditEntryView } from '../../shared/audit';
import type { Role } from '../../shared/roles';

export type { AuditEntryView };

export interface UserPatch {
  displayName?: string;
  role?: Role;
  orgId?: string | null;
  email?: string | null;
  active?: boolean;
}

export interface AuditQuery {
  entity?: string;
  entityId?: string;
  /** The actor's user name (exact). */
  actor?: string;
  action?: string;
  /** ISO instants: from inclusive, to exclusive. */
  from?: string;
  to?: string;
  limit: number;
  offset: number;
}


export interface AuditPage {
  entries: AuditEntryView[];
  total: number;
}
