/** Row types of the notifications: the period notices already issued. */

/** A row of `mail_period_notices`: a period's opening or closing-soon notice, issued once. */
export interface MailPeriodNoticeTable {
  period_id: string;
  /** 'opening' or 'closing'. */
  kind: string;
  issued_at: string;
}
