/** Routes of submissions: the form, the receipt, a submission's page, co-signing, moderation, attachments, the API. */
import { randomUUID } from 'node:crypto';
import type { Context, Hono } from 'hono';
import { z } from 'zod';
import { checkForm } from '../accounts/accounts.middleware.ts';
import {
  canModerate,
  individualChoices,
  periodRefusal,
} from '../consultations/consultations.policy.ts';
import {
  findPeriodById,
  getPeriodAtAddress,
  type PeriodContext,
} from '../consultations/consultations.service.ts';
import {
  getBlocks,
  getLanguageVersion,
  getSectionHeadings,
} from '../documents/documents.service.ts';
import { inWriteTransaction } from '../db/database.ts';
import { isPlenumError, onField, PlenumError } from '../errors.ts';
import { listEventsFor } from '../events/events.store.ts';
import { getOrganisations } from '../organisations/organisations.service.ts';
import type { ApiRegistry } from '../api/api-registry.ts';
import { refusedFormHeader } from '../web/form-refusal.ts';
import type { Markup } from '../web/layout.ts';
import { safeBack } from '../web/links.ts';
import { clientNetwork, clockOf, type AppEnv, type RouteBodyLimit } from '../context.ts';
import { canActFor } from './submissions.policy.ts';
import { attachmentMaxCount, checkAttachment, type CheckedAttachment } from './attachments.ts';
import {
  apiSubmissionHeadersSchema,
  apiSubmissionSchema,
  cosignAnswerSchema,
  moderationSchema,
  type newSubmissionSchema,
  periodPublicationSchema,
  receiptSchema,
  submissionSchema,
} from './submissions.schema.ts';
import {
  answerCosignature,
  countInReview,
  getAttachment,
  getAuthorForStaff,
  getModerationQueue,
  getMyOrganisations,
  getReceipt,
  getSubmission,
  moderateSubmission,
  publishPeriodSubmissions,
} from './submissions.service.ts';
import {
  moderationQueuePage,
  receiptPage,
  receiptText,
  submissionPage,
  submitFormPage,
} from './submissions.views.ts';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The period the page's address names, or PERIOD_NOT_FOUND. */
function periodFromAddress(c: Context<AppEnv>): Promise<PeriodContext> {
  return getPeriodAtAddress(
    c.var.deps.db,
    c.var.viewer,
    c.req.param('id') ?? '',
    clockOf(c.var.deps),
  );
}

function submissionId(c: Context<AppEnv>): string {
  const id = c.req.param('id') ?? '';
  if (!uuid.test(id)) throw new PlenumError('SUBMISSION_NOT_FOUND');
  return id.toLowerCase();
}

