// E-mail through a configurable SMTP server (nodemailer). SMTP_URL (smtp://user:pass@host:587 or
// smtps://…:465) turns it on; unset means no e-mail (notifications stay in the app). SMTP_FROM names
// the sender, PUBLIC_URL makes links in e-mails absolute.
import type { Transporter } from 'nodemailer';
import type { Mailer } from '../core/notifications/ports';

export interface SmtpOptions {
  url: string;
  from?: string;
  linkBase?: string | null;
}

export const DEFAULT_FROM = 'SEI Monitor <noreply@localhost>';

export function smtpMailer(opts: SmtpOptions): Mailer {
  // Short timeouts: the send happens after the commit while the user waits for the answer, and a dead
  // server must cost seconds, not minutes.
  // (Options given in the URL's query, e.g. ?connectionTimeout=20000, win.)
  const url = new URL(opts.url);
  for (const [key, value] of Object.entries({ connectionTimeout: '5000', greetingTimeout: '5000', socketTimeout: '15000' })) {
    if (!url.searchParams.has(key)) url.searchParams.set(key, value);
  }
  // nodemailer is loaded at the first e-mail: the CLI opens a mailer for every command and most send none.
  let transport: Promise<Transporter> | null = null;
  const transporter = () => (transport ??= import('nodemailer').then((m) => m.default.createTransport(url.toString(), { from: opts.from ?? DEFAULT_FROM })));
  return {
    linkBase: opts.linkBase ?? null,
    async send(m) {
      await (await transporter()).sendMail({ to: m.to, subject: m.subject, text: m.text });
    },
  };
}

/** The mailer of SMTP_URL / SMTP_FROM / PUBLIC_URL, or null when SMTP_URL is unset. */
export function mailerFromEnv(env: NodeJS.ProcessEnv = process.env): Mailer | null {
  const url = env.SMTP_URL?.trim();
  if (!url) return null;
  return smtpMailer({ url, from: env.SMTP_FROM?.trim() || DEFAULT_FROM, linkBase: env.PUBLIC_URL?.trim() || null });
}
