/**
 * The registry's Atom feed (RFC 4287, written with the `feed` library as the other feeds are):
 * measures recorded and revised (each version an entry: the State, the title in its original
 * language, the status, a link to the measure, when it was recorded) and the answers of rounds
 * once published, newest first; filtered by State and element as the list page is.
 */
import { Feed } from 'feed';
import { z } from 'zod';
import type { Db } from '../db/database.ts';
import { zodError } from '../validation.ts';
import { judgeVoices } from './reports.ts';
import type { Measure } from './registry.schema.ts';
import { listRecentVersions } from './registry.store.ts';
import { listAnswerFiles, listRecentPublishedAnswers } from './rounds.store.ts';

/** How many entries the feed holds: a reader polls it, the list page has the rest. */
export const registryFeedSize = 50;

/** The feed's filters: those of the list page it follows. */
export const registryFeedFilterSchema = z.object({
  country: z
    .string()
    .regex(/^[A-Za-z]{3}$/, 'an ISO 3166-1 alpha-3 code')
    .transform((s) => s.toUpperCase())
    .optional(),
  element: z.string().max(60).optional(),
});

/** An entry of the feed, as read from the registry. */
export type RegistryFeedItem =
  | { kind: 'version'; at: string; measure: Measure }
  | {
      kind: 'answer';
      at: string;
      roundId: string;
      roundTitle: string;
      country: string;
      measures: number;
      files: number;
    };

/** The newest versions and published answers that match, newest first, `registryFeedSize` at most. */
export async function listRegistryFeedItems(db: Db, input: unknown): Promise<RegistryFeedItem[]> {
  const parsed = registryFeedFilterSchema.safeParse(input);
  if (!parsed.success) throw zodError(parsed.error);
  const filter = parsed.data;
  const [versions, answers] = await Promise.all([
    listRecentVersions(db, { ...filter, limit: registryFeedSize }),
    // An element filter is applied to the answers' declared measures below: read more of them.
    listRecentPublishedAnswers(db, {
      ...(filter.country ? { country: filter.country } : {}),
      limit: filter.element ? registryFeedSize * 4 : registryFeedSize,
    }),
  ]);
  const declared = (json: string) =>
    (JSON.parse(json) as { elements?: unknown }[]).map((m) =>
      Array.isArray(m.elements) ? (m.elements as string[]) : [],
    );
  const matching = answers.filter(
    (a) => !filter.element || declared(a.measures).some((e) => e.includes(filter.element!)),
  );
  const files = await listAnswerFiles(
    db,
    matching.map((a) => a.id),
  );
  const items: RegistryFeedItem[] = [
    // Whose word each version is, judged as it is read (as on every page of the registry).
    ...(await judgeVoices(db, versions)).map((measure) => ({
      kind: 'version' as const,
      at: measure.recordedAt,
      measure,
    })),
    ...matching.map((a) => ({
      kind: 'answer' as const,
      at: a.published_at!,
      roundId: a.round_id,
      roundTitle: a.round_title,
      country: a.country,
      measures: declared(a.measures).length,
      files: files.filter((f) => f.answer_id === a.id).length,
    })),
  ];
  // At one instant an answer comes before the measures its publication recorded.
  const rank = (i: RegistryFeedItem) => (i.kind === 'answer' ? 0 : 1);
  return items
    .toSorted((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : rank(a) - rank(b)))
    .slice(0, registryFeedSize);
}

/** What the feed's text says, in the reader's language. */
export interface RegistryFeedLabels {
  title: string;
  countryName: (code: string) => string;
  status: (m: Measure) => string;
  recorded: string;
  revised: (version: number) => string;
  statedBy: (m: Measure) => string;
  answer: (round: string) => string;
  declared: (measures: number, files: number) => string;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

/** The Atom document of the feed's entries; `base` is the site's origin. */
export function registryFeed(options: {
  base: string;
  selfPath: string;
  pagePath: string;
  items: RegistryFeedItem[];
  labels: RegistryFeedLabels;
}): string {
  const { base, items, labels } = options;
  const feed = new Feed({
    id: `${base}${options.pagePath}`,
    title: labels.title,
    link: `${base}${options.pagePath}`,
    feedLinks: { atom: `${base}${options.selfPath}` },
    updated: new Date(items[0]?.at ?? '1970-01-01T00:00:00.000Z'),
    copyright: '',
    generator: 'plenum',
  });
  for (const item of items) {
    if (item.kind === 'version') {
      const m = item.measure;
      const what = m.version === 1 ? labels.recorded : labels.revised(m.version);
      // Text only, escaped here: a title or note someone typed is shown, never run.
      feed.addItem({
        id: `${base}/registry/measures/${m.id}?version=${m.version}`,
        link: `${base}/registry/measures/${m.id}`,
        title: escapeHtml(`${labels.countryName(m.country)}: ${m.title}`),
        date: new Date(m.recordedAt),
        content: [
          `<p>${escapeHtml(labels.countryName(m.country))} · <span lang="${escapeHtml(m.titleLanguage)}">${escapeHtml(m.title)}</span></p>`,
          `<p>${escapeHtml(labels.status(m))} · ${escapeHtml(what)} · ${escapeHtml(labels.statedBy(m))}</p>`,
        ].join(''),
      });
    } else {
      feed.addItem({
        id: `${base}/registry/rounds/${item.roundId}#answer-${item.country}`,
        link: `${base}/registry/rounds/${item.roundId}`,
        title: escapeHtml(`${labels.countryName(item.country)}: ${labels.answer(item.roundTitle)}`),
        date: new Date(item.at),
        content: `<p>${escapeHtml(labels.declared(item.measures, item.files))}</p>`,
      });
    }
  }
  return feed.atom1();
}
