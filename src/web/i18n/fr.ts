/** The fr catalogue (to be translated; English until then). */
import { en, type Messages } from './en.ts';

/** The fr interface text. */
export const fr: Messages = { ...en };
