/**
 * The error catalogue: every error plenum reports to a user, with its code, HTTP status and message.
 * Services throw `PlenumError`; one handler turns it into a JSON body, an HTML page or a CLI line.
 */

/** Every error code, its HTTP status and the message a user reads. */
export const errorCatalogue = {
  NOT_FOUND: { status: 404, message: 'Nothing was found at this address.' },
  PROCESS_NOT_FOUND: { status: 404, message: 'There is no process with this id or name.' },
  PROCESS_CONFLICT: {
    status: 409,
    message: 'Another process already uses this slug, name or alias.',
  },
  DOCUMENT_NOT_FOUND: { status: 404, message: 'There is no document with this id.' },
  VERSION_NOT_FOUND: { status: 404, message: 'There is no version with this id.' },
  LANGUAGE_VERSION_NOT_FOUND: {
    status: 404,
    message: 'This version does not exist in the language asked for.',
  },
  BLOCK_NOT_FOUND: { status: 404, message: 'There is no block with this id.' },
  INVALID_REQUEST: { status: 400, message: 'The request is not valid.' },
  INVALID_ID: { status: 400, message: 'This is not a valid id.' },
  PAYLOAD_TOO_LARGE: { status: 413, message: 'The request body is too large.' },
  IMPORT_FILE_NOT_FOUND: { status: 400, message: 'The file to import cannot be read.' },
  IMPORT_EMPTY: { status: 400, message: 'The file is empty: there is nothing to import.' },
  IMPORT_TOO_LARGE: {
    status: 413,
    message: 'The file is larger than the import limit (20 MB of text, 40 MB for DOCX or PDF).',
  },
  IMPORT_BINARY: {
    status: 415,
    message:
      'The file looks like binary data, not text. Import plain text, Markdown, a DOCX file or a PDF file.',
  },
  IMPORT_INVALID_UTF8: {
    status: 415,
    message: 'The file is not valid UTF-8 text. Save it as UTF-8 and import it again.',
  },
  IMPORT_BAD_DOCX: {
    status: 415,
    message: 'The file is not a readable DOCX document (a Word file saved as .docx).',
  },
  IMPORT_UNSUPPORTED_FORMAT: {
    status: 415,
    message:
      'This format is not supported. Use text, markdown, docx, pdf or akn (Akoma Ntoso XML).',
  },
  IMPORT_BAD_AKN: {
    status: 422,
    message:
      'The file is not a readable Akoma Ntoso 3.0 document: the message names the first problem and its line.',
  },
  IMPORT_NO_CONTENT: {
    status: 422,
    message: 'No paragraphs, headings or footnotes were found in the file.',
  },
  IMPORT_CONFLICT: {
    status: 409,
    message: 'This version already has content in this language.',
  },
  IMPORT_TOO_MANY_BLOCKS: {
    status: 413,
    message:
      'The document has more blocks (paragraphs, headings, footnotes) than one import takes (200,000). Split it into several documents.',
  },
  IMPORT_DOCX_TOO_LARGE_UNPACKED: {
    status: 413,
    message:
      'The DOCX file unpacks to more than the import limit (25 MB of content, 2,000 parts, 100 times its packed size).',
  },
  IMPORT_BAD_PDF: {
    status: 415,
    message: 'The file is not a readable PDF document: it may be damaged or cut short.',
  },
  IMPORT_PDF_ENCRYPTED: {
    status: 422,
    message:
      'This PDF file is protected by a password (encrypted): its text cannot be read. Remove the protection or export an unprotected copy, then import that.',
  },
  IMPORT_PDF_NO_TEXT: {
    status: 422,
    message:
      'This PDF file has no text layer: it seems to be made of scanned images. Run optical character recognition (OCR) on it first, then import the result.',
  },
  IMPORT_PDF_TOO_MANY_PAGES: {
    status: 413,
    message:
      'This PDF file has more pages than one import takes (1,000). Split it into several documents.',
  },
  IMPORT_DRAFT_NOT_FOUND: {
    status: 404,
    message: 'There is no open import draft with this id: it may have been published or discarded.',
  },
  CORRECTION_INVALID: {
    status: 422,
    message: 'This correction cannot be made to the import draft as it stands.',
  },
  TEXT_FORBIDDEN_CHARACTER: {
    status: 400,
    message:
      'The text contains a character that cannot be stored: a control character (such as NUL), a lone surrogate or U+FFFE/U+FFFF. Remove it and send the text again.',
  },
  SIGN_IN_REQUIRED: { status: 401, message: 'Sign in to do this.' },
  TOKEN_EXPIRED: {
    status: 401,
    message: 'This API token has expired: make a new one on your account page.',
  },
  TOKEN_SCOPE_MISSING: {
    status: 403,
    message: 'This API token lacks the scope this request needs.',
  },
  UNKNOWN_FIELD: {
    status: 422,
    message: 'The request has a field this operation does not have.',
  },
  SIGN_IN_FAILED: { status: 401, message: 'The e-mail address or the password is wrong.' },
  SIGN_IN_THROTTLED: {
    status: 429,
    message:
      'Too many sign-in attempts were made with this e-mail address or from your network. Wait a few minutes, then try again.',
  },
  RATE_LIMITED: {
    status: 429,
    message:
      'Too many requests of this kind came from your account or network in a short time: this one was not carried out. Wait a little, then send it again.',
  },
  PASSWORD_CHECKS_BUSY: {
    status: 503,
    message:
      'The server is checking too many passwords at this moment. Try again in a few seconds.',
  },
  FORBIDDEN: { status: 403, message: 'Your account does not hold the role this needs.' },
  EMAIL_UNVERIFIED: {
    status: 403,
    message:
      'Confirm your e-mail address first: follow the link plenum sent you (your account page sends it again).',
  },
  LINK_INVALID: {
    status: 400,
    message: 'This link is not valid: it has expired or was already used. Ask for a new one.',
  },
  CSRF_FAILED: {
    status: 403,
    message:
      'The form could not be checked (its security token is missing or out of date). Go back, reload the page and send it again.',
  },
  ACCOUNT_EXISTS: { status: 409, message: 'An account with this e-mail address already exists.' },
  ACCOUNT_NOT_FOUND: { status: 404, message: 'There is no account with this e-mail address.' },
  STANCE_SOURCE_NOT_FOUND: {
    status: 404,
    message: 'There is no public paragraph or published submission with this id.',
  },
  WATCH_NOT_FOUND: { status: 404, message: 'There is no watch of yours with this address.' },
  WEBHOOK_ADDRESS_REFUSED: {
    status: 422,
    message: 'Webhooks go only to public Internet addresses.',
  },
  CONCEPT_NOT_FOUND: { status: 404, message: 'There is no concept with this name.' },
  CONCEPT_CONFLICT: { status: 409, message: 'The taxonomy already has this.' },
  MEASURE_NOT_FOUND: { status: 404, message: 'There is no measure with this id in the registry.' },
  MEASURE_CONFLICT: {
    status: 409,
    message: 'Someone revised this measure in the meantime: read its latest version and try again.',
  },
  ROUND_NOT_FOUND: { status: 404, message: 'There is no questionnaire round with this id.' },
  ROUND_NOT_OPEN_YET: {
    status: 409,
    message: 'This questionnaire round is not open yet: nothing was stored.',
  },
  ROUND_CLOSED: {
    status: 409,
    message:
      'This questionnaire round has closed: the answer was not accepted and nothing was stored.',
  },
  ANSWER_SUBMITTED: {
    status: 409,
    message: 'This answer has been submitted: it cannot be changed any more.',
  },
  COUNTRY_NOT_FOUND: {
    status: 404,
    message: 'There is no member or observer State with this ISO 3166-1 alpha-3 code.',
  },
  ORGANISATION_NOT_FOUND: {
    status: 404,
    message: 'There is no organisation with this id or name.',
  },
  ORGANISATION_CONFLICT: {
    status: 409,
    message: 'An organisation with this name is already registered.',
  },
  GOVERNMENT_ALREADY_VERIFIED: {
    status: 409,
    message:
      'The government of this State is already registered and verified: ask its representatives to add you as a representative.',
  },
  VERIFICATION_CONFLICT: {
    status: 409,
    message: 'There is no verification to revoke: it is not verified.',
  },
  SUBMITTER_NOT_ACCEPTED: {
    status: 403,
    message:
      'This comment period does not take submissions from this kind of submitter (its page says who may submit): nothing was stored.',
  },
  PERIOD_NOT_FOUND: { status: 404, message: 'There is no comment period with this id.' },
  CAMPAIGN_NOT_FOUND: {
    status: 404,
    message: 'This comment period has no campaign with this id.',
  },
  PERIOD_NOT_OPEN_YET: {
    status: 409,
    message: 'This comment period is not open yet: nothing was stored.',
  },
  PERIOD_NOT_CLOSED: {
    status: 409,
    message:
      'This comment period has not closed: its submissions are published together once it has.',
  },
  PERIOD_CLOSED: {
    status: 409,
    message:
      'This comment period has closed: the submission was not accepted and nothing was stored.',
  },
  SUBMISSION_NOT_FOUND: { status: 404, message: 'There is no submission with this id.' },
  ANCHOR_INVALID: {
    status: 422,
    message: 'The paragraph or the quoted words cannot be found in this version of the draft.',
  },
  IDEMPOTENCY_CONFLICT: {
    status: 409,
    message: 'This idempotency key was already used for a different submission.',
  },
  ATTACHMENT_TOO_LARGE: { status: 413, message: 'An attachment is larger than the limit.' },
  ATTACHMENT_TYPE: {
    status: 415,
    message:
      'Attachments must be PDF, DOCX or ODT files; the content of this file is not one of them.',
  },
  MODERATION_CONFLICT: {
    status: 409,
    message: 'This submission is not in a state that allows this action.',
  },
  ATTACHMENT_NOT_FOUND: { status: 404, message: 'There is no attachment with this id.' },
  LEGAL_TEXT_TYPE: {
    status: 415,
    message:
      'A legal text must be a PDF, DOCX, ODT, plain text (UTF-8) or HTML file; the content of this file is not one of them.',
  },
  ATTACHMENT_UNSAFE: {
    status: 422,
    message:
      'An attachment could not be checked safely: its archive has too many parts (more than 2,000), unpacks to more than 20 MB or more than 100 times its size, or took too long to check.',
  },
  SUBMISSION_NOT_STORED: {
    status: 500,
    message:
      'The database refused to store this submission: nothing of it was kept, and no other submission was affected. Send it again; if it fails again, write to the secretariat.',
  },
  LOG_ENTRY_NOT_FOUND: {
    status: 404,
    message: 'The transparency log has no entry, and no signed tree head, at this position.',
  },
  MEETING_NOT_FOUND: { status: 404, message: 'There is no meeting with this id.' },
  MEETING_CHANGED: {
    status: 409,
    message:
      'Someone else changed this meeting while you were editing it: nothing was stored. Reload the page and make your change again.',
  },
  MEETING_CANCELLED: {
    status: 409,
    message: 'This meeting is cancelled: it can no longer be changed, and nothing was stored.',
  },
  SEARCH_QUERY_EMPTY: {
    status: 400,
    message: 'Enter one or more words to search for (letters or digits, not only punctuation).',
  },
  SEARCH_QUERY_TOO_LONG: {
    status: 400,
    message: 'The search is too long: use at most 200 characters and 24 words.',
  },
  PDF_UNAVAILABLE: {
    status: 503,
    message:
      'PDF cannot be made on this server: Chromium is not installed (set PLENUM_CHROMIUM to its path). Download the HTML and print it to PDF from your browser, or choose DOCX.',
  },
  DATABASE_UNAVAILABLE: {
    status: 503,
    message: 'The database cannot be opened.',
  },
  CONFIG_INVALID: { status: 500, message: 'The configuration is not valid.' },
  INTERNAL: { status: 500, message: 'Something went wrong on our side. Nothing was changed.' },
} as const satisfies Record<string, { status: number; message: string }>;

