import { stringify as stringifyStream, type Stringifier } from 'csv-stringify';
import { stringify } from 'csv-stringify/sync';

// A cell starting with one of these is a formula to Excel, LibreOffice and Google Sheets
// (`=HYPERLINK(...)`, `@SUM(...)`, `-2+3`), or hides one behind a tab or a line break.
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Text as a spreadsheet shows it and never runs it: a leading apostrophe makes the cell plain
 * text (OWASP's advice for CSV injection). Numbers are written as numbers, so -3 stays -3.
 */
export function neutraliseFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

const options = { cast: { string: neutraliseFormula }, bom: true } as const;

/** The CSV every export writes: a header line, a byte-order mark for Excel, formulas disarmed. */
export function csvDocument(headers: string[], rows: unknown[][]): string {
  return stringify(rows, { ...options, header: true, columns: headers });
}

/** The same, written row by row to a stream for long exports. */
export function csvStream(headers: string[]): Stringifier {
  return stringifyStream({ ...options, header: true, columns: headers });
}
