/** HTML of the transparency page and the Atom feed of signed tree heads. */
import { Feed } from 'feed';
import { html } from 'hono/html';
import type { PageContext } from '../web/page-context.ts';
import { page, type Markup } from '../web/layout.ts';
import type { LogKey, TreeHead } from './transparency.schema.ts';

/** The commands a participant runs to check the log, offline once downloaded. */
export function verifyCommands(base: string, periodId = 'PERIOD_ID'): string {
  return [
    `curl -o key.json ${base}/api/transparency/key`,
    `curl -o tree-heads.json '${base}/api/transparency/tree-heads?limit=1000'`,
    `SIZE=$(curl -s ${base}/api/transparency/tree-head | jq .treeSize)`,
    `for s in $(seq 0 1000 $SIZE); do curl -s "${base}/api/transparency/entries?start=$s"; echo; done > entries.jsonl`,
    `curl -o export.json ${base}/consultations/${periodId}/submissions.json`,
    'plenum verify --entries entries.jsonl --tree-heads tree-heads.json --key key.json --export export.json',
  ].join('\n');
}

/** What a participant can check, and how; the latest signed tree heads and the keys. */
export function transparencyPage(
  ctx: PageContext,
  data: { treeHeads: TreeHead[]; keys: LogKey[] },
): Markup {
  const { ui } = ctx;
  const m = ui.m.transparency;
  const heads =
    data.treeHeads.length === 0
      ? html`<p>${m.none}</p>`
      : html`<table class="list">
          <thead><tr><th scope="col">${m.size}</th><th scope="col">${m.root}</th><th scope="col">${m.signedAt}</th></tr></thead>
          <tbody>${data.treeHeads.map(
            (h) =>
              html`<tr><td>${ui.n(h.treeSize)}</td><td><code class="hash">${h.rootHash}</code></td><td><time datetime="${h.timestamp}">${ui.instant(h.timestamp, 'UTC')}</time></td></tr>`,
          )}</tbody>
        </table>`;
  const keys = data.keys.map(
    (k) =>
      html`<h3>${m.keyId}: <code class="hash">${k.keyId}</code>${k.retiredAt ? html` (${m.retired})` : ''}</h3>
        <pre dir="ltr"><code>${k.pem}</code></pre>`,
  );
  const main = html`<h1>${m.title}</h1>
    <p>${m.intro}</p>
    <h2>${m.checkTitle}</h2>
    <ul>
      <li>${m.checkReceipt}</li>
      <li>${m.checkGrowth}</li>
      <li>${m.checkExport}</li>
    </ul>
    <h2>${m.howTitle}</h2>
    <p>${m.howIntro}</p>
    <pre dir="ltr"><code>${verifyCommands('https://…')}</code></pre>
    <h2>${m.treeHeadsTitle}</h2>
    ${heads}
    <p><a href="/transparency/tree-heads.atom">${m.feed}</a> · <a href="/api/transparency/tree-heads">JSON</a></p>
    <h2>${m.keyTitle}</h2>
    ${keys}`;
  return page(ctx, { title: m.title, main, crumbs: [{ label: m.title }] });
}

/** An Atom document of signed tree heads, largest first; `base` is the site's origin. */
export function treeHeadsFeed({
  base,
  treeHeads,
}: {
  base: string;
  treeHeads: TreeHead[];
}): string {
  const feed = new Feed({
    id: `${base}/transparency`,
    title: 'plenum transparency log: signed tree heads',
    link: `${base}/transparency`,
    feedLinks: { atom: `${base}/transparency/tree-heads.atom` },
    updated: new Date(treeHeads[0]?.timestamp ?? '1970-01-01T00:00:00.000Z'),
    copyright: '',
    generator: 'plenum',
  });
  for (const head of treeHeads) {
    const json = JSON.stringify(head);
    feed.addItem({
      id: `${base}/transparency#tree-head-${head.treeSize}`,
      link: `${base}/api/transparency/tree-heads?before=${head.treeSize + 1}&limit=1`,
      title: `Tree head: ${head.treeSize} entries, root ${head.rootHash}`,
      date: new Date(head.timestamp),
      published: new Date(head.timestamp),
      // The signed tree head itself, as the JSON endpoint gives it (escaped by the library).
      content: `<pre>${json.replace(/[&<>]/g, (ch) => `&#${ch.charCodeAt(0)};`)}</pre>`,
    });
  }
  return feed.atom1();
}
