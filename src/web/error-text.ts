/** An error as a reader sees it: the catalogue message in their language, any detail in English. */
import { html } from 'hono/html';
import { errorCatalogue, type ErrorCode } from '../errors.ts';
import type { Ui } from './i18n.ts';
import { errorMessages } from './i18n/error-messages.ts';
import type { Markup } from './layout.ts';

/** The catalogue message of a code in the reader's language (English when there is none). */
export function errorMessage(ui: Ui, code: ErrorCode): string {
  return ui.lang === 'en' ? errorCatalogue[code].message : errorMessages[ui.lang][code];
}

/**
 * The message of an error for a page: translated, with the detail (which names fields and
 * values, in English) kept apart and marked as English.
 */
export function errorText(ui: Ui, error: { code: ErrorCode; detail?: string | undefined }): Markup {
  const detail = error.detail ? html` <span lang="en" dir="ltr">${error.detail}</span>` : '';
  return html`${errorMessage(ui, error.code)}${detail}`;
}
