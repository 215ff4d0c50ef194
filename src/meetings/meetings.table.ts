/** Row types of meetings, their changes, follows and calendar addresses, as stored. */

/** A row of `meetings`: a session or meeting of a process. */
export interface MeetingTable {
  id: string;
  process_id: string;
  title: string;
  /** e.g. "Third substantive session". */
  session_label: string | null;
  /** 'formal' or 'informal'. */
  kind: string;
  /** 'in_person', 'virtual' or 'hybrid'. */
  format: string;
  place: string | null;
  /** UTC instants, ISO 8601. */
  starts_at: string;
  ends_at: string;
  /** IANA time zone the meeting was announced in. */
  time_zone: string;
  webcast_url: string | null;
  /** 'scheduled', 'postponed', 'moved_online' or 'cancelled'. */
  status: string;
  /** 1 while a postponed meeting has no new dates yet. */
  dates_pending: number;
  /** RFC 5545 SEQUENCE: one more at every change. */
  sequence: number;
  created_by: string;
  created_at: string;
  updated_at: string;
}

/** A row of `meeting_changes`: one field one change touched, with why, who and when. */
export interface MeetingChangeTable {
  id: string;
  meeting_id: string;
  /** The meeting's sequence after the change. */
  sequence: number;
  field: string;
  from_value: string | null;
  to_value: string | null;
  reason: string | null;
  changed_by: string;
  changed_at: string;
}

/** A row of `process_follows`: an account follows a process. */
export interface ProcessFollowTable {
  account_id: string;
  process_id: string;
  created_at: string;
}

/** A row of `calendar_addresses`: the SHA-256 of an account's secret calendar address. */
export interface CalendarAddressTable {
  account_id: string;
  secret_hash: string;
  created_at: string;
}
