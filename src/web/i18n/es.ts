/** The es catalogue (to be translated; English until then). */
import { en, type Messages } from './en.ts';

/** The es interface text. */
export const es: Messages = { ...en };
