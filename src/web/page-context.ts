/** What every page is drawn with: the reader's language, who is signed in, the form token. */
import type { Viewer } from '../accounts/accounts.schema.ts';
import type { Ui } from './i18n.ts';

/** What a page needs besides its own content: language, viewer, address, form token. */
export interface PageContext {
  ui: Ui;
  viewer: Viewer | null;
  /** Path and query of the request, for the language switcher's way back. */
  path: string;
  /** The token every form must send back as `_csrf`. */
  csrf: string;
  /**
   * The secretariat's translations of what the page shows (process names, period titles…) in the
   * reader's language, when the page loaded them; without, every such text shows its original.
   */
  translations?: ContentTranslations;
}

/** What a translatable text is: a field of a process, a comment period or a version. */
export type TranslatableSubject = 'process' | 'period' | 'version';

/** The translations a page loaded, in the reader's language. */
export interface ContentTranslations {
  /** The text of a subject's field in the reader's language, if the secretariat entered one. */
  find(subjectType: TranslatableSubject, subjectId: string, field: string): string | undefined;
}
