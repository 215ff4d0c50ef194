/** Row types of stances, as stored. */

/** A row of `stances`: an actor's recorded position on a concept, with its evidence. */
export interface StanceTable {
  id: string;
  concept_id: string;
  stance: string;
  organisation_id: string | null;
  country: string | null;
  stakeholder_group: string;
  source_kind: string;
  source_id: string;
  process_id: string;
  exact: string;
  prefix: string;
  suffix: string;
  start: number;
  end: number;
  said_on: string;
  note: string | null;
  recorded_by: string;
  recorded_at: string;
}
