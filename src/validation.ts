/** Turning zod's findings into the one INVALID_REQUEST error users read. */
import type { z } from 'zod';
import { PlenumError } from './errors.ts';

/** An INVALID_REQUEST error listing every problem zod found, field by field. */
export function zodError(error: z.ZodError): PlenumError {
  return new PlenumError(
    'INVALID_REQUEST',
    error.issues
      .map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message))
      .join('; '),
  );
}
