/**
 * Routes of the registry of national regulatory practice: its pages (list, measure, State,
 * comparison, elements and kinds), the CSV of the measures that match, and its JSON API.
 */
import { csvRecords } from '../exchange/csv-records.ts';
import type { Hono } from 'hono';
import type { RouteBodyLimit } from '../context.ts';
import { attachmentMaxBytes, attachmentMaxCount } from '../submissions/attachments.ts';
import { z } from 'zod';
import type { ApiRegistry } from '../api/api-registry.ts';
import {
  decodeKeyCursor,
  keyPageOf,
  nextCursorOf,
  nextCursorSchema,
  pageQuery,
  textAndIdKey,
  type KeyPage,
} from '../api/cursor.ts';
import { clockOf, type AppEnv } from '../context.ts';
import { countries, countryName, findCountry } from '../organisations/countries.ts';
import { siteBase } from '../site-base.ts';
import { listFictionalStates } from '../organisations/fictional-states.service.ts';
import { fill } from '../web/i18n.ts';
import { listRegistryFeedItems, registryFeed } from './registry-feed.ts';
import { findOrganisationsByIds } from '../organisations/organisations.service.ts';
import type { Db } from '../db/database.ts';
import { registryLanguages } from './registry.data.ts';
import {
  measureFilterSchema,
  measureInputSchema,
  measureStatuses,
  instruments,
  reaches,
  termInputSchema,
  type Measure,
  type MeasureFilter,
  type RegistryTerm,
} from './registry.schema.ts';
import {
  getCountryPractice,
  getMatrix,
  getMeasure,
  getTerms,
  listMeasures,
  listMeasuresAfter,
  parseAt,
  recordMeasure,
  reviseMeasure,
  saveTerm,
} from './registry.service.ts';
import {
  answerSchema,
  apiAnswerBodyLimit,
  checkAnswerFiles,
  getAnswerFile,
  importAnswerFile,
  listMeasureFiles,
  listPublishedAnswers,
  grantMoreTime,
  grantSchema,
  moreTimeSchema,
  remindRound,
  requestMoreTime,
  roundAnswersCsv,
  getRound,
  getOwnAnswer,
  getRoundStatus,
  newRoundSchema,
  openRound,
  publishRound,
  renameFields,
  saveAnswer,
  type Answer,
  type Round,
} from './rounds.service.ts';
import {
  conflictRules,
  getCountryPair,
  getMap,
  getTimeline,
  mapSchema,
  mapShows,
  pairSchema,
} from './compare.service.ts';
import { judgeVoices } from './reports.ts';
import { roundOpenData } from './round-open-data.ts';
import { mapPage, pairPage, timelinePage } from './compare.views.ts';
import { roundPage } from './rounds.views.ts';
import { checkForm } from '../accounts/accounts.middleware.ts';
import { refusedFormHeader } from '../web/form-refusal.ts';
import { isPlenumError } from '../errors.ts';
import { zodError } from '../validation.ts';
import type { FormBody } from '../form-body.ts';
import { holds, type Viewer } from '../accounts/accounts.schema.ts';
import type { CheckedAttachment } from '../submissions/attachments.ts';
import {
  comparePage,
  countryPracticePage,
  measurePage,
  registryPage,
  termsPage,
  type RegistryLookups,
} from './registry.views.ts';
import { defuseFormula } from '../exchange/spreadsheet-cells.ts';

const answerFormPath = '/registry/rounds/:id/answers';
const apiAnswerPath = '/api/registry-rounds/:id/answers';

/** The largest answer form: its legal texts (five files of 5 MB) and the rest. */
export const answerFormBodyLimit = attachmentMaxCount * attachmentMaxBytes + 2 * 1024 * 1024;

/** The answer's body limits: its legal texts make it larger than the other registry posts. */
export const registryBodyLimits: RouteBodyLimit[] = [
  {
    method: 'POST',
    path: answerFormPath,
    maxSize: answerFormBodyLimit,
    message: `An answer with its legal texts may have ${answerFormBodyLimit / 1048576} MB at most.`,
  },
  {
    method: 'POST',
    path: apiAnswerPath,
    maxSize: apiAnswerBodyLimit,
    message: `An answer with its legal texts may have ${Math.floor(apiAnswerBodyLimit / 1048576)} MB at most (files in base64 in the JSON body: a third more).`,
  },
];

/** One posted field as text: the first value when repeated, '' when absent or a file. */
function field(body: FormBody, name: string): string {
  const value = body[name];
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' ? first.trim() : '';
}

/** A posted field's values as text (checkboxes). */
function fieldValues(body: FormBody, name: string): string[] {
  const value = body[name];
  return (Array.isArray(value) ? value : value === undefined ? [] : [value]).filter(
    (v): v is string => typeof v === 'string',
  );
}

/**
 * The measures the answer form declares (`measures.N.field`, as MeasureInput names them), in the
 * order of the form, with their index on the page; a measure marked for removal and the empty
 * one left for adding are left out. The service checks them as it checks the API's.
 */
