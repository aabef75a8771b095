// A user's notification as the API answers it: built in src/core/notifications, read by the web app.
export type EmailState = 'none' | 'pending' | 'sent' | 'failed' | 'off';

/** One notification of the signed-in user (`GET /api/notifications`). */
export interface NotificationView {
  id: string;
  kind: string;
  title: string;
  titleEn: string;
  body: string;
  bodyEn: string;
  link: string | null;
  entity: string | null;
  entityId: string | null;
  createdAt: string;
  readAt: string | null;
  email: { state: EmailState; error: string | null; at: string | null };
}
