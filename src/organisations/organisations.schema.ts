/** Organisations and the stakeholder groups they belong to. */
import { z } from 'zod';
import { findCountry } from './countries.ts';

/** The stakeholder groups of Internet governance (WGIG, Tunis Agenda, IGF usage). */
export const stakeholderGroups = [
  'government',
  'igo',
  'private_sector',
  'civil_society',
  'technical_community',
  'academia',
  'individual',
] as const;

/** One stakeholder group. */
export type StakeholderGroup = (typeof stakeholderGroups)[number];

/** The groups an organisation registers in: every group but "individual", which is a person's. */
export const organisationGroups = stakeholderGroups.filter(
  (g): g is Exclude<StakeholderGroup, 'individual'> => g !== 'individual',
);

/**
 * The groups whose organisations speak for States (governments) or for States together (IGOs):
 * counted as such only once verified.
 */
export const stateVoiceGroups: readonly StakeholderGroup[] = ['government', 'igo'];

/** The one voice every anonymous submission names: the person is known to the secretariat only. */
export const anonymousVoiceId = '00000000-0000-7000-8000-000000000000';

/** How the secretariat checked who an organisation or a representative is. */
export const verificationKinds = ['email_domain', 'letter', 'note_verbale', 'other'] as const;

/** One kind of verification. */
export type VerificationKind = (typeof verificationKinds)[number];

/** An organisation as the API and pages show it. */
export const organisationSchema = z
  .object({
    id: z.string(),
    slug: z.string(),
    name: z.string(),
    stakeholderGroup: z.enum(stakeholderGroups),
    country: z.string().nullable().describe('ISO 3166-1 alpha-3'),
    countryM49: z.string().nullable().describe('UN M49 code of the country'),
    regionalGroup: z.string().nullable().describe('UN regional group of the country'),
    website: z.string().nullable(),
    verified: z.boolean().describe('The secretariat has verified the organisation'),
    verification: z
      .object({
        kind: z.enum(verificationKinds),
        reason: z.string().describe('The reference recorded: a domain, a letter, a note verbale'),
        at: z.string(),
      })
      .nullable()
      .describe('How it was verified; null while it is not'),
  })
  .meta({ id: 'Organisation' });

/** An organisation. */
export type Organisation = z.infer<typeof organisationSchema>;

/** The registration form: a government must name its state. */
export const newOrganisationSchema = z
  .object({
    name: z.string().trim().min(2, 'Enter the name of the organisation.').max(200),
    stakeholderGroup: z.enum(organisationGroups, { message: 'Choose a stakeholder group.' }),
    country: z
      .string()
      .trim()
      .toUpperCase()
      .optional()
      .transform((v) => (v ? v : undefined))
      .refine((v) => v === undefined || findCountry(v) !== undefined, {
        message: 'Choose a country from the list (ISO 3166-1 alpha-3).',
      }),
    website: z
      .string()
      .trim()
      .max(300)
      .optional()
      .transform((v) => (v ? v : undefined))
      .refine((v) => v === undefined || /^https?:\/\/[^\s<>"]+$/.test(v), {
        message: 'The website must start with http:// or https://.',
      }),
  })
  .refine((o) => o.stakeholderGroup !== 'government' || o.country !== undefined, {
    message: 'A government must name its state.',
    path: ['country'],
  });

/** A slug for an organisation name: lower case ASCII words joined by hyphens. */
export function organisationSlug(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return slug || 'organisation';
}

/** A secretariat's verification: the kind of proof and its reference. */
export const verificationSchema = z
  .object({
    kind: z.enum(verificationKinds, { message: 'Choose how it was verified.' }),
    reason: z
      .string()
      .trim()
      .min(3, 'Record the reference: the domain, the letter or the note verbale.')
      .max(1000),
  })
  .meta({ id: 'Verification' });

/** A revocation: why the verification no longer holds. */
export const revocationSchema = z
  .object({
    reason: z.string().trim().min(3, 'Say why the verification is revoked.').max(1000),
  })
  .meta({ id: 'Revocation' });