function measuresFromForm(body: FormBody): { index: number; measure: Record<string, unknown> }[] {
  const indexes = new Set<number>();
  for (const name of Object.keys(body)) {
    const found = /^measures\.(\d{1,3})\./.exec(name);
    if (found) indexes.add(Number(found[1]));
  }
  const out: { index: number; measure: Record<string, unknown> }[] = [];
  for (const index of [...indexes].toSorted((a, b) => a - b)) {
    const f = (name: string) => field(body, `measures.${index}.${name}`);
    if (f('remove')) continue;
    const pick = (names: readonly string[], prefix: string) =>
      Object.fromEntries(
        names.flatMap((k) => (f(`${prefix}.${k}`) ? [[k, f(`${prefix}.${k}`)]] : [])),
      );
    const measure: Record<string, unknown> = {
      title: f('title'),
      titleLanguage: f('titleLanguage'),
      titleTranslations: pick(registryLanguages, 'titleTranslations'),
      instrument: f('instrument'),
      status: f('status'),
      statusDates: pick(measureStatuses, 'statusDates'),
      elements: fieldValues(body, `measures.${index}.elements`),
      kinds: fieldValues(body, `measures.${index}.kinds`),
      reach: f('reach') || 'none',
    };
    const documentId = f('source.documentId');
    const paragraphs = f('source.paragraphs')
      .split(',')
      .map((p) => p.trim())
      .filter(Boolean);
    if (documentId || paragraphs.length) measure.source = { documentId, paragraphs };
    if (f('note')) measure.note = f('note');
    const blank =
      !measure.title &&
      !measure.note &&
      !measure.source &&
      (measure.elements as string[]).length === 0 &&
      (measure.kinds as string[]).length === 0 &&
      Object.keys(measure.titleTranslations as object).length === 0 &&
      Object.keys(measure.statusDates as object).length === 0;
    if (!blank) out.push({ index, measure });
  }
  return out;
}

/** The query of a page without its empty fields (a form sends every field, filled or not). */
function filled(query: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(query).filter(([, v]) => v !== ''));
}

async function lookups(db: Db, measures: Measure[]): Promise<RegistryLookups> {
  const ids = [...new Set(measures.flatMap((m) => (m.organisationId ? [m.organisationId] : [])))];
  // The fictional States' names, read afresh so that this process names them (countryName).
  const [terms, organisations] = await Promise.all([
    getTerms(db),
    findOrganisationsByIds(db, ids),
    listFictionalStates(db),
  ]);
  return { terms, organisations };
}

/** A measure as the API gives it. */
const measureJson = z
  .object({
    id: z.string(),
    country: z.string().describe('ISO 3166-1 alpha-3'),
    countryM49: z.string(),
    regionalGroup: z.string().nullable(),
    version: z.number().int(),
    latestVersion: z.number().int(),
    recordedAt: z.string(),
    title: z.string(),
    titleLanguage: z.string(),
    titleTranslations: z.record(z.string(), z.string()),
    instrument: z.enum(instruments),
    status: z.enum(measureStatuses),
    statusDates: z.record(z.string(), z.string()),
    elements: z.array(z.string()),
    kinds: z.array(z.string()),
    reach: z.enum(reaches),
    source: z
      .object({
        documentId: z.string(),
        paragraphs: z.array(z.object({ blockId: z.string(), address: z.string() })),
      })
      .nullable(),
    voice: z
      .enum(['state', 'reported'])
      .describe(
        "'state': stated by a verified representative of the State's verified government, both still verified now; 'reported': anyone else, or a statement whose government or representative has since lost its verification",
      ),
    organisationId: z.string().nullable(),
    note: z.string().nullable(),
  })
  .meta({ id: 'Measure' });

function toJson(m: Measure): z.input<typeof measureJson> {
  const country = findCountry(m.country);
  return {
    id: m.id,
    country: m.country,
    countryM49: country?.m49 ?? '',
    regionalGroup: country?.group ?? null,
    version: m.version,
    latestVersion: m.latestVersion,
    recordedAt: m.recordedAt,
    title: m.title,
    titleLanguage: m.titleLanguage,
    titleTranslations: m.titleTranslations as Record<string, string>,
    instrument: m.instrument,
    status: m.status,
    statusDates: m.statusDates as Record<string, string>,
    elements: m.elements,
    kinds: m.kinds,
    reach: m.reach,
    source: m.source ? { documentId: m.source.documentId, paragraphs: m.source.blocks } : null,
    voice: m.voice,
    organisationId: m.organisationId,
    note: m.note,
  };
}

const termJson = z
  .object({
    slug: z.string(),
    type: z.enum(['element', 'kind']),
    position: z.number().int(),
    conceptSlug: z.string().nullable(),
    fragmenting: z.boolean(),
    texts: z.record(z.string(), z.object({ name: z.string(), definition: z.string() })),
    edited: z.boolean(),
  })
  .meta({ id: 'RegistryTerm' });

function termToJson(t: RegistryTerm): z.input<typeof termJson> {
  return { ...t };
}

const csvColumns = [
  'id',
  'version',
  'recorded_at',
  'country',
  'm49',
  'regional_group',
  'title',
  'title_language',
  ...registryLanguages.map((l) => `title_${l}`),
  'instrument',
  'status',
  ...measureStatuses.map((s) => `date_${s}`),
  'elements',
  'kinds',
  'extraterritorial_reach',
  'source_document',
  'source_paragraphs',
  'voice',
  'organisation_id',
  'note',
];

/** Every measure given, as CSV with a header row, UTF-8 with a BOM; no cap on the number of rows. */
export function measuresCsv(measures: Measure[]): string {
  const rows = measures.map((m) => {
    const country = findCountry(m.country);
    return [
      m.id,
      String(m.version),
      m.recordedAt,
      m.country,
      country?.m49 ?? '',
      country?.group ?? '',
      m.title,
      m.titleLanguage,
      ...registryLanguages.map((l) => m.titleTranslations[l] ?? ''),
      m.instrument,
      m.status,
      ...measureStatuses.map((s) => m.statusDates[s] ?? ''),
      m.elements.join('; '),
      m.kinds.join('; '),
      m.reach,
      m.source?.documentId ?? '',
      m.source?.blocks.map((b) => b.address).join('; ') ?? '',
      m.voice,
      m.organisationId ?? '',
      m.note ?? '',
    ].map(defuseFormula);
  });
  return `\uFEFF${csvRecords([csvColumns, ...rows])}`;
}

