/**
 * A round's open data: one ZIP with the answers (CSV and JSON), the measures the answers declare
 * (CSV and JSON), a README and a Frictionless data package descriptor (datapackage.json) that
 * names every file and the columns of the CSV files. Anyone's once the round is published
 * (submitted answers only); before, the secretariat's (drafts too, marked by their status).
 */
import { csvRecords } from '../exchange/csv-records.ts';
import { requireRole, type Viewer } from '../accounts/accounts.schema.ts';
import type { Db } from '../db/database.ts';
import { zipFiles } from '../exchange/zip-stream.ts';
import { findCountry } from '../organisations/countries.ts';
import { registryLanguages } from './registry.data.ts';
import { measureStatuses } from './registry.schema.ts';
import { getRound, roundAnswersCsv, type Round } from './rounds.service.ts';
import { listAnswerFiles, listAnswers } from './rounds.store.ts';
import { defuseFormula } from '../exchange/spreadsheet-cells.ts';

const fileColumns = [
  'country',
  'answer_status',
  'file_id',
  'filename',
  'media_type',
  'size_bytes',
  'sha256',
  'attached_at',
  'download_path',
];

const measureColumns = [
  'country',
  'm49',
  'organisation_id',
  'answer_status',
  'measure_number',
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
  'note',
];

/** A declared measure as the answer keeps it (checked when saved, as MeasureInput). */
interface Declared {
  title?: string;
  titleLanguage?: string;
  titleTranslations?: Record<string, string>;
  instrument?: string;
  status?: string;
  statusDates?: Record<string, string>;
  elements?: string[];
  kinds?: string[];
  reach?: string;
  source?: { documentId?: string; paragraphs?: string[] };
  note?: string;
}

function describeFields(names: string[], types: Record<string, string> = {}) {
  return names.map((name) => ({ name, type: types[name] ?? 'string' }));
}

/** The ZIP of a round's open data, as bytes, and the name to save it under. */
export async function roundOpenData(
  db: Db,
  viewer: Viewer | null,
  roundId: string,
  now: Date,
): Promise<{ bytes: Uint8Array<ArrayBuffer>; filename: string }> {
  const round = await getRound(db, roundId, now);
  if (round.state !== 'published')
    requireRole(
      viewer,
      'secretariat',
      round.processId,
      'The open data is public once the round is published.',
    );
  const answers = (await listAnswers(db, round.id)).filter(
    (a) => round.state !== 'published' || a.status === 'submitted',
  );
  // The CSV as the round page gives it, without the byte-order mark (the package says UTF-8).
  const answersCsv = (await roundAnswersCsv(db, viewer, round.id, now)).replace(/^\uFEFF/, '');
  const answersJson = answers.map((a) => ({
    country: a.country,
    m49: findCountry(a.country)?.m49 ?? null,
    organisationId: a.organisation_id,
    language: a.language,
    languageNotInQuestionnaire: a.language_marked === 1,
    status: a.status,
    submittedAt: a.submitted_at,
    receiptSha256: a.receipt,
    answers: JSON.parse(a.answers) as Record<string, string>,
    measures: JSON.parse(a.measures) as unknown[],
  }));
  const measures = answersJson.flatMap((a) =>
    (a.measures as Declared[]).map((m, i) => ({
      country: a.country,
      m49: a.m49,
      organisationId: a.organisationId,
      answerStatus: a.status,
      number: i + 1,
      ...m,
    })),
  );
  const measureRows = measures.map((m) =>
    [
      m.country,
      m.m49 ?? '',
      m.organisationId,
      m.answerStatus,
      String(m.number),
      m.title ?? '',
      m.titleLanguage ?? '',
      ...registryLanguages.map((l) => m.titleTranslations?.[l] ?? ''),
      m.instrument ?? '',
      m.status ?? '',
      ...measureStatuses.map((s) => m.statusDates?.[s] ?? ''),
      (m.elements ?? []).join('; '),
      (m.kinds ?? []).join('; '),
      m.reach ?? 'none',
      m.source?.documentId ?? '',
      (m.source?.paragraphs ?? []).join('; '),
      m.note ?? '',
    ].map(defuseFormula),
  );
  const measuresCsv = csvRecords([measureColumns, ...measureRows]);
  // The legal texts are listed (name, type, size, SHA-256, where to download), not copied in.
  const answerOf = new Map(answers.map((a) => [a.id, a]));
  const files = (
    await listAnswerFiles(
      db,
      answers.map((a) => a.id),
    )
  ).map((f) => ({
    country: answerOf.get(f.answer_id)!.country,
    answerStatus: answerOf.get(f.answer_id)!.status,
    id: f.id,
    filename: f.filename,
    mediaType: f.media_type,
    size: f.size,
    sha256: f.sha256,
    attachedAt: f.attached_at,
    downloadPath: `/registry/answer-files/${f.id}`,
  }));
  const filesCsv = csvRecords([
    fileColumns,
    ...files.map((f) =>
      [
        f.country,
        f.answerStatus,
        f.id,
        f.filename,
        f.mediaType,
        String(f.size),
        f.sha256,
        f.attachedAt,
        f.downloadPath,
      ].map(defuseFormula),
    ),
  ]);
  const answerColumns = answersCsv.slice(0, answersCsv.indexOf('\r\n')).split(',');

  const entries: { name: string; content: string }[] = [];
  const add = (name: string, content: string) => entries.push({ name, content });
  add('README.md', readme(round, answers.length, measures.length, files.length, now));
  add(
    'datapackage.json',
    `${JSON.stringify(
      {
        $schema: 'https://datapackage.org/profiles/2.0/datapackage.json',
        name: `plenum-round-${round.id}`,
        title: round.title,
        description:
          round.state === 'published'
            ? 'The submitted answers of a questionnaire round on national regulatory practice, and the measures they declare.'
            : 'A questionnaire round not yet published, as its secretariat sees it: drafts are included and marked by their status.',
        created: now.toISOString(),
        resources: [
          {
            name: 'answers',
            path: 'answers.csv',
            format: 'csv',
            mediatype: 'text/csv',
            encoding: 'utf-8',
            description:
              'One row per answer: the State (ISO 3166-1 alpha-3, UN M49), its language, status, receipt and a column per question; measures_json holds the declared measures.',
            schema: {
              fields: describeFields(answerColumns, { submitted_at: 'datetime' }),
              primaryKey: ['country'],
            },
          },
          {
            name: 'answers-json',
            path: 'answers.json',
            format: 'json',
            mediatype: 'application/json',
            encoding: 'utf-8',
            description: 'The round (its questions in each language) and the same answers as JSON.',
          },
          {
            name: 'measures',
            path: 'measures.csv',
            format: 'csv',
            mediatype: 'text/csv',
            encoding: 'utf-8',
            description:
              'One row per measure declared in an answer, numbered within the answer; several values in a cell are separated by "; ".',
            schema: {
              fields: describeFields(measureColumns, {
                measure_number: 'integer',
                ...Object.fromEntries(measureStatuses.map((s) => [`date_${s}`, 'date'])),
              }),
              primaryKey: ['country', 'measure_number'],
            },
          },
          {
            name: 'measures-json',
            path: 'measures.json',
            format: 'json',
            mediatype: 'application/json',
            encoding: 'utf-8',
            description: 'The same measures as JSON, with the State that declared them.',
          },
          {
            name: 'files',
            path: 'files.csv',
            format: 'csv',
            mediatype: 'text/csv',
            encoding: 'utf-8',
            description:
              'One row per legal text attached to an answer: its name, media type, size, SHA-256 and the path it is downloaded from on the site.',
            schema: {
              fields: describeFields(fileColumns, {
                size_bytes: 'integer',
                attached_at: 'datetime',
              }),
              primaryKey: ['file_id'],
            },
          },
        ],
      },
      null,
      2,
    )}\n`,
  );
  add('answers.csv', answersCsv);
  add(
    'answers.json',
    `${JSON.stringify({ round: roundJson(round), answers: answersJson }, null, 2)}\n`,
  );
  add('measures.csv', measuresCsv);
  add('measures.json', `${JSON.stringify(measures, null, 2)}\n`);
  add('files.csv', filesCsv);
  // Written by the same ZIP writer as the consultation's data package; a fixed date for every
  // entry, so the same round gives the same bytes.
  const bytes = await zipFiles(entries, new Date(round.publishedAt ?? now.toISOString()));
  return { bytes, filename: `plenum-round-${round.id}.zip` };
}

