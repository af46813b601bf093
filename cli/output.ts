import type { ScenarioError } from '../sim/index';

/** Write a line to stdout (results). */
export function out(line = ''): void {
  process.stdout.write(`${line}\n`);
}

/** Write a line to stderr (problems and progress), so stdout stays clean for pipes and --json. */
export function err(line = ''): void {
  process.stderr.write(`${line}\n`);
}

/**
 * Print one JSON document on stdout and nothing else: indented, but with lists of plain values, and lists
 * of such lists, on one line, so a run's time series ([[0, 0], [5, 0.1], ...]) does not fill thousands of lines.
 */
export function printJson(value: unknown): void {
  process.stdout.write(`${formatJson(value)}\n`);
}

/** The text `printJson` prints. */
export function formatJson(value: unknown): string {
  // JSON strings never hold raw newlines, so only the layout between values is touched. The first pass
  // joins lists of plain values; the second, lists whose items are all such one-line lists.
  const join = (list: string) => list.replace(/\n\s*/g, ' ').replace(/^\[ /, '[').replace(/ \]$/, ']');
  return JSON.stringify(value, null, 2)
    .replace(/\[[^[\]{}]*\]/g, join)
    .replace(/\[\s*(?:\[[^[\]{}\n]*\],?\s*)+\]/g, join);
}

/** `FILE: json.path: message — hint`, one line per error. */
export function formatErrors(file: string, errors: readonly ScenarioError[]): string[] {
  return errors.map((e) => `${file}: ${e.path}: ${e.message}${e.hint ? ` — ${e.hint}` : ''}`);
}

/** Columns padded to their widest cell; columns listed in `right` are right-aligned (numbers). */
export function formatTable(rows: readonly (readonly string[])[], right: readonly number[] = [], indent = ''): string[] {
  const widths: number[] = [];
  for (const row of rows) {
    for (let c = 0; c < row.length; c++) widths[c] = Math.max(widths[c] ?? 0, row[c].length);
  }
  return rows.map(
    (row) =>
      indent +
      row
        .map((cell, c) => (right.includes(c) ? cell.padStart(widths[c]) : cell.padEnd(widths[c])))
        .join('  ')
        .trimEnd(),
  );
}

/** Seconds for people: "41.25 s", or "not reached". */
export function formatSeconds(seconds: number | null): string {
  return seconds === null ? 'not reached' : `${formatNumber(seconds)} s`;
}

/** A number with thousands separators and at most `digits` decimals, the same on every machine. */
export function formatNumber(value: number, digits = 2): string {
  return value.toLocaleString('en-US', { maximumFractionDigits: digits });
}

/** A share as a percentage with one decimal: "97.2%". */
export function formatPercent(share: number): string {
  return `${(share * 100).toFixed(1)}%`;
}