const idParams = z.object({ id: z.string().max(80) });

const roundJson = z
  .object({
    id: z.string(),
    processId: z.string(),
    title: z.string(),
    questions: z.array(
      z.object({
        key: z.string(),
        kind: z.enum(['text', 'choice']),
        texts: z.record(z.string(), z.string()),
        choices: z.array(z.string()),
      }),
    ),
    languages: z.array(z.string()).describe('The languages every question is written in'),
    invited: z.array(z.string()),
    opensAt: z.string(),
    closesAt: z.string(),
    timeZone: z.string(),
    publishedAt: z.string().nullable(),
    state: z.enum(['upcoming', 'open', 'closed', 'published']),
  })
  .meta({ id: 'QuestionnaireRound' });

function roundToJson(r: Round): z.input<typeof roundJson> {
  return {
    ...r,
    questions: r.questions.map((q) => ({ ...q, texts: q.texts as Record<string, string> })),
  };
}

const answerJson = z
  .object({
    id: z.string(),
    roundId: z.string(),
    country: z.string(),
    organisationId: z.string(),
    language: z.string(),
    languageMarked: z
      .boolean()
      .describe('True when the answer is in a language the questionnaire does not have'),
    answers: z.record(z.string(), z.string()),
    measures: z.array(z.unknown()),
    status: z.enum(['draft', 'submitted']),
    submittedAt: z.string().nullable(),
    receipt: z.string().nullable().describe('SHA-256 of the submitted answer: the receipt'),
    files: z
      .array(
        z.object({
          id: z.string(),
          filename: z.string(),
          mediaType: z.string(),
          size: z.number().int(),
          sha256: z.string(),
          attachedAt: z.string(),
          href: z.string().describe('Where the file is downloaded'),
        }),
      )
      .describe('The legal texts attached, oldest first'),
  })
  .meta({ id: 'QuestionnaireAnswer' });

function answerToJson(a: Answer): z.input<typeof answerJson> {
  return { ...a };
}
const atQuery = z.object({ at: z.string().max(40).optional() });

/**
 * The measures that match, each with its voice judged now (reports.ts): a voice filter applies to
 * the judged voice, so a measure whose stating government or account lost its verification is
 * listed with the reported ones.
 */
async function judgedMeasures(db: Db, input: unknown): Promise<Measure[]> {
  const parsed = measureFilterSchema.safeParse(input);
  if (!parsed.success) throw zodError(parsed.error);
  const filter = parsed.data;
  const measures = await judgeVoices(db, await listMeasures(db, { ...filter, voice: undefined }));
  return filter.voice ? measures.filter((m) => m.voice === filter.voice) : measures;
}

/**
 * A page of `judgedMeasures`, by country then id, after the key of the previous page: read in
 * batches from the key on until a page and one more match (the element, kind and judged-voice
 * filters apply after the read), so the next page starts after the last measure given.
 */
async function judgedMeasuresPage(
  db: Db,
  input: Record<string, unknown>,
  page: { after: readonly [string, string] | undefined; limit: number },
): Promise<KeyPage<Measure>> {
  const parsed = measureFilterSchema.safeParse(input);
  if (!parsed.success) throw zodError(parsed.error);
  const filter = parsed.data;
  const found: Measure[] = [];
  let after = page.after;
  const batch = page.limit + 1;
  for (;;) {
    const read = await listMeasuresAfter(
      db,
      { ...filter, voice: undefined },
      { after, limit: batch },
    );
    const judged = await judgeVoices(db, read.measures);
    found.push(...(filter.voice ? judged.filter((m) => m.voice === filter.voice) : judged));
    if (found.length > page.limit || read.last === undefined || read.count < batch) break;
    after = read.last;
  }
  return keyPageOf(found, page.limit, (m) => [m.country, m.id]);
}

/**
 * The legal texts sent with an answer, checked (checkAnswerFiles) before the transaction that
 * saves it; the sender's right to answer is checked first, so no one else's upload is inspected.
 */
async function checkedFiles(
  db: Db,
  viewer: Viewer | null,
  roundId: string,
  organisationId: unknown,
  sent: { name: string; bytes: Buffer }[],
  now: Date,
): Promise<CheckedAttachment[]> {
  if (sent.length === 0) return [];
  await getOwnAnswer(
    db,
    viewer,
    roundId,
    typeof organisationId === 'string' ? organisationId : '',
    now,
  );
  return checkAnswerFiles(sent);
}

