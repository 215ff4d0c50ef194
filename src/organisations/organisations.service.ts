/** Organisations: registration, verification, representatives. */
import { getRoleHolders, grantRole } from '../accounts/accounts.service.ts';
import type { Viewer } from '../accounts/accounts.schema.ts';
import type { Db } from '../db/database.ts';
import { newId } from '../db/ids.ts';
import { PlenumError } from '../errors.ts';
import { recordEvent } from '../events/events.store.ts';
import { zodError } from '../validation.ts';
import {
  checkCanAddRepresentative,
  checkCanRegisterOrganisation,
  checkCanVerify,
} from './organisations.policy.ts';
import {
  anonymousVoiceId,
  newOrganisationSchema,
  organisationSlug,
  revocationSchema,
  verificationSchema,
  type Organisation,
  type VerificationKind,
} from './organisations.schema.ts';
import {
  deleteRepresentativeVerification,
  findOrganisation,
  findOrganisations,
  findVerifiedGovernment,
  insertMissingOrganisations,
  insertOrganisation,
  listOrganisations,
  listOrganisationsAfter,
  listRepresentativeVerifications,
  markUnverified,
  markVerified,
  slugTaken,
  upsertRepresentativeVerification,
  listOrganisationsOfCountry,
} from './organisations.store.ts';

/**
 * Registers an organisation, unverified; the viewer becomes its first representative. A
 * government of a State whose government is already verified is refused: its people are added
 * as representatives of the verified one instead.
 */
export async function registerOrganisation(
  db: Db,
  viewer: Viewer | null,
  input: unknown,
): Promise<Organisation> {
  checkCanRegisterOrganisation(viewer);
  const parsed = newOrganisationSchema.safeParse(input);
  if (!parsed.success) throw zodError(parsed.error);
  if (parsed.data.stakeholderGroup === 'government')
    await refuseSecondGovernment(db, parsed.data.country!);
  const slug = organisationSlug(parsed.data.name);
  if (await slugTaken(db, slug))
    throw new PlenumError('ORGANISATION_CONFLICT', `"${parsed.data.name}"`);
  const id = newId();
  const at = new Date().toISOString();
  await insertOrganisation(db, {
    id,
    slug,
    name: parsed.data.name,
    stakeholder_group: parsed.data.stakeholderGroup,
    country: parsed.data.country ?? null,
    website: parsed.data.website ?? null,
    verified_at: null,
    verified_by: null,
    verification_kind: null,
    verification_reason: null,
    created_by: viewer.id,
    created_at: at,
  });
  await recordEvent(db, {
    actor: viewer.id,
    action: 'organisation.registered',
    subjectType: 'organisation',
    subjectId: id,
  });
  await grantRole(db, { email: viewer.email, role: 'representative', scopeId: id }, viewer.id);
  const organisation = await findOrganisation(db, id);
  if (!organisation) throw new PlenumError('INTERNAL');
  return organisation;
}

/** The organisation with this id or slug, or ORGANISATION_NOT_FOUND. */
export async function getOrganisation(db: Db, ref: string): Promise<Organisation> {
  const organisation = await findOrganisation(db, ref);
  if (!organisation) throw new PlenumError('ORGANISATION_NOT_FOUND');
  return organisation;
}

/** The organisation with this id or slug, if any (for features that name an organisation). */
export async function lookupOrganisation(db: Db, ref: string): Promise<Organisation | undefined> {
  return findOrganisation(db, ref);
}

/** The organisations with these ids, by id; an id that names none is left out. */
export async function findOrganisationsByIds(
  db: Db,
  ids: string[],
): Promise<Map<string, Organisation>> {
  return findOrganisations(db, ids);
}

/** Every organisation, by name. */
export async function getOrganisations(db: Db): Promise<Organisation[]> {
  return listOrganisations(db);
}

/**
 * A page of the organisations, by name: those after the key `after` (a page's last
 * `pageKeyOfOrganisation`), at most `limit`.
 */
