/**
 * An organisation row as the domain object: a pure function, shared by the stores that read
 * organisations' rows (their own, and submissions' with its submissions and co-signers).
 */
import { findCountry } from './countries.ts';
import type { Organisation, StakeholderGroup, VerificationKind } from './organisations.schema.ts';
import type { OrganisationTable } from './organisations.table.ts';

/** Maps an organisation row to the domain object, with the country's M49 code and group. */
export function toOrganisation(row: OrganisationTable): Organisation {
  const country = row.country ? findCountry(row.country) : undefined;
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    stakeholderGroup: row.stakeholder_group as StakeholderGroup,
    country: row.country,
    countryM49: country?.m49 ?? null,
    regionalGroup: country?.group ?? null,
    website: row.website,
    verified: row.verified_at !== null,
    verification:
      row.verified_at !== null
        ? {
            kind: (row.verification_kind ?? 'other') as VerificationKind,
            reason: row.verification_reason ?? '',
            at: row.verified_at,
          }
        : null,
  };
}
