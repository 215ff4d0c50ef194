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
  /** How it was verified: 'email_domain', 'letter', 'note_verbale' or 'other'; null when not verified. */
  verification_kind: string | null;
  /** The reference the secretariat recorded (the domain, the letter, the note verbale's number). */
  verification_reason: string | null;
  created_by: string | null;
  created_at: string;
}

/** A row of `representative_verifications`: a representative the secretariat has verified. */
export interface RepresentativeVerificationTable {
  organisation_id: string;
  account_id: string;
  /** 'email_domain', 'letter', 'note_verbale' or 'other'. */
  kind: string;
  reason: string;
  verified_by: string;
  verified_at: string;
}

/** A row of `fictional_states` (0037): a State marked fictional, its user-assigned code XAA–XZZ. */
export interface FictionalStateTable {
  iso3: string;
  /** JSON: the name in each of the six UN languages. */
  names: string;
  created_by: string;
  created_at: string;
}