export async function getOrganisationsPage(
  db: Db,
  after: string | undefined,
  limit: number,
): Promise<Organisation[]> {
  let key: { name: string; id: string } | undefined;
  if (after !== undefined) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(after);
    } catch {
      parsed = undefined;
    }
    if (
      !Array.isArray(parsed) ||
      parsed.length !== 2 ||
      !parsed.every((x) => typeof x === 'string')
    )
      throw new PlenumError('INVALID_REQUEST', 'cursor: This cursor was not given by plenum.');
    key = { name: parsed[0] as string, id: parsed[1] as string };
  }
  return listOrganisationsAfter(db, key, limit);
}

/** The key a page of organisations continues after. */
export function pageKeyOfOrganisation(o: Organisation): string {
  return JSON.stringify([o.name, o.id]);
}

/** The organisations based in a State (its government first, then by name), at most `limit`. */
export async function getOrganisationsOfCountry(
  db: Db,
  iso3: string,
  limit = 200,
): Promise<Organisation[]> {
  return listOrganisationsOfCountry(db, iso3, limit);
}

/** GOVERNMENT_ALREADY_VERIFIED when the State's government is verified already (other than `except`). */
async function refuseSecondGovernment(db: Db, country: string, except?: string): Promise<void> {
  const verified = await findVerifiedGovernment(db, country, except);
  if (verified) throw new PlenumError('GOVERNMENT_ALREADY_VERIFIED', `"${verified.name}".`);
}

/**
 * Verifies an organisation with the kind of proof and its reference (a secretariat's act,
 * recorded as an event); verifying it again replaces the reference. A second government of the
 * same State is refused.
 */
export async function verifyOrganisation(
  db: Db,
  viewer: Viewer | null,
  ref: string,
  input: unknown,
  now: Date = new Date(),
): Promise<Organisation> {
  checkCanVerify(viewer);
  const organisation = await getOrganisation(db, ref);
  const parsed = verificationSchema.safeParse(input);
  if (!parsed.success) throw zodError(parsed.error);
  if (organisation.stakeholderGroup === 'individual')
    throw new PlenumError('INVALID_REQUEST', 'A person is not verified as an organisation.');
  if (organisation.stakeholderGroup === 'government' && organisation.country)
    await refuseSecondGovernment(db, organisation.country, organisation.id);
  const at = now.toISOString();
  await markVerified(db, organisation.id, { by: viewer.id, at, ...parsed.data });
  await recordEvent(db, {
    actor: viewer.id,
    action: 'organisation.verified',
    subjectType: 'organisation',
    subjectId: organisation.id,
    data: parsed.data,
  });
  return { ...organisation, verified: true, verification: { ...parsed.data, at } };
}

/** Withdraws an organisation's verification, with the reason (recorded as an event). */
export async function revokeVerification(
  db: Db,
  viewer: Viewer | null,
  ref: string,
  input: unknown,
): Promise<Organisation> {
  checkCanVerify(viewer);
  const organisation = await getOrganisation(db, ref);
  const parsed = revocationSchema.safeParse(input);
  if (!parsed.success) throw zodError(parsed.error);
  if (!organisation.verified)
    throw new PlenumError('VERIFICATION_CONFLICT', 'This organisation is not verified.');
  await markUnverified(db, organisation.id);
  await recordEvent(db, {
    actor: viewer.id,
    action: 'organisation.verification_revoked',
    subjectType: 'organisation',
    subjectId: organisation.id,
    data: parsed.data,
  });
  return { ...organisation, verified: false, verification: null };
}

/** A representative of an organisation, and their verification if the secretariat made one. */
export interface Representative {
  accountId: string;
  name: string;
  email: string;
  verification: { kind: VerificationKind; reason: string; at: string } | null;
}

/** The representatives of an organisation, for those who verify them (names and e-mails). */
export async function getRepresentatives(
  db: Db,
  viewer: Viewer | null,
  ref: string,
): Promise<Representative[]> {
  checkCanVerify(viewer);
  const organisation = await getOrganisation(db, ref);
  const [holders, verified] = await Promise.all([
    getRoleHolders(db, 'representative', organisation.id),
    listRepresentativeVerifications(db, organisation.id),
  ]);
  return holders.map((h) => {
    const v = verified.get(h.id);
    return {
      accountId: h.id,
      name: h.name,
      email: h.email,
      verification: v ? { kind: v.kind as VerificationKind, reason: v.reason, at: v.at } : null,
    };
  });
}

