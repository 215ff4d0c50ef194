/**
 * CSV records as RFC 4180 writes them, for every CSV file plenum serves (the submissions' export,
 * the registry's CSV, a round's answers and open data): CRLF between records, and a cell quoted
 * when it holds a comma, a quote or a line break. csv-stringify with CRLF records quotes a cell
 * with CRLF in it but leaves one with a lone LF or CR bare, which every CSV reader then takes for
 * the end of the record (a comment's second paragraph became a row of its own): a line break of
 * any kind is quoted here. The data package writes its much larger tables by hand to the same
 * rule (data-package.ts, tested byte for byte against this).
 */
import { stringify } from 'csv-stringify/sync';

/** The options that make csv-stringify write RFC 4180 records as above. */
const rfc4180 = { record_delimiter: '\r\n', quoted_match: /[\r\n]/ } as const;

/** The records (arrays of cells, or objects as csv-stringify takes them) as CSV text. */
export function csvRecords(records: Parameters<typeof stringify>[0]): string {
  return stringify(records, rfc4180);
}
