import type { DecisionMetric, InjectView } from '../../sim/index';
import type { RunFrame } from '../../workers/simWorker';
import type { DrillState } from '../store';

const INJECT_FIELDS = ['id', 'status', 'dueS', 'firedS', 'skippedS', 'holdingSinceS'] as const satisfies readonly (keyof InjectView)[];
const DECISION_FIELDS = [
  'decision',
  'subject',
  'requestedS',
  'latencyS',
  'approvalWaitS',
  'approver',
  'refusals',
] as const satisfies readonly (keyof DecisionMetric)[];

/** Whether two lists hold the same rows, compared on the fields that change during a run. */
function sameRows<T>(a: readonly T[], b: readonly T[], fields: readonly (keyof T)[]): boolean {
  return a.length === b.length && a.every((row, i) => fields.every((field) => row[field] === b[i][field]));
}

/**
 * The injects and decisions of a frame for the store: the previous arrays again when nothing changed, so
 * the console and the panels that watch them are rebuilt only when an inject or a decision moved on.
 */
export function liveListsOf(state: Pick<DrillState, 'injects' | 'decisions'>, frame: RunFrame): Pick<DrillState, 'injects' | 'decisions'> {
  const injects = frame.injects ?? [];
  const decisions = frame.metrics.decisions ?? [];
  return {
    injects: sameRows(state.injects, injects, INJECT_FIELDS) ? state.injects : injects,
    decisions: sameRows(state.decisions, decisions, DECISION_FIELDS) ? state.decisions : decisions,
  };
}
