/**
 * The messages plenum writes, each in its recipient's interface language: a greeting, a few
 * lines, at most one link (relative to the site: the sender completes it), and why it came; as
 * plain text and as HTML that escapes every value.
 */
import { siteMarker, type NewMail } from '../mail/mail.store.ts';
import { isUiLanguage, uiFor, type Ui } from '../web/i18n.ts';

/** Who a message goes to. */
export interface Recipient {
  id: string;
  email: string;
  name: string;
  language: string;
}

/** The reader's formatting helpers and texts for a recipient (English when unknown). */
export function uiOf(to: Recipient): Ui {
  return uiFor(isUiLanguage(to.language) ? to.language : 'en');
}

function escape(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
}

/** One entry of a message's list: what it is, a few words of it, where it is on the site. */
export interface MailItem {
  heading: string;
  excerpt: string;
  path: string;
}

/** A list's entries as plain text: a heading line, the excerpt and the address indented. */
function itemsText(items: MailItem[]): string[] {
  return items.flatMap((i) => [`* ${i.heading}`, `  ${i.excerpt}`, `  ${siteMarker}${i.path}`, '']);
}

/** A list's entries as HTML, every value escaped. */
function itemsHtml(items: MailItem[]): string {
  if (items.length === 0) return '';
  const entries = items.map(
    (i) =>
      `<li><a href="${escape(siteMarker + i.path)}">${escape(i.heading)}</a><br>${escape(i.excerpt)}</li>`,
  );
  return `<ul>\n${entries.join('\n')}\n</ul>`;
}

/** A message to one recipient, as the outbox stores it. */
export function composeMail(
  to: Recipient,
  message: {
    kind: string;
    key: string;
    subject: string;
    lines: string[];
    /** A path on the site, with the label of its link in HTML. */
    link?: { path: string; label: string };
    /** A list of things on the site (a digest's passages): a heading, an excerpt, a path. */
    items?: MailItem[];
    /** Why the recipient receives it. */
    footer: string;
  },
): NewMail {
  const ui = uiOf(to);
  const greeting = ui.m.mail.greeting.replace('{name}', to.name);
  const url = message.link ? `${siteMarker}${message.link.path}` : undefined;
  const text = [
    greeting,
    '',
    ...message.lines.flatMap((l) => [l, '']),
    ...itemsText(message.items ?? []),
    ...(url ? [url, ''] : []),
    message.footer,
    '',
    '-- ',
    ui.m.mail.signature,
    '',
  ].join('\n');
  const html = `<!doctype html>
<html lang="${ui.lang}" dir="${ui.dir}"><head><meta charset="utf-8"><title>${escape(message.subject)}</title></head>
<body>
<p>${escape(greeting)}</p>
${message.lines.map((l) => `<p>${escape(l)}</p>`).join('\n')}
${itemsHtml(message.items ?? [])}
${url && message.link ? `<p><a href="${escape(url)}">${escape(message.link.label)}</a><br><span dir="ltr">${escape(url)}</span></p>` : ''}
<p><small>${escape(message.footer)}</small></p>
<p>${escape(ui.m.mail.signature)}</p>
</body></html>
`;
  return {
    idempotencyKey: message.key,
    kind: message.kind,
    recipient: to.email,
    accountId: to.id,
    language: ui.lang,
    subject: message.subject,
    text,
    html,
  };
}