function roundJson(round: Round) {
  return {
    id: round.id,
    title: round.title,
    questions: round.questions,
    invited: round.invited,
    opensAt: round.opensAt,
    closesAt: round.closesAt,
    timeZone: round.timeZone,
    publishedAt: round.publishedAt,
  };
}

function readme(round: Round, answers: number, measures: number, files: number, now: Date): string {
  return `# ${round.title}

Open data of a questionnaire round on national regulatory practice, from plenum.

- Round: ${round.id}
- Opened ${round.opensAt}, closed ${round.closesAt} (UTC; the round's time zone is ${round.timeZone})
- ${round.publishedAt ? `Published ${round.publishedAt}` : `Not yet published (downloaded by the secretariat on ${now.toISOString()}; drafts included, marked by their status)`}
- Invited: ${round.invited.join(', ')}
- ${answers} answers, ${measures} declared measures, ${files} legal texts attached

## Files

- \`answers.csv\`: one row per answer; the State as ISO 3166-1 alpha-3 and UN M49, the
  organisation that answered, the language of the answer (BCP 47) and whether the questionnaire
  has it, the status, the instant of submission, the receipt (SHA-256 of the answer, as given to
  the administration), one column per question (\`answer_<key>\`) and the declared measures as JSON.
- \`answers.json\`: the round with its questions in each language, and the same answers.
- \`measures.csv\`, \`measures.json\`: one row per measure an answer declares: title in its
  original language and translations, instrument, status and the date of each status, elements
  of the public core and kinds of measure (the registry's slugs), extraterritorial reach, the
  document and paragraphs of the legal text in plenum, a note.
- \`files.csv\`: one row per legal text attached to an answer (PDF, DOCX, ODT, plain text or
  HTML): the State, the file's id and name, media type, size in bytes, SHA-256, when it was
  attached, and the path on the site it is downloaded from (the files are not in this archive).
- \`datapackage.json\`: a Frictionless data package descriptor naming these files and the
  columns of the CSV files.

Answers come from verified representatives of the invited States' verified governments. CSV
files are UTF-8 with CRLF line ends; a cell that would start with = + - or @ starts with a quote.
`;
}
