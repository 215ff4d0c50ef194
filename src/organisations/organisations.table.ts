/** Row types of organisations, as stored. */

/** A row of `organisations`: a government, IGO, company, NGO, technical body or university. */
export interface OrganisationTable {
  id: string;
  slug: string;
  name: string;
  stakeholder_group: string;
  /** ISO 3166-1 alpha-3; required for governments, optional (headquarters) for others. */
  country: string | null;
  website: string | null;
  verified_at: string | null;
  verified_by: string | null;
  created_by: string | null;
  created_at: string;
}
