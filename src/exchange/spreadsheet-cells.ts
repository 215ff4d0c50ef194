/**
 * Cells of CSV files people open in a spreadsheet: a cell starting with = + - @ (or a tab or
 * carriage return) would run as a formula there, so a leading quote defuses it. The submissions'
 * exports, the registry's CSV and a round's open data write their cells through it.
 */
export function defuseFormula(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}
