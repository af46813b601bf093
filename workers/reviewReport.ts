import { buildReport, ReportInputError } from '../cli/report/buildReport';
import { renderReportHtml } from '../cli/report/renderHtml';
import { ReportRunError } from '../cli/report/runs';
import { loadScenarioText, type ScenarioError } from '../sim/index';
import type { ReviewRequest } from './reviewHost';

/** A plan item as the review page offers it: its text and its strategy file, ready to download. */
export interface ReportPlanItem {
  index: number;
  text: string;
  fileName: string;
  json: string;
}

export type ReportReply =
  | { ok: true; html: string; fileName: string; plan: ReportPlanItem[]; objectives: { title: string; status: string }[] }
  | { ok: false; errors: ScenarioError[] };

/**
 * The after-action report of the run under review, built in the review worker exactly as `drill report`
 * builds it: the same data, the same self-contained HTML page, and each improvement as a strategy file.
 * Problems come back as data, never thrown.
 */
export function buildReviewReport(request: ReviewRequest): ReportReply {
  const loaded = loadScenarioText(request.text);
  if (!loaded.ok) return loaded;
  const scenario = loaded.scenario;
  const fromRecord = request.endTick !== undefined;
  try {
    const report = buildReport({
      scenario,
      seed: request.seed,
      strategy: request.strategy ?? null,
      entries: request.entries,
      drillEndTick: fromRecord ? (request.endTick as number) : null,
      untilS: request.untilS,
    });
    return {
      ok: true,
      html: renderReportHtml(report),
      fileName: `after-action-report-${scenario.id}-seed-${request.seed}.html`,
      plan: report.plan.map((item) => ({
        index: item.index,
        text: item.text,
        fileName: `${item.strategyFile.strategy.id}.json`,
        json: `${JSON.stringify(item.strategyFile, null, 2)}\n`,
      })),
      objectives: report.objectives.map((o) => ({ title: o.title, status: o.status })),
    };
  } catch (error) {
    if (error instanceof ReportInputError) return { ok: false, errors: [{ path: error.path, message: error.message, hint: error.hint }] };
    if (error instanceof ReportRunError) {
      return {
        ok: false,
        errors: [
          {
            path: `entries[${error.entry}]`,
            message: `the run refused this command on replay: ${error.message}`,
            hint: 'check the record was made with this scenario',
          },
        ],
      };
    }
    throw error;
  }
}
