import { IDENTITY_COLUMNS, type SweepRow } from './sweepJob';

/**
 * Rows as CSV (RFC 4180): a header line, one line per run, CRLF line ends; fields holding a comma, a quote
 * or a line break are quoted with quotes doubled. A metric not reached (null) is an empty field.
 */
export function rowsToCsv(rows: readonly SweepRow[], metricColumns: readonly string[]): string {
  const columns = [...IDENTITY_COLUMNS, ...metricColumns];
  const lines = [columns.map(csvField), ...rows.map((row) => columns.map((column) => csvField(row[column] ?? null)))];
  return lines.map((fields) => `${fields.join(',')}\r\n`).join('');
}

export function csvField(value: string | number | null): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
