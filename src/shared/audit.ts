// One audit-log entry as `GET /api/audit` answers it: built in src/core/users, read by the web app's viewer.
export interface AuditEntryView {
  id: string;
  at: string;
  actorId: string | null;
  actorName: string;
  action: string;
  entity: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  ip: string | null;
}