/** A code from the catalogue. */
export type ErrorCode = keyof typeof errorCatalogue;

/** What a field's problem is, for the pages to word in the reader's language (src/validation.ts). */
export type FieldProblemKey =
  | 'required'
  | 'invalid'
  | 'choose'
  | 'tooShort'
  | 'tooLong'
  | 'chooseAtLeast'
  | 'chooseAtMost'
  | 'atLeast'
  | 'atMost'
  | 'email'
  | 'url'
  | 'date'
  | 'unknownField';

/** One field's problem: its name in the form, the English message, a key when one fits. */
export interface FieldProblem {
  field: string;
  message: string;
  key?: FieldProblemKey;
  params?: Record<string, string | number>;
  /** The problem is the catalogue's message of this code (worded in the reader's language). */
  code?: ErrorCode;
  /** The language `message` is written in, when a page wrote it in the reader's (else English). */
  lang?: string;
}

/** An error a user can act on: a catalogue code, optional detail and optional data for the API. */
export class PlenumError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly detail: string | undefined;
  /** For a refusal that lasts a while (429, 503): the seconds to wait, sent as Retry-After. */
  readonly retryAfterSeconds: number | undefined;
  /** The problems field by field, when the refusal names fields (see fieldProblemsOf). */
  readonly fields: FieldProblem[] | undefined;

  constructor(
    code: ErrorCode,
    detail?: string,
    options: { retryAfterSeconds?: number; fields?: FieldProblem[] } = {},
  ) {
    const entry = errorCatalogue[code];
    super(detail ? `${entry.message} ${detail}` : entry.message);
    this.name = 'PlenumError';
    this.code = code;
    this.status = entry.status;
    this.detail = detail;
    this.retryAfterSeconds = options.retryAfterSeconds;
    this.fields = options.fields;
  }
}