/** Verifies one representative of an organisation, with the kind of proof and its reference. */
export async function verifyRepresentative(
  db: Db,
  viewer: Viewer | null,
  target: { organisation: string; accountId: string },
  input: unknown,
  now: Date = new Date(),
): Promise<Organisation> {
  checkCanVerify(viewer);
  const organisation = await getOrganisation(db, target.organisation);
  const parsed = verificationSchema.safeParse(input);
  if (!parsed.success) throw zodError(parsed.error);
  const holders = await getRoleHolders(db, 'representative', organisation.id);
  if (!holders.some((h) => h.id === target.accountId))
    throw new PlenumError('ACCOUNT_NOT_FOUND', 'This account does not represent the organisation.');
  await upsertRepresentativeVerification(db, {
    organisation_id: organisation.id,
    account_id: target.accountId,
    ...parsed.data,
    verified_by: viewer.id,
    verified_at: now.toISOString(),
  });
  await recordEvent(db, {
    actor: viewer.id,
    action: 'organisation.representative_verified',
    subjectType: 'organisation',
    subjectId: organisation.id,
    data: { accountId: target.accountId, ...parsed.data },
  });
  return organisation;
}

/** Withdraws a representative's verification, with the reason. */
export async function revokeRepresentative(
  db: Db,
  viewer: Viewer | null,
  target: { organisation: string; accountId: string },
  input: unknown,
): Promise<Organisation> {
  checkCanVerify(viewer);
  const organisation = await getOrganisation(db, target.organisation);
  const parsed = revocationSchema.safeParse(input);
  if (!parsed.success) throw zodError(parsed.error);
  if (!(await deleteRepresentativeVerification(db, organisation.id, target.accountId)))
    throw new PlenumError('VERIFICATION_CONFLICT', 'This representative is not verified.');
  await recordEvent(db, {
    actor: viewer.id,
    action: 'organisation.representative_revoked',
    subjectType: 'organisation',
    subjectId: organisation.id,
    data: { accountId: target.accountId, ...parsed.data },
  });
  return organisation;
}

/**
 * A person's own voice, as a submission names it: an organisation-shaped record of stakeholder
 * group "individual" whose id is the account's, so every list, export and feed draws it as it
 * draws an organisation. It is stored with the person's first submission (storePersonalVoices).
 */
export function personalVoice(person: { id: string; name: string }): Organisation {
  return {
    id: person.id,
    slug: `${organisationSlug(person.name)}-${person.id.slice(-12)}`,
    name: person.name,
    stakeholderGroup: 'individual',
    country: null,
    countryM49: null,
    regionalGroup: null,
    website: null,
    verified: false,
    verification: null,
  };
}

/** Stores the personal voices not stored yet (in the transaction of their first submissions). */
export async function storePersonalVoices(
  db: Db,
  voices: Organisation[],
  now: Date,
): Promise<void> {
  await insertMissingOrganisations(
    db,
    voices.map((v) => ({
      id: v.id,
      slug: v.slug,
      name: v.name,
      stakeholder_group: 'individual',
      country: null,
      website: null,
      verified_at: null,
      verified_by: null,
      verification_kind: null,
      verification_reason: null,
      created_by: v.id,
      created_at: now.toISOString(),
    })),
  );
}

/** The one voice every anonymous submission names, as stored by the migration. */
export async function getAnonymousVoice(db: Db): Promise<Organisation> {
  const voice = await findOrganisation(db, anonymousVoiceId);
  if (!voice) throw new PlenumError('INTERNAL');
  return voice;
}

/** Makes another account a representative of the organisation. */
export async function addRepresentative(
  db: Db,
  viewer: Viewer | null,
  ref: string,
  email: string,
): Promise<void> {
  const organisation = await getOrganisation(db, ref);
  checkCanAddRepresentative(viewer, organisation.id);
  await grantRole(db, { email, role: 'representative', scopeId: organisation.id }, viewer.id);
}

/**
 * True when the account is a representative of the organisation whom the secretariat verified
 * (by e-mail domain, letter or note verbale): what the registry needs to take a State's word.
 */
export async function isVerifiedRepresentative(
  db: Db,
  organisationId: string,
  accountId: string,
): Promise<boolean> {
  return (await listRepresentativeVerifications(db, organisationId)).has(accountId);
}