function list(value: unknown): unknown[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/**
 * The submission an API request describes, with its idempotency key: the Idempotency-Key header,
 * else the body's, else a new one (a client that sends none gets no protection from retries).
 */
export function apiSubmissionInput(
  body: z.output<typeof apiSubmissionSchema>,
  headers: z.output<typeof apiSubmissionHeadersSchema>,
): z.input<typeof newSubmissionSchema> {
  return {
    ...body,
    idempotencyKey: headers['Idempotency-Key'] ?? body.idempotencyKey ?? randomUUID(),
  };
}

/** The largest form post with attachments (five files of 5 MB and the text). */
export const submissionBodyLimit = 27 * 1024 * 1024;

const submissionFormPath = '/consultations/:id/submissions';

/** The submission form's body limit: attachments make it larger than anything else a client sends. */
export const submissionBodyLimits: RouteBodyLimit[] = [
  {
    method: 'POST',
    path: submissionFormPath,
    maxSize: submissionBodyLimit,
    message: `A submission with its attachments may have ${submissionBodyLimit / 1048576} MB at most.`,
  },
];

/** The submission form of a period: fresh, or again after a refusal with what was typed. */
async function submissionForm(
  c: Context<AppEnv>,
  context: PeriodContext,
  form: {
    preselected: string[];
    quote?: string | undefined;
    idempotencyKey?: string;
    error?: Markup;
    values?: {
      submitAs?: string;
      affiliation?: string;
      organisationId: string;
      title?: string;
      body: string;
      language?: string;
      cosigners: string[];
    };
  },
) {
  const { db } = c.var.deps;
  const languageVersion = await getLanguageVersion(db, context.version.id, undefined, c.var.viewer);
  return submitFormPage(c.var.page, context, {
    blocks: await getBlocks(db, languageVersion.id, c.var.viewer),
    myOrganisations: await getMyOrganisations(db, c.var.viewer),
    allOrganisations: await getOrganisations(db),
    preselected: form.preselected,
    ...(form.quote ? { quote: form.quote.slice(0, 5000) } : {}),
    idempotencyKey: form.idempotencyKey || randomUUID(),
    choices: individualChoices(context.period),
    ...(form.error ? { error: form.error } : {}),
    ...(form.values ? { values: form.values } : {}),
  });
}

/** Mounts the submission pages and registers their API routes. */
export function submissionRoutes(app: Hono<AppEnv>, api: ApiRegistry): void {
  app.get('/consultations/:id/submit', async (c) => {
    const context = await periodFromAddress(c);
    if (!c.var.viewer) throw new PlenumError('SIGN_IN_REQUIRED');
    const refusal = periodRefusal(context.period);
    // Drawn again for a comment refused because the period closed, the form keeps what was typed.
    if (refusal && !c.req.header(refusedFormHeader)) throw new PlenumError(refusal);
    const preselected = list(c.req.queries('block') ?? []).filter(
      (v): v is string => typeof v === 'string',
    );
    return c.html(await submissionForm(c, context, { preselected, quote: c.req.query('quote') }));
  });

  app.post(submissionFormPath, async (c) => {
    const body = await checkForm(c);
    const { db } = c.var.deps;
    const context = await periodFromAddress(c);
    const blockIds = list(body.blockId).filter(
      (v): v is string => typeof v === 'string' && v !== '',
    );
    const quote = text(body.quote)?.trim();
    let anchors: { blockId: string; exact?: string }[] = blockIds.map((blockId) => ({ blockId }));
    if (quote) {
      // The quote belongs to the chosen paragraph that contains it.
      const versionBlocks = await getBlocks(
        db,
        (await getLanguageVersion(db, context.version.id, undefined, c.var.viewer)).id,
        c.var.viewer,
      ).catch(() => []);
      const holder =
        blockIds.find((id) => versionBlocks.find((b) => b.id === id)?.text.includes(quote)) ??
        blockIds[0]!;
      anchors = anchors.map((a) => (a.blockId === holder ? { ...a, exact: quote } : a));
    }
    const input = {
      submitAs: text(body.submitAs) || undefined,
      affiliation: text(body.affiliation),
      organisationId: text(body.organisationId) ?? '',
      title: text(body.title),
      body: text(body.body) ?? '',
      language: text(body.language) || undefined,
      anchors,
      cosigners: list(body.cosigners).filter((v): v is string => typeof v === 'string' && v !== ''),
      idempotencyKey: text(body.idempotencyKey) ?? '',
    };
    // Refused, the form comes back with everything typed, nothing stored (form-refusal.ts).
    await c.var.deps.limits.submission(
      { accountId: c.var.viewer?.id, address: clientNetwork(c) },
      clockOf(c.var.deps),
    );
    const files = list(body.attachments).filter(
      (f): f is File => f instanceof File && (f.size > 0 || f.name !== ''),
    );
    if (files.length > attachmentMaxCount) {
      throw new PlenumError('INVALID_REQUEST', `attachments: at most ${attachmentMaxCount} files.`);
    }
    const attachments: CheckedAttachment[] = [];
    for (const file of files)
      attachments.push(
        await checkAttachment(file.name, Buffer.from(await file.arrayBuffer())).catch(
          (error: unknown) => {
            throw isPlenumError(error) ? onField(error, 'attachments') : error;
          },
        ),
      );
    if (quote && blockIds.length === 0) {
      throw new PlenumError(
        'ANCHOR_INVALID',
        'blockId: Choose the paragraph the quoted words come from.',
      );
    }
    if (quote && blockIds.length > 1) {
      // Quoted words come from one paragraph: with several chosen, which one is a guess.
      throw new PlenumError(
        'ANCHOR_INVALID',
        `quote: quoted words are anchored to one paragraph, and ${blockIds.length} are chosen. Choose only the paragraph the words come from (comment on the others separately, or without quoting).`,
      );
    }
    // Stored with whatever else arrives at this moment, in one durable commit (group commit).
    const receipt = await c.var.deps.submissions!.submit(
      c.var.viewer,
      context.period.id,
      input,
      attachments,
      clockOf(c.var.deps),
    );
    // The transaction has committed: only now is the receipt shown.
    return c.html(receiptPage(c.var.page, receipt, context.period), receipt.replayed ? 200 : 201);
  });

  app.get('/consultations/:id/moderation', async (c) => {
    const context = await periodFromAddress(c);
    const queue = await getModerationQueue(
      c.var.deps.db,
      c.var.viewer,
      context.process.id,
      context.period.id,
    );
    const headings = await getSectionHeadings(
      c.var.deps.db,
      context.version.id,
      c.var.viewer,
      c.var.page.ui.lang,
    );
    // "Publish them all" is offered once the period has closed, with how many it would publish.
    const publishable =
      context.period.state === 'closed' ? await countInReview(c.var.deps.db, context.period.id) : 0;
    const published = /^\d{1,9}$/.test(c.req.query('published') ?? '')
      ? Number(c.req.query('published'))
      : undefined;
    return c.html(
      moderationQueuePage(c.var.page, context, queue, headings, {
        publishable,
        ...(published !== undefined ? { published } : {}),
      }),
    );
  });

  app.post('/consultations/:id/publish', async (c) => {
    await checkForm(c);
    const id = c.req.param('id');
    // A write transaction from its start: each decision is appended to the transparency log.
    const done = await inWriteTransaction(c.var.deps.db, c.var.deps.engine, (trx) =>
      publishPeriodSubmissions(trx, c.var.viewer, id, clockOf(c.var.deps)),
    );
    return c.redirect(
      `/consultations/${id.toLowerCase()}/moderation?published=${done.published}`,
      303,
    );
  });

  app.get('/submissions/:id', async (c) => {
    const { db } = c.var.deps;
    const viewer = c.var.viewer;
    const s = await getSubmission(db, viewer, submissionId(c));
    const period = await findPeriodById(db, s.periodId, clockOf(c.var.deps));
    if (!period) throw new PlenumError('SUBMISSION_NOT_FOUND');
    const staff = canModerate(viewer, s.processId);
    const involved =
      viewer?.id === s.authorId ||
      [s.organisation.id, ...s.cosigners.map((c2) => c2.organisation.id)].some((id) =>
        canActFor(viewer, id),
      );
    const cosignFor =
      s.status === 'awaiting_cosigners'
        ? s.cosigners
            .filter((x) => x.state === 'invited' && canActFor(viewer, x.organisation.id))
            .map((x) => x.organisation)
        : [];
    const history = staff || involved ? await listEventsFor(db, 'submission', s.id) : [];
    const author = await getAuthorForStaff(db, viewer, s);
    return c.html(
      submissionPage(c.var.page, s, {
        period,
        history,
        cosignFor,
        canModerate: staff,
        canSeeStatus: staff || involved,
        ...(author ? { author } : {}),
      }),
    );
  });

  app.get('/submissions/:id/receipt', async (c) => {
    const { db } = c.var.deps;
    const receipt = await getReceipt(db, c.var.viewer, submissionId(c));
    const s = await getSubmission(db, c.var.viewer, receipt.submissionId);
    const period = await findPeriodById(db, s.periodId, clockOf(c.var.deps));
    if (!period) throw new PlenumError('SUBMISSION_NOT_FOUND');
    return c.html(receiptPage(c.var.page, receipt, period));
  });

  app.get('/submissions/:id/receipt.txt', async (c) => {
    const { db } = c.var.deps;
    const receipt = await getReceipt(db, c.var.viewer, submissionId(c));
    const s = await getSubmission(db, c.var.viewer, receipt.submissionId);
    const period = await findPeriodById(db, s.periodId, clockOf(c.var.deps));
    if (!period) throw new PlenumError('SUBMISSION_NOT_FOUND');
    return c.body(receiptText(receipt, period), 200, {
      'content-type': 'text/plain; charset=utf-8',
      'content-disposition': `attachment; filename="plenum-receipt-${receipt.submissionId}.txt"`,
    });
  });

  app.post('/submissions/:id/cosign', async (c) => {
    const body = await checkForm(c);
    const id = submissionId(c);
    const answer = text(body.answer);
    if (answer !== 'confirm' && answer !== 'decline')
      throw new PlenumError('INVALID_REQUEST', 'answer: confirm or decline.');
    // A write transaction from its start: the answer is appended to the transparency log.
    await inWriteTransaction(c.var.deps.db, c.var.deps.engine, (trx) =>
      answerCosignature(
        trx,
        c.var.viewer,
        id,
        text(body.organisationId) ?? '',
        answer === 'confirm',
        clockOf(c.var.deps),
      ),
    );
    return c.redirect(`/submissions/${id}`, 303);
  });

  app.post('/submissions/:id/moderate', async (c) => {
    const body = await checkForm(c);
    const id = submissionId(c);
    const input = {
      action: text(body.action),
      reason: text(body.reason) || undefined,
      note: text(body.note),
    };
    // A write transaction from its start: the decision is appended to the transparency log,
    // whose head another process may be appending to (see transparency.store.ts).
    await inWriteTransaction(c.var.deps.db, c.var.deps.engine, (trx) =>
      moderateSubmission(trx, c.var.viewer, id, input, clockOf(c.var.deps)),
    );
    const back = safeBack(body.back);
    return c.redirect(back !== '/' ? back : `/submissions/${id}`, 303);
  });

  app.get('/attachments/:id', async (c) => {
    const id = c.req.param('id');
    if (!uuid.test(id)) throw new PlenumError('ATTACHMENT_NOT_FOUND');
    const attachment = await getAttachment(c.var.deps.db, c.var.viewer, id.toLowerCase());
    const ascii = attachment.filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
    return c.body(new Uint8Array(attachment.content), 200, {
      'content-type': attachment.media_type,
      'content-disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(attachment.filename)}`,
      'x-content-type-options': 'nosniff',
    });
  });

  api.get({
    path: '/api/submissions/:id',
    summary:
      'One submission (published ones to anyone; others to the submitter, co-signers and process staff)',
    tag: 'submissions',
    params: z.object({ id: z.uuid().describe('Submission id') }),
    response: z.object({ submission: submissionSchema }),
    errors: ['SUBMISSION_NOT_FOUND'],
    handler: async (c, { params }) => {
      const {
        processId: _processId,
        authorId: _authorId,
        ...submission
      } = await getSubmission(c.var.deps.db, c.var.viewer, params.id.toLowerCase());
      return { submission };
    },
  });

  api.post({
    path: '/api/consultations/:id/submissions',
    scope: 'submit',
    summary:
      'Submit a comment (API token of a representative of the organisation, or of a person submitting as themselves or anonymously where the period allows); answers with the receipt once committed',
    tag: 'submissions',
    auth: true,
    status: 201,
    params: z.object({ id: z.uuid().describe('Comment period id') }),
    headers: apiSubmissionHeadersSchema,
    body: apiSubmissionSchema,
    response: receiptSchema,
    examples: {
      body: {
        organisationId: 'open-networks-for-all',
        title: 'Keep the public core out of conflict',
        body: 'We support paragraph 3 and ask that it name the domain name system.',
        language: 'en',
        anchors: [{ blockId: '01900000-0000-7000-8000-000000000003', exact: 'should not conduct' }],
        cosigners: ['registry-operators-forum'],
      },
    },
    errors: [
      'FORBIDDEN',
      'PERIOD_NOT_FOUND',
      'PERIOD_CLOSED',
      'PERIOD_NOT_OPEN_YET',
      'ANCHOR_INVALID',
      'ORGANISATION_NOT_FOUND',
      'SUBMITTER_NOT_ACCEPTED',
      'IDEMPOTENCY_CONFLICT',
      'RATE_LIMITED',
    ],
    // The same request is usually taken by the HTTP server's submission intake before it
    // reaches this route (submission-intake.ts): both answer alike, and a test checks that.
    handler: async (c, { params, headers, body }) => {
      const input = apiSubmissionInput(body, headers);
      await c.var.deps.limits.submission(
        { accountId: c.var.viewer?.id, address: clientNetwork(c) },
        clockOf(c.var.deps),
      );
      return c.var.deps.submissions.submit(
        c.var.viewer,
        params.id.toLowerCase(),
        input,
        [],
        clockOf(c.var.deps),
      );
    },
  });

  /** The submission as the API shows it to the viewer, once a write has committed. */
  const submissionNow = async (c: Context<AppEnv>, id: string) => {
    const {
      processId: _processId,
      authorId: _authorId,
      ...submission
    } = await getSubmission(c.var.deps.db, c.var.viewer, id);
    return { submission };
  };

  api.post({
    path: '/api/submissions/:id/cosign',
    scope: 'submit',
    summary:
      'Answer an invitation to co-sign (API token of a representative of the invited organisation); answers with the submission as it now stands',
    tag: 'submissions',
    params: z.object({ id: z.uuid().describe('Submission id') }),
    body: cosignAnswerSchema,
    response: z.object({ submission: submissionSchema }),
    errors: ['FORBIDDEN', 'EMAIL_UNVERIFIED', 'SUBMISSION_NOT_FOUND', 'MODERATION_CONFLICT'],
    handler: async (c, { params, body }) => {
      const id = params.id.toLowerCase();
      // The page's call: a write transaction from its start (the transparency log is appended to).
      await inWriteTransaction(c.var.deps.db, c.var.deps.engine, (trx) =>
        answerCosignature(
          trx,
          c.var.viewer,
          id,
          body.organisationId.toLowerCase(),
          body.answer === 'confirm',
          clockOf(c.var.deps),
        ),
      );
      return submissionNow(c, id);
    },
  });

  api.post({
    path: '/api/consultations/:id/publish',
    scope: 'moderate',
    summary:
      "Publish every submission of a closed period still in review, in one act (API token of the process's moderators or secretariat); each is published as /api/submissions/{id}/moderate publishes one; rejected and returned ones stay as they are",
    tag: 'submissions',
    params: z.object({ id: z.uuid().describe('Comment period id') }),
    body: z.object({}),
    response: periodPublicationSchema,
    errors: ['FORBIDDEN', 'PERIOD_NOT_FOUND', 'PERIOD_NOT_CLOSED'],
    handler: async (c, { params }) =>
      inWriteTransaction(c.var.deps.db, c.var.deps.engine, (trx) =>
        publishPeriodSubmissions(trx, c.var.viewer, params.id.toLowerCase(), clockOf(c.var.deps)),
      ),
    examples: { body: {}, response: { published: 42, rejected: 3, returned: 1 } },
  });

  api.post({
    path: '/api/submissions/:id/moderate',
    scope: 'moderate',
    summary:
      "Publish, reject (with its reason) or return (with a note) a submission (API token of the process's moderators or secretariat); answers with the submission as it now stands",
    tag: 'submissions',
    params: z.object({ id: z.uuid().describe('Submission id') }),
    body: moderationSchema,
    response: z.object({ submission: submissionSchema }),
    errors: ['FORBIDDEN', 'SUBMISSION_NOT_FOUND', 'MODERATION_CONFLICT'],
    handler: async (c, { params, body }) => {
      const id = params.id.toLowerCase();
      await inWriteTransaction(c.var.deps.db, c.var.deps.engine, (trx) =>
        moderateSubmission(trx, c.var.viewer, id, body, clockOf(c.var.deps)),
      );
      return submissionNow(c, id);
    },
  });
}
