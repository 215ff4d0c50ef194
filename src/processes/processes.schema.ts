/** Schemas of processes at the edges: JSON API, CLI flags and demo data. */
import { z } from 'zod';

/** What a process is doing now. */
export const processStatuses = ['active', 'concluded', 'planned'] as const;

/** A process as the API returns it. */
export const processSchema = z
  .object({
    id: z.string().describe('Stable id (UUID).'),
    slug: z.string().describe('Short name used in addresses, e.g. "oewg".'),
    name: z.string(),
    shortName: z.string().nullable().describe('Usual abbreviation, e.g. "OEWG".'),
    parentBody: z
      .string()
      .describe('The body that set it up, e.g. "UN General Assembly, First Committee".'),
    mandate: z.string(),
    status: z.enum(processStatuses),
    established: z.string().nullable().describe('Year or date it was set up.'),
    aliases: z.array(z.string()).describe('Other names it is known by.'),
  })
  .meta({ id: 'Process' });

/** A process. */
export type Process = z.infer<typeof processSchema>;

/** What is needed to create a process. */
export const newProcessSchema = z.object({
  slug: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'lower-case letters, digits and hyphens, at most 63'),
  name: z.string().trim().min(1).max(300),
  shortName: z.string().trim().min(1).max(40).nullable().default(null),
  parentBody: z.string().trim().min(1).max(300),
  mandate: z.string().trim().min(1).max(4000),
  status: z.enum(processStatuses).default('active'),
  established: z.string().trim().max(10).nullable().default(null),
  aliases: z.array(z.string().trim().min(1).max(200)).default([]),
});

/** Input to create a process. */
export type NewProcess = z.input<typeof newProcessSchema>;
