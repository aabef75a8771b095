// Row types of the notification list (migration 0006).
export interface NotificationTable {
  id: string;
  recipient_id: string;
  kind: string;
  title: string;
  title_en: string;
  body: string;
  body_en: string;
  link: string | null;
  entity: string | null;
  entity_id: string | null;
  created_at: string | Date;
  read_at: string | Date | null;
  email_to: string | null;
  /** none | pending | sent | failed */
  email_state: string;
  email_error: string | null;
  email_at: string | Date | null;
}

export interface NotificationTables {
  notification: NotificationTable;
}
