/** The zh catalogue (to be translated; English until then). */
import { en, type Messages } from './en.ts';

/** The zh interface text. */
export const zh: Messages = { ...en };
