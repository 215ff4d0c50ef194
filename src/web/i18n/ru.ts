/** The ru catalogue (to be translated; English until then). */
import { en, type Messages } from './en.ts';

/** The ru interface text. */
export const ru: Messages = { ...en };
