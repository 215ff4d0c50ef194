/**
 * Test fixtures made by the project: beside a built consultation, a document whose only version
 * is in preparation, a comment period on it with a published submission, a published submission
 * on the public period, and the secretariat of another process.
 */
import { grantRole, signUp } from '../accounts/accounts.service.ts';
import { operatorViewer, type Viewer } from '../accounts/accounts.schema.ts';
import type { Db, Engine } from '../db/database.ts';
import { importFile } from '../imports/imports.service.ts';
import { createProcess } from '../processes/processes.service.ts';
import { drain } from '../followers.ts';
import { moderateSubmission, submitComment } from '../submissions/submissions.service.ts';
import {
  builtPassword,
  draftText,
  paragraphBlock,
  type BuiltConsultation,
} from './consultation.builder.ts';
import { openCommentPeriod } from './consultations.service.ts';

/** Words of the hidden document that no answer to an outsider may hold. */
export const secret = {
  symbol: 'TWG/SECRET/7',
  title: 'Sealed negotiating text on quarantined routing',
  word: 'Xylophonic',
  periodTitle: 'Sealed round on the quarantined text',
};

/** Everything the builder made. */
export interface BuiltHiddenDocument {
  ids: { document: string; version: string; languageVersion: string; block: string };
  periodId: string;
  /** A published submission on the hidden version. */
  submissionId: string;
  /** A published submission on the built (public) period. */
  publicSubmissionId: string;
  /** The secretariat of another process (password: builtPassword). */
  elsewhere: { id: string; email: string };
}

/** Builds the hidden document and its period beside a built consultation, at `now`. */
export async function buildHiddenDocument(
  db: Db,
  engine: Engine,
  built: BuiltConsultation,
  now: Date,
): Promise<BuiltHiddenDocument> {
  const other = await createProcess(db, {
    slug: 'other',
    name: 'Another Working Group',
    shortName: 'AWG',
    parentBody: 'Test Assembly',
    mandate: 'Elsewhere.',
    aliases: [],
  });
  const elsewhere = await db
    .transaction()
    .execute((trx: Db) =>
      signUp(trx, { email: 'elsewhere@example.org', name: 'elsewhere', password: builtPassword }),
    );
  await grantRole(
    db,
    { email: elsewhere.email, role: 'secretariat', scopeId: other.id },
    built.accounts.admin.id,
  );
  const paragraphs = [
    `${secret.word} measures protect the public core of the Internet from quarantined routing.`,
    'States consider the general availability of the Internet in the sealed text.',
  ];
  const hidden = await importFile(
    db,
    new TextEncoder().encode(draftText(paragraphs, secret.title)),
    {
      process: built.process.slug,
      symbol: secret.symbol,
      title: secret.title,
      version: 'Internal draft',
      language: 'en',
      format: 'text',
      private: true,
    },
  );
  const period = await openCommentPeriod(
    db,
    operatorViewer,
    built.process.id,
    {
      versionId: hidden.ids.version,
      title: secret.periodTitle,
      opensAt: '2026-01-01T00:00',
      closesAt: '2030-12-31T23:59',
      timeZone: 'UTC',
      moderation: 'immediate',
    },
    now,
  );
  // An administrator represents every organisation, so may comment where outsiders cannot.
  const admin: Viewer = {
    ...built.accounts.admin,
    name: 'admin',
    isAdmin: true,
    grants: [],
    via: 'session',
  };
  const comment = async (periodId: string, body: string, key: string) =>
    (
      await submitComment(
        db,
        admin,
        periodId,
        { organisationId: built.organisations.civil.id, body, idempotencyKey: key, cosigners: [] },
        [],
        now,
      )
    ).submissionId;
  const submissionId = await comment(
    period.id,
    `On the ${secret.word} measures of the public core.`,
    'hidden-document-fixture-1',
  );
  const publicSubmissionId = await comment(
    built.period.id,
    'On the public core of the Internet.',
    'hidden-document-fixture-2',
  );
  await moderateSubmission(db, operatorViewer, publicSubmissionId, { action: 'publish' }, now);
  // Search, concepts and watches have read every event before the tests look.
  await drain(db, engine);
  return {
    ids: {
      document: hidden.ids.document,
      version: hidden.ids.version,
      languageVersion: hidden.ids.languageVersion,
      block: await paragraphBlock(db, hidden.ids.version, 'para 1'),
    },
    periodId: period.id,
    submissionId,
    publicSubmissionId,
    elsewhere: { id: elsewhere.id, email: elsewhere.email },
  };
}
