/** Row type of the event log. */

/** A row of `events`: one change of state, who made it, when, and on what. */
export interface EventTable {
  id: string;
  at: string;
  actor: string;
  action: string;
  subject_type: string;
  subject_id: string;
  data: string;
}
