/** The SMTP transport of the configured server (nodemailer: TLS, authentication, MIME). */
import { createTransport } from 'nodemailer';
import type { SmtpSettings } from '../config.ts';
import type { MailTransport } from './mail-sender.ts';

/** A transport to the server; timeouts far below a claim's length, so no send outlives its claim. */
export function smtpTransport(settings: SmtpSettings): MailTransport {
  const timeouts = { connectionTimeout: 30_000, greetingTimeout: 30_000, socketTimeout: 120_000 };
  if ('url' in settings) return createTransport(settings.url, timeouts);
  return createTransport({
    host: settings.host,
    port: settings.port,
    secure: settings.secure,
    ...(settings.user ? { auth: { user: settings.user, pass: settings.password ?? '' } } : {}),
    ...timeouts,
  });
}
