import { ResidentState } from '../core/Simulation';
import type { World } from '../core/World';
import type { InjectMetric } from '../scenario/schemaInject';
import type { InjectRuntime, InjectState } from './InjectState';

/** Residents per m² not yet safe over the ground a crowding condition measures. */
export function crowdingPpm2(world: World, inject: InjectRuntime): number {
  if (inject.areaM2 <= 0) return 0;
  let people = 0;
  for (const c of inject.cells) people += world.occupancy[c];
  return people / inject.areaM2;
}

/** A figure of the run now, as the metrics report it (shares 0 to 1, counts in residents). */
export function metricValue(world: World, metric: InjectMetric): number {
  const n = world.residents.count;
  const share = (count: number) => (n === 0 ? 0 : count / n);
  switch (metric) {
    case 'safeShare':
      return share(world.counts.safe);
    case 'informedShare':
      return share(world.warning.informed);
    case 'compliedShare':
      return share(world.warning.acting);
    case 'rumourReach':
      return share(world.warning.heardRumour);
    case 'safe':
      return world.counts.safe;
    case 'sheltering':
      return world.counts.sheltering;
    case 'awaitingHelp':
      return world.counts.awaitingHelp;
    case 'injured':
      return world.harm.injured;
    case 'deceased':
      return world.harm.deceased;
    case 'trapped':
      return world.harm.trapped;
  }
}

/** The phase of the run, as the metrics report it: without organisations, response once a real hazard is reported or the plan starts. */
export function phaseOf(world: World): string {
  if (world.governance) return world.governance.phase;
  return world.detection.firstRealDetectionS >= 0 || world.warning.planStartedS >= 0 ? 'response' : 'monitoring';
}

/** Share of a stillHome condition's residents who have not left home: not moving, safe or dead. */
export function stillHomeShare(world: World, inject: InjectRuntime): number {
  const { counts } = world;
  if (inject.spec.condition?.kind === 'stillHome' && inject.spec.condition.zone === 'all') {
    const n = world.residents.count;
    return n === 0 ? 0 : (counts.idle + counts.preparing + counts.sheltering + counts.awaitingHelp) / n;
  }
  const list = inject.residents;
  if (list.length === 0) return 0;
  const state = world.residents.state;
  let home = 0;
  for (const i of list) {
    const s = state[i];
    if (s === ResidentState.Idle || s === ResidentState.Preparing || s === ResidentState.Sheltering || s === ResidentState.AwaitingHelp) home++;
  }
  return home / list.length;
}

/** Whether an inject's condition holds now (ignoring how long it must hold). */
export function conditionHolds(world: World, state: InjectState, inject: InjectRuntime): boolean {
  const condition = inject.spec.condition;
  const timeS = world.tick * world.tickS;
  switch (condition?.kind) {
    case undefined:
      return true;
    case 'crowding':
      return crowdingPpm2(world, inject) > condition.abovePersonsPerM2;
    case 'metric': {
      const value = metricValue(world, condition.metric);
      return (condition.atLeast === undefined || value >= condition.atLeast) && (condition.atMost === undefined || value <= condition.atMost);
    }
    case 'phase':
      return phaseOf(world) === condition.phase;
    case 'stillHome':
      return stillHomeShare(world, inject) >= condition.shareAtLeast;
    case 'after': {
      const other = state.list[inject.afterIndex];
      // Half a tick of slack, as for timed events: "60 s after" fires at the tick nearest to it.
      return other !== undefined && other.status === 'fired' && other.settledS + condition.afterS <= timeS + world.tickS * 0.5;
    }
  }
}
