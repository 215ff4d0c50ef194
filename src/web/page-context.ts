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
}
