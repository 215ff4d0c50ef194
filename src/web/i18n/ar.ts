/** The ar catalogue (to be translated; English until then). */
import { en, type Messages } from './en.ts';

/** The ar interface text. */
export const ar: Messages = { ...en };
