/** The Atom feed (RFC 4287, via the `feed` library) of a watch's matches. */
import { Feed } from 'feed';
import type { Watch, WatchHit } from './watches.schema.ts';

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

/** An Atom document of a watch's newest matches; `base` is the site's origin. */
export function watchFeed(options: {
  base: string;
  selfPath: string;
  watch: Watch;
  hits: WatchHit[];
}): string {
  const { base, watch, hits } = options;
  const feed = new Feed({
    id: `${base}/watches/${watch.id}`,
    title: `plenum: ${watch.name}`,
    link: `${base}/watches/${watch.id}`,
    feedLinks: { atom: `${base}${options.selfPath}` },
    updated: new Date(hits[0]?.matchedAt ?? watch.createdAt),
    copyright: '',
    generator: 'plenum',
  });
  for (const h of hits) {
    const where =
      h.kind === 'submission'
        ? (h.organisationName ?? h.title)
        : [h.symbol, h.address].filter(Boolean).join(', ');
    feed.addItem({
      id: `${base}${h.href}`,
      link: `${base}${h.href}`,
      title: escapeHtml(where || h.title),
      date: new Date(h.matchedAt),
      published: new Date(`${h.date}T00:00:00Z`),
      // The passage as text: whatever markup it holds is shown, never run.
      content: h.text
        .split(/\n{2,}/)
        .map((p) => `<p>${escapeHtml(p)}</p>`)
        .join(''),
    });
  }
  return feed.atom1();
}
