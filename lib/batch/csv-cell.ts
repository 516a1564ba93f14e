import { stringify } from 'csv-stringify/sync';

/**
 * A cell a spreadsheet will show as text, never run: one starting with = + - @ (or a tab or carriage return
 * before them) is a formula to Excel, LibreOffice and Sheets (CSV injection), so it gets a leading apostrophe.
 */
export function inertCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value !== 'string') return String(value);
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** Rows as a CSV file for spreadsheets: a BOM (so Excel reads UTF-8), CRLF line ends, every cell made inert. */
export function toCsv(header: readonly string[], rows: readonly (readonly (string | number | boolean | null | undefined)[])[]): string {
  return stringify([header.map(inertCell), ...rows.map((row) => row.map(inertCell))], { bom: true, record_delimiter: 'windows', quoted_match: /[",\r\n;]/ });
}
