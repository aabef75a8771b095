// What the notifications module needs from storage (src/db implements it) and from the outside world
// (a Mailer: src/server/mailer.ts over nodemailer; absent when SMTP_URL is unset).
import type { EmailState, NotificationView } from '../../shared/notifications';

export type { EmailState, NotificationView };

/** Who receives a notification; the union of all given selectors, active users only, each once. */
export interface RecipientSelector {
  userIds?: string[];
  /** Every active user whose organisation is one of these (an enterprise's or county's own users). */
  orgIds?: string[];
  roles?: string[];
}

export interface NewNotification {
  id: string;
  recipientId: string;
  kind: string;
  title: string;
  titleEn: string;
  body: string;
  bodyEn: string;
  link: string | null;
  entity: string | null;
  entityId: string | null;
  createdAt: string;
  emailTo: string | null;
  emailState: EmailState;
}


export interface PendingEmail {
  id: string;
  to: string;
  title: string;
  titleEn: string;
  body: string;
  bodyEn: string;
  link: string | null;
}

export interface NotificationsStore {
  recipients(sel: RecipientSelector): Promise<{ id: string; email: string | null }[]>;
  insert(rows: NewNotification[]): Promise<void>;
  list(userId: string, q: { unreadOnly: boolean; limit: number; offset: number }): Promise<{ items: NotificationView[]; total: number; unread: number }>;
  unreadCount(userId: string): Promise<number>;
  /** Marks one of the user's notifications read; false when the user has no such notification. */
  markRead(userId: string, id: string, now: string): Promise<boolean>;
  markAllRead(userId: string, now: string): Promise<number>;
  /** E-mails still to send: of these notifications, or (no ids) every pending or failed one. */
  emailsToSend(ids: string[] | null, limit: number): Promise<PendingEmail[]>;
  setEmailState(id: string, state: EmailState, error: string | null, now: string): Promise<void>;
  /** Read by tests and the admin: the delivery state of one notification. */
  byId(id: string): Promise<(NotificationView & { recipientId: string }) | null>;
}

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  send(message: MailMessage): Promise<void>;
  /** Absolute base of links in e-mails (PUBLIC_URL), or null to show the path. */
  readonly linkBase: string | null;
}
