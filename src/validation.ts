/**
 * Turning zod's findings into the one INVALID_REQUEST error users read. zod's own wording
 * ("Invalid option: expected one of …", "Too small: expected string to have >=1 characters") never
 * reaches a reader: every issue without a message of our own is worded here, once, and carries a
 * key the pages translate (src/web/form-refusal.ts).
 */
import { z } from 'zod';
import { PlenumError, type FieldProblem, type FieldProblemKey } from './errors.ts';

type Issue = z.core.$ZodIssue | z.core.$ZodRawIssue;

function quoteChoices(values: readonly unknown[]): string {
  return values.map((v) => `“${String(v)}”`).join(', ');
}

/** The key and parameters of an issue zod would word itself; undefined for one we worded. */
export function issueKey(
  issue: Issue,
): { key: FieldProblemKey; params: Record<string, string | number> } | undefined {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined || issue.input === null
        ? { key: 'required', params: {} }
        : { key: 'invalid', params: {} };
    case 'invalid_value':
      return { key: 'choose', params: { choices: quoteChoices(issue.values) } };
    case 'too_small': {
      const n = Number(issue.minimum);
      if (issue.origin === 'string')
        return n <= 1 ? { key: 'required', params: {} } : { key: 'tooShort', params: { n } };
      if (issue.origin === 'array' || issue.origin === 'set')
        return { key: 'chooseAtLeast', params: { n } };
      return { key: 'atLeast', params: { n } };
    }
    case 'too_big': {
      const n = Number(issue.maximum);
      if (issue.origin === 'string') return { key: 'tooLong', params: { n } };
      if (issue.origin === 'array' || issue.origin === 'set')
        return { key: 'chooseAtMost', params: { n } };
      return { key: 'atMost', params: { n } };
    }
    case 'invalid_format':
      if (issue.format === 'email') return { key: 'email', params: {} };
      if (issue.format === 'url') return { key: 'url', params: {} };
      if (issue.format === 'datetime' || issue.format === 'date')
        return { key: 'date', params: {} };
      return { key: 'invalid', params: {} };
    case 'unrecognized_keys':
      // The field a program sent that the request does not have, named.
      return {
        key: 'unknownField',
        params: { fields: issue.keys.map((k) => `“${k}”`).join(', ') },
      };
    default:
      return { key: 'invalid', params: {} };
  }
}

/** The English sentence of a key (the API's detail; pages show the reader's language). */
export const fieldProblemEnglish: Record<FieldProblemKey, string> = {
  required: 'This field is required.',
  invalid: 'This value is not valid.',
  choose: 'Choose one of {choices}.',
  tooShort: 'Use at least {n} characters.',
  tooLong: 'Use at most {n} characters.',
  chooseAtLeast: 'Choose at least {n}.',
  chooseAtMost: 'Choose at most {n}.',
  atLeast: 'Use a number of at least {n}.',
  atMost: 'Use a number of at most {n}.',
  email: 'Enter an e-mail address, such as name@example.org.',
  url: 'Enter a web address, such as https://example.org/.',
  date: 'Enter a date (and time) as YYYY-MM-DD (HH:MM).',
  unknownField: 'Unknown field: {fields}.',
};

function fillEnglish(key: FieldProblemKey, params: Record<string, string | number>): string {
  return fieldProblemEnglish[key].replace(/\{(\w+)\}/g, (_, name: string) =>
    String(params[name] ?? ''),
  );
}

// Every issue without a message of its own is worded by plenum, never by zod.
z.config({
  customError: (issue) => {
    const found = issueKey(issue);
    return found ? fillEnglish(found.key, found.params) : undefined;
  },
});

/** An INVALID_REQUEST error listing every problem zod found, field by field. */
export function zodError(error: z.ZodError): PlenumError {
  const fields: FieldProblem[] = error.issues.map((issue) => {
    const found = issueKey(issue);
    const ours = found && issue.message === fillEnglish(found.key, found.params);
    return {
      field: issue.path.map(String).join('.'),
      message: issue.message,
      ...(ours ? { key: found.key, params: found.params } : {}),
    };
  });
  return new PlenumError(
    'INVALID_REQUEST',
    fields.map((f) => (f.field ? `${f.field}: ${f.message}` : f.message)).join('; '),
    { fields },
  );
}
