/** Organisations: registration, verification, representatives. */
import { grantRole } from '../accounts/accounts.service.ts';
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
  newOrganisationSchema,
  organisationSlug,
  type Organisation,
} from './organisations.schema.ts';
import {
  findOrganisation,
  findOrganisations,
  insertOrganisation,
  listOrganisations,
  markVerified,
  slugTaken,
} from './organisations.store.ts';

/** Registers an organisation; the viewer becomes its first representative. */
export async function registerOrganisation(
  db: Db,
  viewer: Viewer | null,
  input: unknown,
  options: { verified?: boolean } = {},
): Promise<Organisation> {
  checkCanRegisterOrganisation(viewer);
  const parsed = newOrganisationSchema.safeParse(input);
  if (!parsed.success) throw zodError(parsed.error);
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
    verified_at: options.verified ? at : null,
    verified_by: options.verified ? viewer.id : null,
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

/** Every organisation, by name. */
export async function getOrganisations(db: Db): Promise<Organisation[]> {
  return listOrganisations(db);
}

/** Marks an organisation verified (a secretariat's act, recorded as an event). */
export async function verifyOrganisation(
  db: Db,
  viewer: Viewer | null,
  ref: string,
): Promise<Organisation> {
  checkCanVerify(viewer);
  const organisation = await getOrganisation(db, ref);
  if (organisation.verified) return organisation;
  await markVerified(db, organisation.id, viewer.id, new Date().toISOString());
  await recordEvent(db, {
    actor: viewer.id,
    action: 'organisation.verified',
    subjectType: 'organisation',
    subjectId: organisation.id,
  });
  return { ...organisation, verified: true };
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

/** The organisations with these ids, by id (an id of no organisation is left out). */
export async function getOrganisationsById(
  db: Db,
  ids: string[],
): Promise<Map<string, Organisation>> {
  return findOrganisations(db, ids);
}
