import { crowdingArea } from '../injects/InjectState';
import type { Grid } from '../space/Grid';
import { checkRect, checkUnique, requirePlace } from './checkRefs';
import { requireId } from './checkWarning';
import { LIMITS } from './limits';
import type { ScenarioError } from './ScenarioError';
import type { Scenario, ScenarioAction } from './schema';
import { type InjectCondition, SHARE_METRICS } from './schemaInject';

/**
 * Check the injects beyond the schema: unique ids, the places, rectangles and injects their conditions
 * name, ranges that can be met, and no injects that wait for each other. Their effects are checked like
 * timeline events (see check.ts).
 */
export function checkInjects(scenario: Scenario, grid: Grid, errors: ScenarioError[]): void {
  const ids = scenario.injects.map((inject) => inject.id);
  checkUnique(ids, 'injects', 'inject', errors);
  scenario.injects.forEach((inject, i) => {
    if (inject.condition) checkCondition(inject.condition, inject.id, `injects[${i}].condition`, grid, ids, errors);
  });
  checkWaits(scenario, errors);
  checkInjectTargets(scenario, errors);
}

function checkCondition(condition: InjectCondition, self: string, path: string, grid: Grid, ids: readonly string[], errors: ScenarioError[]): void {
  switch (condition.kind) {
    case 'crowding': {
      if ((condition.place === undefined) === (condition.rect === undefined)) {
        errors.push({
          path,
          message: 'a crowding condition measures either a place or a rectangle',
          hint: 'give "place" (a zone, building, exit or shelter id) or "rect" ({ "x", "y", "w", "h" } in cells), not both',
        });
        return;
      }
      if (condition.place !== undefined && !requirePlace(grid, condition.place, ['zone', 'building', 'exit', 'shelter'], `${path}.place`, errors)) return;
      if (condition.rect && !checkRect(condition.rect, `${path}.rect`, grid, errors)) return;
      if (crowdingArea(condition, grid).areaM2 === 0) {
        errors.push({
          path,
          message: 'there is no walkable ground to measure the crowd on here',
          hint: 'measure open ground, roads or buildings; for an exit or shelter, a larger aroundM reaches the ground in front of it',
        });
      }
      return;
    }
    case 'metric': {
      if (condition.atLeast === undefined && condition.atMost === undefined) {
        errors.push({ path, message: `the condition on ${condition.metric} has no threshold`, hint: 'add "atLeast" or "atMost" (or both)' });
        return;
      }
      const isShare = SHARE_METRICS.includes(condition.metric);
      for (const bound of ['atLeast', 'atMost'] as const) {
        const value = condition[bound];
        if (isShare && value !== undefined && value > 1)
          errors.push({ path: `${path}.${bound}`, message: `${condition.metric} is a share between 0 and 1`, hint: `write ${value / 100} for ${value}%` });
      }
      if (condition.atLeast !== undefined && condition.atMost !== undefined && condition.atLeast > condition.atMost)
        errors.push({
          path: `${path}.atMost`,
          message: `atMost (${condition.atMost}) is below atLeast (${condition.atLeast}): it can never hold`,
          hint: 'swap the two values',
        });
      return;
    }
    case 'stillHome':
      if (condition.zone !== 'all') requirePlace(grid, condition.zone, ['zone', 'building'], `${path}.zone`, errors);
      return;
    case 'after':
      if (condition.inject === self) errors.push({ path: `${path}.inject`, message: 'an inject cannot wait for itself', hint: 'name another inject' });
      else requireId(condition.inject, ids, 'inject', `${path}.inject`, errors);
      return;
    case 'phase':
      return;
  }
}

/** Injects that wait for each other ("after" in a ring) would never fire. */
function checkWaits(scenario: Scenario, errors: ScenarioError[]): void {
  const index = new Map(scenario.injects.map((inject, i) => [inject.id, i]));
  const waitsFor = scenario.injects.map((inject) => (inject.condition?.kind === 'after' ? (index.get(inject.condition.inject) ?? -1) : -1));
  const reported = new Set<number>();
  waitsFor.forEach((_, start) => {
    const seen: number[] = [];
    let i = start;
    while (i >= 0 && !seen.includes(i)) {
      seen.push(i);
      i = waitsFor[i];
    }
    if (i !== start || reported.has(start) || waitsFor[start] === start) return;
    for (const k of seen) reported.add(k);
    const names = seen.map((k) => scenario.injects[k].id);
    errors.push({
      path: `injects[${start}].condition.inject`,
      message: `injects ${names.map((n) => `"${n}"`).join(', ')} wait for each other, so none of them would ever fire`,
      hint: 'give one of them a time or another condition',
    });
  });
}

/** Evacuation targets named in inject effects need distance fields too: keep a run within the limit. */
function checkInjectTargets(scenario: Scenario, errors: ScenarioError[]): void {
  const targets = (actions: readonly ScenarioAction[]) => actions.flatMap((a) => (a.kind === 'evacuate' ? [a.target] : []));
  const fromInjects = scenario.injects.flatMap((inject) => targets(inject.effects));
  if (fromInjects.length === 0) return;
  const runs = scenario.strategies.length ? scenario.strategies.map((s) => s.timeline) : [[]];
  for (const run of runs) {
    const distinct = new Set([...targets(scenario.timeline), ...targets(run), ...fromInjects]).size;
    if (distinct > LIMITS.evacuationTargets) {
      errors.push({
        path: 'injects',
        message: `with the injects' evacuation orders a run uses ${distinct} different evacuation targets, more than the ${LIMITS.evacuationTargets} allowed`,
        hint: 'send people to "nearest-safe", "nearest-exit" or "nearest-shelter" instead of naming every place',
      });
      return;
    }
  }
}
