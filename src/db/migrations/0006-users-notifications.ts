// Users get an optional e-mail address (for notifications); every user has an in-app notification list.
// A notification row also records its e-mail delivery ('none' when the user has no address or SMTP is
// off, 'pending' until the send after commit, then 'sent' or 'failed' with the error), so a failed send
// never loses the notification and can be retried.
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's schema types
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable('app_user').addColumn('email', 'text').execute();
  await db.schema
    .createTable('notification')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('recipient_id', 'text', (c) => c.notNull().references('app_user.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('title_en', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('body_en', 'text', (c) => c.notNull())
    .addColumn('link', 'text')
    .addColumn('entity', 'text')
    .addColumn('entity_id', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('read_at', 'timestamptz')
    .addColumn('email_to', 'text')
    .addColumn('email_state', 'text', (c) => c.notNull().defaultTo('none'))
    .addColumn('email_error', 'text')
    .addColumn('email_at', 'timestamptz')
    .execute();
  await db.schema.createIndex('notification_recipient').on('notification').columns(['recipient_id', 'read_at']).execute();
  await db.schema.createIndex('notification_email_state').on('notification').column('email_state').execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('notification').ifExists().execute();
  await db.schema.alterTable('app_user').dropColumn('email').execute();
}
