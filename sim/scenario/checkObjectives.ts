import { checkUnique } from './checkRefs';
import type { ScenarioError } from './ScenarioError';
import type { Scenario } from './schema';
import { type Criterion, OBJECTIVE_METRICS } from './schemaObjectives';

/**
 * Check the objectives beyond the schema: unique ids; each criterion with exactly one target, shares
 * written as 0 to 1, a "partly" target on the looser side, and a time within the run.
 */
export function checkObjectives(scenario: Scenario, errors: ScenarioError[]): void {
  checkUnique(
    scenario.objectives.map((o) => o.id),
    'objectives',
    'objective',
    errors,
  );
  scenario.objectives.forEach((objective, i) => {
    objective.criteria.forEach((criterion, k) => {
      checkCriterion(criterion, `objectives[${i}].criteria[${k}]`, scenario.simulation.durationS, errors);
    });
  });
}

function checkCriterion(criterion: Criterion, path: string, durationS: number, errors: ScenarioError[]): void {
  const { metric, atLeast, atMost, partly, byS } = criterion;
  const info = OBJECTIVE_METRICS[metric];
  if ((atLeast === undefined) === (atMost === undefined)) {
    const better = info.better === 'lower' ? 'atMost' : 'atLeast';
    errors.push({
      path,
      message: atLeast === undefined ? `the criterion on ${metric} has no target` : `the criterion on ${metric} has both atLeast and atMost`,
      hint: `give exactly one: "${better}" suits ${metric}; write a second criterion for a range`,
    });
    return;
  }
  const bound = atLeast === undefined ? 'atMost' : 'atLeast';
  const value = (atLeast ?? atMost) as number;
  if (info.kind === 'share' || info.kind === 'index') {
    for (const [key, v] of [
      [bound, value],
      ['partly', partly],
    ] as const) {
      if (v !== undefined && v > 1) errors.push({ path: `${path}.${key}`, message: `${metric} is between 0 and 1`, hint: `write ${v / 100} for ${v}%` });
    }
  }
  if (partly !== undefined && (bound === 'atLeast' ? partly > value : partly < value)) {
    errors.push({
      path: `${path}.partly`,
      message: `"partly" (${partly}) is stricter than the target (${bound} ${value})`,
      hint: bound === 'atLeast' ? `give a value below ${value}, or leave it out` : `give a value above ${value}, or leave it out`,
    });
  }
  if (byS !== undefined && byS > durationS) {
    errors.push({
      path: `${path}.byS`,
      message: `${byS} s is after the end of the run (simulation.durationS is ${durationS} s)`,
      hint: `give a time up to ${durationS}, or leave byS out to judge the figure at the end`,
    });
  }
}