/** Mounts the registry's pages and registers its API routes. */
export function registryRoutes(app: Hono<AppEnv>, api: ApiRegistry): void {
  app.get('/registry', async (c) => {
    const { db } = c.var.deps;
    const filter = filled(c.req.query()) as MeasureFilter;
    const measures = await judgedMeasures(db, filter);
    return c.html(registryPage(c.var.page, filter, measures, await lookups(db, measures)));
  });

  app.get('/registry/feed.atom', async (c) => {
    const query = filled(c.req.query());
    await listFictionalStates(c.var.deps.db);
    const items = await listRegistryFeedItems(c.var.deps.db, query);
    const { ui } = c.var.page;
    const r = ui.m.registry;
    const search = new URLSearchParams(
      Object.entries(query).filter(([k]) => k === 'country' || k === 'element'),
    ).toString();
    const xml = registryFeed({
      base: siteBase(c),
      selfPath: `/registry/feed.atom${search ? `?${search}` : ''}`,
      pagePath: `/registry${search ? `?${search}` : ''}`,
      items,
      labels: {
        title: r.views.rounds.feedTitle,
        countryName: (code) => countryName(code, ui.lang),
        status: (m) => r.statuses[m.status],
        recorded: r.views.rounds.feedRecorded,
        revised: (n) => fill(r.views.rounds.feedRevised, { n: ui.n(n) }),
        statedBy: (m) => (m.voice === 'state' ? r.stateWord : r.reported),
        answer: (round) => fill(r.views.rounds.feedAnswer, { round }),
        declared: (measures, files) =>
          fill(r.views.rounds.feedDeclared, { measures: ui.n(measures), files: ui.n(files) }),
      },
    });
    return c.body(xml, 200, { 'content-type': 'application/atom+xml; charset=utf-8' });
  });

  app.get('/registry.csv', async (c) => {
    const measures = await judgedMeasures(c.var.deps.db, filled(c.req.query()));
    return c.body(measuresCsv(measures), 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': 'attachment; filename="plenum-registry.csv"',
    });
  });

  app.get('/registry/compare', async (c) => {
    const { db } = c.var.deps;
    const filter = filled(c.req.query()) as MeasureFilter;
    const matrix = await getMatrix(db, filter);
    return c.html(comparePage(c.var.page, filter, matrix, await lookups(db, [])));
  });

  app.get('/registry/map', async (c) => {
    const { db } = c.var.deps;
    const filter = filled(c.req.query()) as MeasureFilter & { show?: string };
    const data = await getMap(db, filter);
    return c.html(mapPage(c.var.page, filter, data, data.matrix.elements));
  });

  app.get('/registry/pair', async (c) => {
    const { db } = c.var.deps;
    const chosen = filled(c.req.query());
    const terms = await getTerms(db);
    if (!chosen.a && !chosen.b) return c.html(pairPage(c.var.page, chosen, undefined, terms));
    const pair = await getCountryPair(db, chosen);
    return c.html(pairPage(c.var.page, chosen, pair, terms));
  });

  app.get('/registry/timeline', async (c) => {
    const { db } = c.var.deps;
    const filter = filled(c.req.query()) as MeasureFilter;
    const [timeline, terms] = await Promise.all([getTimeline(db, filter), getTerms(db)]);
    return c.html(timelinePage(c.var.page, filter, timeline, terms));
  });

  app.get('/registry/terms', async (c) =>
    c.html(termsPage(c.var.page, await getTerms(c.var.deps.db))),
  );

  app.get('/registry/measures/:id', async (c) => {
    const { db } = c.var.deps;
    const at = parseAt(c.req.query('at'));
    const found = await getMeasure(db, c.req.param('id'), at);
    const history = await judgeVoices(db, found.history);
    return c.html(
      measurePage(
        c.var.page,
        { measure: history.at(-1)!, history },
        await lookups(db, history),
        at,
        await listMeasureFiles(db, history.at(-1)!.id),
      ),
    );
  });

  // A legal text attached to an answer: a download, never shown inline (an HTML file included).
  app.get('/registry/answer-files/:id', async (c) => {
    const file = await getAnswerFile(c.var.deps.db, c.var.viewer, c.req.param('id'));
    const ascii = file.filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
    return c.body(new Uint8Array(file.content), 200, {
      'content-type': file.mediaType,
      'content-disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
      'x-content-type-options': 'nosniff',
      'content-security-policy': "default-src 'none'; sandbox",
    });
  });

  // A legal text of a submitted answer imported as a document (the round's secretariat): the
  // same service call as POST /api/registry/answer-files/:id/import; the draft's page follows.
  app.post('/registry/answer-files/:id/import', async (c) => {
    await checkForm(c);
    const draftId = await importAnswerFile(c.var.deps.db, c.var.viewer, c.req.param('id'));
    return c.redirect(`/import-drafts/${draftId}`, 303);
  });

  app.get('/registry/countries/:code', async (c) => {
    const { db } = c.var.deps;
    const at = c.req.query('at') || undefined;
    const stored = await getCountryPractice(db, c.req.param('code'), at);
    const all = await judgeVoices(db, [...stored.state, ...stored.reported]);
    const practice = {
      country: stored.country,
      state: all.filter((m) => m.voice === 'state'),
      reported: all.filter((m) => m.voice === 'reported'),
    };
    return c.html(countryPracticePage(c.var.page, practice, await lookups(db, all), parseAt(at)));
  });

  app.get('/registry/rounds/:id/answers.csv', async (c) => {
    const csv = await roundAnswersCsv(
      c.var.deps.db,
      c.var.viewer,
      c.req.param('id'),
      clockOf(c.var.deps),
    );
    return c.body(csv, 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': 'attachment; filename="plenum-round-answers.csv"',
    });
  });

  app.get('/registry/rounds/:id/open-data.zip', async (c) => {
    const { bytes, filename } = await roundOpenData(
      c.var.deps.db,
      c.var.viewer,
      c.req.param('id'),
      clockOf(c.var.deps),
    );
    return c.body(bytes, 200, {
      'content-type': 'application/zip',
      'content-disposition': `attachment; filename="${filename}"`,
    });
  });

  app.get('/registry/rounds/:id', async (c) => {
    const { db } = c.var.deps;
    const viewer = c.var.viewer;
    const now = clockOf(c.var.deps);
    await listFictionalStates(db);
    const round = await getRound(db, c.req.param('id'), now);
    const status = holds(viewer, 'secretariat', round.processId)
      ? await getRoundStatus(db, viewer, round.id, now)
      : undefined;
    const grants = viewer?.grants.filter((g) => g.role === 'representative') ?? [];
    const organisations = await findOrganisationsByIds(
      db,
      grants.map((g) => g.scopeId),
    );
    const answersFor = [...organisations.values()].filter(
      (o) =>
        o.stakeholderGroup === 'government' &&
        o.verified &&
        o.country !== null &&
        round.invited.includes(o.country),
    );
    // The answer form for each government the viewer may answer for (a representative not yet
    // verified by the secretariat gets none: the service refuses it, as it would refuse the post).
    const answering = [];
    for (const organisation of answersFor) {
      try {
        answering.push({
          organisation,
          own: await getOwnAnswer(db, viewer, round.id, organisation.id, now),
        });
      } catch (error) {
        if (!(isPlenumError(error) && error.code === 'FORBIDDEN')) throw error;
      }
    }
    const reminded = c.req.query('reminded');
    return c.html(
      roundPage(c.var.page, round, {
        status,
        published: await listPublishedAnswers(db, round.id, now),
        answersFor,
        answering,
        terms: answering.length ? await getTerms(db) : [],
        formAnyway: c.req.header(refusedFormHeader) !== undefined,
        reminded: reminded ? reminded.split(',').filter((x) => /^[A-Z]{3}$/.test(x)) : undefined,
      }),
    );
  });

  app.post('/registry/rounds/:id/reminders', async (c) => {
    await checkForm(c);
    const id = c.req.param('id');
    const sent = await c.var.deps.db
      .transaction()
      .execute((trx) => remindRound(trx, c.var.viewer, id, clockOf(c.var.deps)));
    return c.redirect(`/registry/rounds/${id}?reminded=${sent.countries.join(',')}`, 303);
  });

  // The answer form: the same service call as POST /api/registry-rounds/:id/answers.
  app.post(answerFormPath, async (c) => {
    const body = await checkForm(c);
    const id = c.req.param('id');
    const answers: Record<string, string> = {};
    for (const [name, value] of Object.entries(body))
      if (name.startsWith('answers.') && typeof value === 'string')
        answers[name.slice('answers.'.length)] = value;
    const declared = measuresFromForm(body);
    const input = {
      organisationId: body.organisationId,
      language: typeof body.language === 'string' ? body.language.trim() : body.language,
      answers,
      measures: declared.map((d) => d.measure),
      removeFiles: fieldValues(body, 'removeFiles'),
      submit: body.action === 'submit',
    };
    const sent = (Array.isArray(body.files) ? body.files : [body.files]).filter(
      (f): f is File => f instanceof File && (f.size > 0 || f.name !== ''),
    );
    const files = await checkedFiles(
      c.var.deps.db,
      c.var.viewer,
      id,
      input.organisationId,
      await Promise.all(
        sent.map(async (f) => ({ name: f.name, bytes: Buffer.from(await f.arrayBuffer()) })),
      ),
      clockOf(c.var.deps),
    );
    try {
      await c.var.deps.db
        .transaction()
        .execute((trx) => saveAnswer(trx, c.var.viewer, id, input, clockOf(c.var.deps), files));
    } catch (error) {
      // A measure's problem is named after its fields on the page (blank or removed ones skipped).
      if (isPlenumError(error) && error.code === 'INVALID_REQUEST')
        throw renameFields(error, (field) =>
          field.replace(/^measures\.(\d+)/, (whole, i: string) =>
            declared[Number(i)] ? `measures.${declared[Number(i)]!.index}` : whole,
          ),
        );
      throw error;
    }
    return c.redirect(`/registry/rounds/${id}`, 303);
  });

  app.post('/registry/rounds/:id/more-time', async (c) => {
    const body = await checkForm(c);
    const id = c.req.param('id');
    await c.var.deps.db
      .transaction()
      .execute((trx) => requestMoreTime(trx, c.var.viewer, id, body, clockOf(c.var.deps)));
    return c.redirect(`/registry/rounds/${id}`, 303);
  });

  app.post('/registry/rounds/:id/extensions/:country', async (c) => {
    const body = await checkForm(c);
    const id = c.req.param('id');
    await c.var.deps.db
      .transaction()
      .execute((trx) =>
        grantMoreTime(trx, c.var.viewer, id, c.req.param('country'), body, clockOf(c.var.deps)),
      );
    return c.redirect(`/registry/rounds/${id}`, 303);
  });

  api.get({
    path: '/api/registry/terms',
    summary: 'The elements of the public core and the kinds of measure, in the six UN languages',
    tag: 'registry',
    response: z.object({ terms: z.array(termJson) }),
    errors: [],
    handler: async (c) => ({ terms: (await getTerms(c.var.deps.db)).map(termToJson) }),
  });

  api.post({
    path: '/api/registry/terms/:slug',
    scope: 'admin',
    summary: 'Edit an element or a kind of measure, or add one (administrators)',
    tag: 'registry',
    auth: true,
    params: z.object({ slug: z.string().max(80) }),
    body: termInputSchema,
    response: termJson,
    errors: ['SIGN_IN_REQUIRED', 'FORBIDDEN'],
    handler: async (c, { params, body }) =>
      termToJson(
        await c.var.deps.db
          .transaction()
          .execute((trx) => saveTerm(trx, c.var.viewer, params.slug, body, clockOf(c.var.deps))),
      ),
  });

  api.get({
    path: '/api/registry/measures',
    summary:
      'The measures that match the filters, each as it stood at `at` (now when absent), by country then id, a page at a time',
    tag: 'registry',
    query: measureFilterSchema.extend(pageQuery.shape),
    response: z.object({ measures: z.array(measureJson), nextCursor: nextCursorSchema }),
    errors: [],
    handler: async (c, { query }) => {
      const { cursor, limit, ...filter } = query;
      const page = await judgedMeasuresPage(c.var.deps.db, filter, {
        after: decodeKeyCursor(cursor, textAndIdKey),
        limit,
      });
      return { measures: page.items.map(toJson), nextCursor: nextCursorOf(page) };
    },
  });

  api.post({
    path: '/api/registry/measures',
    scope: 'submit',
    summary:
      "Record a national measure; asState only for a verified representative of the State's verified government",
    tag: 'registry',
    auth: true,
    body: measureInputSchema,
    response: measureJson,
    errors: ['SIGN_IN_REQUIRED', 'FORBIDDEN', 'EMAIL_UNVERIFIED'],
    status: 201,
    handler: async (c, { body }) =>
      toJson(
        await c.var.deps.db
          .transaction()
          .execute((trx) => recordMeasure(trx, c.var.viewer, body, clockOf(c.var.deps))),
      ),
  });

  api.get({
    path: '/api/registry/measures/:id',
    summary: 'A measure as it stood at `at` (now when absent), with every version up to then',
    tag: 'registry',
    params: idParams,
    query: atQuery,
    response: z.object({ measure: measureJson, history: z.array(measureJson) }),
    errors: ['MEASURE_NOT_FOUND'],
    handler: async (c, { params, query }) => {
      const found = await getMeasure(c.var.deps.db, params.id, parseAt(query.at));
      const history = await judgeVoices(c.var.deps.db, found.history);
      return { measure: toJson(history.at(-1)!), history: history.map(toJson) };
    },
  });

  api.post({
    path: '/api/registry/measures/:id/versions',
    scope: 'submit',
    summary: 'Revise a measure: a new version, the earlier ones kept and readable',
    tag: 'registry',
    auth: true,
    params: idParams,
    body: measureInputSchema.extend({
      expectedVersion: z
        .number()
        .int()
        .optional()
        .describe('The latest version the client read: refused with MEASURE_CONFLICT if it moved'),
    }),
    response: measureJson,
    errors: [
      'SIGN_IN_REQUIRED',
      'FORBIDDEN',
      'EMAIL_UNVERIFIED',
      'MEASURE_NOT_FOUND',
      'MEASURE_CONFLICT',
    ],
    status: 201,
    handler: async (c, { params, body }) =>
      toJson(
        await c.var.deps.db
          .transaction()
          .execute((trx) => reviseMeasure(trx, c.var.viewer, params.id, body, clockOf(c.var.deps))),
      ),
  });

  api.get({
    path: '/api/registry/countries/:code',
    summary:
      "A State's practice at `at` (now when absent): its own word and what others report, apart",
    tag: 'registry',
    params: z.object({ code: z.string().regex(/^[A-Za-z]{3}$/) }),
    query: atQuery,
    response: z.object({
      country: z.string(),
      state: z.array(measureJson),
      reported: z.array(measureJson),
    }),
    errors: ['COUNTRY_NOT_FOUND'],
    handler: async (c, { params, query }) => {
      const p = await getCountryPractice(c.var.deps.db, params.code, query.at);
      return { country: p.country, state: p.state.map(toJson), reported: p.reported.map(toJson) };
    },
  });

  api.get({
    path: '/api/registry/matrix',
    summary:
      'The matrix of States × elements (measures per cell, by status) and the fragmentation indicator with its inputs',
    tag: 'registry',
    query: measureFilterSchema,
    response: z.object({
      at: z.string().nullable(),
      elements: z.array(z.string()),
      rows: z.array(
        z.object({
          country: z.string(),
          cells: z.record(
            z.string(),
            z.object({
              total: z.number().int().describe('Measures on the element (each counted once)'),
              byStatus: z.record(z.string(), z.number().int()),
              reported: z
                .number()
                .int()
                .describe('Of the total, how many are reported by others, not stated by the State'),
            }),
          ),
        }),
      ),
      fragmentation: z.array(
        z.object({
          element: z.string(),
          region: z.string(),
          states: z.number().int().describe('Member States of the regional group'),
          withMeasures: z.array(z.string()),
          fragmenting: z
            .array(z.string())
            .describe(
              'States with a measure on the element, adopted, in force or amended, of a kind marked fragmenting',
            ),
          share: z.number().describe('fragmenting.length / states'),
        }),
      ),
    }),
    errors: [],
    handler: async (c, { query }) => {
      const m = await getMatrix(c.var.deps.db, query);
      return {
        at: m.at ?? null,
        elements: m.elements.map((e) => e.slug),
        rows: m.rows.map((r) => ({
          country: r.country,
          cells: Object.fromEntries(
            Object.entries(r.cells).map(([e, cell]) => [
              e,
              {
                total: cell.total,
                byStatus: cell.byStatus as Record<string, number>,
                reported: cell.reported,
              },
            ]),
          ),
        })),
        fragmentation: m.fragmentation,
      };
    },
  });

  api.get({
    path: '/api/registry/map',
    summary:
      "The world map's data: each member State's category on an element (or its regional group's indicator) and the indicator's inputs, as /registry/map draws them",
    tag: 'registry',
    query: mapSchema,
    response: z.object({
      at: z.string().nullable(),
      element: z.string(),
      show: z.enum(mapShows),
      states: z
        .array(
          z.object({
            country: z.string().describe('ISO 3166-1 alpha-3'),
            region: z.string().nullable().describe('Its regional group'),
            category: z
              .enum(['fragmenting', 'measures', 'none'])
              .describe(
                'fragmenting: a binding measure of a fragmenting kind on the element (an input of the indicator); measures: a measure on it, none of those; none',
              ),
            share: z
              .number()
              .describe(
                "Its regional group's indicator on the element: what show=indicator colours by",
              ),
          }),
        )
        .describe('Every UN member State, by alpha-3 code'),
      indicator: z
        .array(
          z.object({
            region: z.string(),
            states: z.number().int(),
            withMeasures: z.array(z.string()),
            fragmenting: z.array(z.string()),
            share: z.number().describe('fragmenting.length / states'),
          }),
        )
        .describe('The fragmentation indicator of the element per regional group, with its inputs'),
      fictional: z
        .array(
          z.object({
            country: z.string().describe('A user-assigned code, XAA–XZZ'),
            category: z.enum(['fragmenting', 'measures', 'none']),
          }),
        )
        .describe(
          'States marked fictional (the demo’s): not on the map, not in the indicator, each with its category on the element',
        ),
    }),
    errors: [],
    handler: async (c, { query }) => {
      const data = await getMap(c.var.deps.db, query);
      const figures = data.matrix.fragmentation.filter((f) => f.element === data.element.slug);
      const shareOf = new Map(figures.map((f) => [f.region, f.share]));
      return {
        at: data.matrix.at ?? null,
        element: data.element.slug,
        show: data.show,
        states: countries
          .filter((c) => !c.observer)
          .map((c) => ({
            country: c.iso3,
            region: c.group ?? null,
            category: data.categories.get(c.iso3) ?? 'none',
            share: c.group ? (shareOf.get(c.group) ?? 0) : 0,
          })),
        indicator: figures.map(({ region, states, withMeasures, fragmenting, share }) => ({
          region,
          states,
          withMeasures,
          fragmenting,
          share,
        })),
        fictional: data.fictional.map((f) => ({ country: f.iso3, category: f.category })),
      };
    },
  });

  api.get({
    path: '/api/registry/pair',
    summary:
      "Two States' practice side by side at `at` (now when absent), element by element: each one's measures, the kinds only one has, and the conflicts by the rules /registry/pair states",
    tag: 'registry',
    query: pairSchema,
    response: z.object({
      a: z.string(),
      b: z.string(),
      at: z.string().nullable(),
      elements: z.array(
        z.object({
          element: z.string(),
          a: z.array(measureJson).describe("State a's measures on the element (repealed left out)"),
          b: z.array(measureJson),
          onlyA: z.array(z.string()).describe('Kinds of measure only a has on the element'),
          onlyB: z.array(z.string()),
          conflicts: z.array(
            z.object({
              rule: z
                .enum(conflictRules)
                .describe(
                  'localisation-reach, localisation-both or national-root (see the pair page)',
                ),
              a: z.array(z.string()).describe("Ids of a's measures the rule rests on"),
              b: z.array(z.string()),
            }),
          ),
        }),
      ),
    }),
    errors: [],
    handler: async (c, { query }) => {
      const pair = await getCountryPair(c.var.deps.db, query);
      return {
        a: pair.a,
        b: pair.b,
        at: pair.at ?? null,
        elements: pair.elements.map((e) => ({
          element: e.element,
          a: e.a.map(toJson),
          b: e.b.map(toJson),
          onlyA: e.onlyA,
          onlyB: e.onlyB,
          conflicts: e.conflicts.map((k) => ({
            rule: k.rule,
            a: k.a.map((m) => m.id),
            b: k.b.map((m) => m.id),
          })),
        })),
      };
    },
  });

  api.get({
    path: '/api/registry/timeline',
    summary:
      'Standing measures (at `at`, now when absent) that entered into force, per year and element, as /registry/timeline shows them',
    tag: 'registry',
    query: measureFilterSchema,
    response: z.object({
      at: z.string().nullable(),
      elements: z.array(z.string()),
      years: z.array(
        z.object({
          year: z.string().describe('YYYY'),
          counts: z.record(z.string(), z.number().int()).describe('Measures per element'),
          total: z
            .number()
            .int()
            .describe('The counts summed: a measure on two elements counts twice'),
        }),
      ),
    }),
    errors: [],
    handler: async (c, { query }) => {
      const t = await getTimeline(c.var.deps.db, query);
      return { at: t.at ?? null, elements: t.elements.map((e) => e.slug), years: t.years };
    },
  });

  api.post({
    path: '/api/processes/:process/registry-rounds',
    scope: 'secretariat',
    summary: 'Open a questionnaire round on the registry (the process’s secretariat)',
    tag: 'registry',
    auth: true,
    params: z.object({ process: z.string().max(80) }),
    body: newRoundSchema.meta({ id: 'NewQuestionnaireRound' }),
    response: roundJson,
    errors: ['SIGN_IN_REQUIRED', 'FORBIDDEN', 'PROCESS_NOT_FOUND'],
    status: 201,
    handler: async (c, { params, body }) =>
      roundToJson(
        await c.var.deps.db
          .transaction()
          .execute((trx) =>
            openRound(trx, c.var.viewer, params.process, body, clockOf(c.var.deps)),
          ),
      ),
  });

  api.get({
    path: '/api/registry-rounds/:id',
    summary: 'A questionnaire round: its questions, the administrations invited, its state',
    tag: 'registry',
    params: idParams,
    response: roundJson,
    errors: ['ROUND_NOT_FOUND'],
    handler: async (c, { params }) =>
      roundToJson(await getRound(c.var.deps.db, params.id, clockOf(c.var.deps))),
  });

  api.post({
    path: '/api/registry-rounds/:id/answers',
    scope: 'submit',
    summary:
      "Save (submit: false) or submit an administration's answer (a verified representative of an invited government)",
    tag: 'registry',
    auth: true,
    params: idParams,
    body: answerSchema.meta({ id: 'QuestionnaireAnswerInput' }),
    response: answerJson,
    errors: [
      'SIGN_IN_REQUIRED',
      'FORBIDDEN',
      'EMAIL_UNVERIFIED',
      'ROUND_NOT_FOUND',
      'ROUND_NOT_OPEN_YET',
      'ROUND_CLOSED',
      'ANSWER_SUBMITTED',
      'ATTACHMENT_TOO_LARGE',
      'LEGAL_TEXT_TYPE',
      'ATTACHMENT_UNSAFE',
    ],
    status: 201,
    handler: async (c, { params, body }) => {
      const files = await checkedFiles(
        c.var.deps.db,
        c.var.viewer,
        params.id,
        body.organisationId,
        body.files.map((f) => ({ name: f.name, bytes: Buffer.from(f.content, 'base64') })),
        clockOf(c.var.deps),
      );
      const input = { ...body, files: [] };
      return answerToJson(
        await c.var.deps.db
          .transaction()
          .execute((trx) =>
            saveAnswer(trx, c.var.viewer, params.id, input, clockOf(c.var.deps), files),
          ),
      );
    },
  });

  api.get({
    path: '/api/registry-rounds/:id/status',
    summary: 'Who answered a round, who saved only a draft, who did not answer (the secretariat)',
    tag: 'registry',
    auth: true,
    params: idParams,
    response: z.object({
      round: roundJson,
      submitted: z.array(z.string()),
      drafts: z.array(z.string()),
      missing: z.array(z.string()),
      moreTime: z.array(
        z.object({
          country: z.string(),
          reason: z.string(),
          requestedAt: z.string(),
          grantedClosesAt: z.string().nullable(),
        }),
      ),
      lastReminded: z.record(z.string(), z.string()),
      receipts: z.record(z.string(), z.object({ receipt: z.string(), at: z.string() })),
    }),
    errors: ['SIGN_IN_REQUIRED', 'FORBIDDEN', 'ROUND_NOT_FOUND'],
    handler: async (c, { params }) => {
      const s = await getRoundStatus(c.var.deps.db, c.var.viewer, params.id, clockOf(c.var.deps));
      return { ...s, round: roundToJson(s.round) };
    },
  });

  api.post({
    path: '/api/registry-rounds/:id/more-time',
    summary:
      "Ask for more time (a verified representative of an invited State's verified government)",
    tag: 'registry',
    auth: true,
    scope: 'submit',
    params: idParams,
    body: moreTimeSchema.meta({ id: 'MoreTimeRequest' }),
    response: z.object({
      country: z.string(),
      reason: z.string(),
      requestedAt: z.string(),
      grantedClosesAt: z.string().nullable(),
    }),
    errors: [
      'SIGN_IN_REQUIRED',
      'FORBIDDEN',
      'EMAIL_UNVERIFIED',
      'ROUND_NOT_FOUND',
      'ROUND_CLOSED',
      'ANSWER_SUBMITTED',
    ],
    status: 201,
    handler: async (c, { params, body }) =>
      c.var.deps.db
        .transaction()
        .execute((trx) => requestMoreTime(trx, c.var.viewer, params.id, body, clockOf(c.var.deps))),
  });

  api.post({
    path: '/api/registry-rounds/:id/extensions/:country',
    summary:
      "Give an administration that asked for more time a new closing, in the round's time zone (the secretariat)",
    tag: 'registry',
    auth: true,
    scope: 'secretariat',
    params: z.object({ id: z.string().max(80), country: z.string().regex(/^[A-Za-z]{3}$/) }),
    body: grantSchema.meta({ id: 'MoreTimeGrant' }),
    response: z.object({ country: z.string(), closesAt: z.string() }),
    errors: ['SIGN_IN_REQUIRED', 'FORBIDDEN', 'ROUND_NOT_FOUND'],
    handler: async (c, { params, body }) =>
      c.var.deps.db
        .transaction()
        .execute((trx) =>
          grantMoreTime(trx, c.var.viewer, params.id, params.country, body, clockOf(c.var.deps)),
        ),
  });

  api.post({
    path: '/api/registry-rounds/:id/reminders',
    summary:
      'E-mail a reminder to the invited administrations that have not submitted and can still answer (the secretariat)',
    tag: 'registry',
    auth: true,
    scope: 'secretariat',
    params: idParams,
    body: z.object({}).meta({ id: 'RoundReminders' }),
    response: z.object({ countries: z.array(z.string()) }),
    errors: ['SIGN_IN_REQUIRED', 'FORBIDDEN', 'ROUND_NOT_FOUND'],
    handler: async (c, { params }) =>
      c.var.deps.db
        .transaction()
        .execute((trx) => remindRound(trx, c.var.viewer, params.id, clockOf(c.var.deps))),
  });

  api.post({
    path: '/api/registry/answer-files/:id/import',
    summary:
      "Import a legal text attached to a submitted answer as a document of the round's process (the secretariat): an import draft to correct and publish through the import-draft operations, after which measures cite its paragraphs",
    tag: 'registry',
    auth: true,
    scope: 'secretariat',
    status: 201,
    params: idParams,
    body: z.object({}).meta({ id: 'AnswerFileImport' }),
    response: z.object({
      draftId: z.string().describe('The import draft made from the file'),
      href: z.string().describe('The draft in the API'),
    }),
    errors: ['SIGN_IN_REQUIRED', 'FORBIDDEN', 'ATTACHMENT_NOT_FOUND', 'IMPORT_BINARY'],
    handler: async (c, { params }) => {
      const draftId = await importAnswerFile(c.var.deps.db, c.var.viewer, params.id);
      const href = `/api/import-drafts/${draftId}`;
      c.header('location', href);
      return { draftId, href };
    },
  });

  api.post({
    path: '/api/registry-rounds/:id/publish',
    scope: 'secretariat',
    summary: 'Publish a closed round: the measures of submitted answers become registry entries',
    tag: 'registry',
    auth: true,
    params: idParams,
    body: z.object({}).meta({ id: 'PublishRound' }),
    response: z.object({ round: roundJson, measures: z.array(measureJson) }),
    errors: ['SIGN_IN_REQUIRED', 'FORBIDDEN', 'ROUND_NOT_FOUND'],
    handler: async (c, { params }) => {
      const r = await c.var.deps.db
        .transaction()
        .execute((trx) => publishRound(trx, c.var.viewer, params.id, clockOf(c.var.deps)));
      return { round: roundToJson(r.round), measures: r.measures.map(toJson) };
    },
  });
}
