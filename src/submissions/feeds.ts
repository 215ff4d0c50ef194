/** Atom feeds (RFC 4287, via the `feed` library) of newly published submissions. */
import { Feed } from 'feed';
import type { Submission } from './submissions.schema.ts';

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

/** An Atom document of published submissions; `base` is the site's origin (https://plenum.example). */
export function submissionsFeed(options: {
  base: string;
  id: string;
  title: string;
  selfPath: string;
  pagePath: string;
  submissions: Submission[];
}): string {
  const { base } = options;
  const updated = options.submissions[0]?.publishedAt ?? '1970-01-01T00:00:00.000Z';
  const feed = new Feed({
    id: `${base}${options.pagePath}`,
    title: options.title,
    link: `${base}${options.pagePath}`,
    feedLinks: { atom: `${base}${options.selfPath}` },
    updated: new Date(updated),
    copyright: '',
    generator: 'plenum',
  });
  for (const s of options.submissions) {
    const cosigners = s.cosigners
      .filter((c) => c.state === 'confirmed')
      .map((c) => c.organisation.name);
    const on = [...new Set(s.anchors.map((a) => a.address))];
    // Content is our own escaped HTML: a submitter's markup is shown as text, never run.
    const content = [
      `<p>${escapeHtml([s.organisation.name, ...cosigners].join(', '))}${on.length ? ` · ${escapeHtml(on.join(', '))}` : ''}</p>`,
      ...s.body.split(/\n{2,}/).map((p) => `<p>${escapeHtml(p)}</p>`),
    ].join('');
    feed.addItem({
      id: `${base}/submissions/${s.id}`,
      link: `${base}/submissions/${s.id}`,
      title: escapeHtml(
        `${s.organisation.name}${s.title ? `: ${s.title}` : on.length ? `: ${on.join(', ')}` : ''}`,
      ),
      date: new Date(s.publishedAt ?? s.receivedAt),
      published: new Date(s.publishedAt ?? s.receivedAt),
      content,
      author: [
        s.organisation,
        ...s.cosigners.filter((c) => c.state === 'confirmed').map((c) => c.organisation),
      ].map((o) => ({
        name: o.name,
        link: `${base}/organisations/${o.slug}`,
      })),
    });
  }
  return feed.atom1();
}