/** True when the value is a PlenumError. */
export function isPlenumError(value: unknown): value is PlenumError {
  return value instanceof PlenumError;
}

/** The JSON body of an API error: the code and the message with its detail. */
export function apiErrorBody(
  code: ErrorCode,
  detail?: string,
): { error: { code: ErrorCode; message: string } } {
  const base = errorCatalogue[code].message;
  return { error: { code, message: detail ? `${base} ${detail}` : base } };
}

/**
 * The problems of a refusal field by field: those zod found, else those a service wrote in its
 * detail as `field: message; field: message` (the house style); problems without a field name
 * come back with field ''.
 */
export function fieldProblemsOf(error: {
  detail?: string | undefined;
  fields?: FieldProblem[] | undefined;
}): FieldProblem[] {
  if (error.fields) return error.fields;
  if (!error.detail) return [];
  return error.detail.split(/;\s+/).map((part) => {
    const found = /^([A-Za-z_][\w.[\]-]*):\s+(.+)$/s.exec(part);
    return found ? { field: found[1]!, message: found[2]! } : { field: '', message: part };
  });
}

/**
 * The same refusal, told beside one field of the form (a wrong password beside the password, an
 * empty file beside the file): for refusals whose service names no field. One that names its
 * fields already is returned as it is, unless `always` (the whole refusal is about that field).
 */
export function onField(
  error: PlenumError,
  field: string,
  options: { always?: boolean } = {},
): PlenumError {
  if (!options.always && fieldProblemsOf(error).some((p) => p.field)) return error;
  const message = error.detail ?? errorCatalogue[error.code].message;
  return new PlenumError(error.code, error.detail, {
    ...(error.retryAfterSeconds !== undefined
      ? { retryAfterSeconds: error.retryAfterSeconds }
      : {}),
    fields: [{ field, message, code: error.code }],
  });
}
