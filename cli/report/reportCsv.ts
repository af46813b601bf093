import { csvField } from '../sweep/csv';
import type { AfterActionReport, ReportSeries } from './reportTypes';

export const REPORT_CSV_COLUMNS = ['section', 'run', 'name', 'timeS', 'value', 'status'] as const;

/**
 * The report's data as one long CSV table (RFC 4180, CRLF), ready to filter or pivot in a spreadsheet or a
 * data frame: "figure" rows (each key figure of each run at the end), "objective" rows (each criterion of the
 * drill and the reference, with its status) and "series" rows (the drill's and the reference's figures over
 * time). A value not reached is an empty field.
 */
export function reportToCsv(report: AfterActionReport): string {
  const rows: (string | number | null)[][] = [[...REPORT_CSV_COLUMNS]];
  for (const figure of report.figures) {
    for (const run of report.runs) rows.push(['figure', run.id, figure.metric, null, figure.values[run.id] ?? null, null]);
  }
  for (const objective of report.objectives) {
    for (const c of objective.criteria) rows.push(['objective', 'drill', `${objective.id}/${c.metric}`, c.atS, c.value, c.status]);
    rows.push(['objective', 'drill', objective.id, null, null, objective.status]);
    rows.push(['objective', report.reference.id, objective.id, null, null, objective.referenceStatus]);
  }
  seriesRows(rows, 'drill', report.series.drill);
  seriesRows(rows, report.reference.id, report.series.reference);
  return rows.map((fields) => `${fields.map(csvField).join(',')}\r\n`).join('');
}

function seriesRows(rows: (string | number | null)[][], run: string, series: ReportSeries): void {
  const columns = ['informedShare', 'safeShare', 'exposurePersonS', 'inDanger', 'injured', 'deceased'] as const;
  series.t.forEach((t, k) => {
    for (const name of columns) rows.push(['series', run, name, t, series[name][k], null]);
  });
  for (const [t, needed, delivered, occupancy] of series.supplies) {
    rows.push(
      ['series', run, 'suppliesNeeded', t, needed, null],
      ['series', run, 'suppliesDelivered', t, delivered, null],
      ['series', run, 'shelterOccupancy', t, occupancy, null],
    );
  }
}
