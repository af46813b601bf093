import { Trait } from '../agents/Residents';
import { type Metrics, ResidentState } from '../core/Simulation';
import type { World } from '../core/World';
import { readGovernanceMetrics } from '../governance/metrics';
import { volunteerStats } from '../volunteers/stats';
import { accumulateHeat } from './heat';
import { readSeries, sampleSeries } from './series';

const THRESHOLDS = [0.5, 0.9, 1] as const;

/** Record the safe-share thresholds reached this tick and the periodic safe-share sample. */
export function stepMetrics(world: World): void {
  const n = world.residents.count;
  const endS = (world.tick + 1) * world.tickS;
  if (n > 0) {
    for (let k = 0; k < THRESHOLDS.length; k++) {
      if (world.safeThresholdS[k] < 0 && world.counts.safe >= Math.ceil(THRESHOLDS[k] * n)) world.safeThresholdS[k] = endS;
    }
  }
  // The safe and informed shares over time are sampled with the series (every metricsEveryS) and thinned
  // with it, so a run of any length keeps at most MAX_SERIES_SAMPLES of each.
  const everyTicks = world.series.everyTicks;
  sampleSeries(world);
  if (world.series.everyTicks !== everyTicks) {
    thinPairs(world.safeShareOverTime);
    thinPairs(world.warning.informedShareOverTime);
  }
  if ((world.tick + 1) % world.series.everyTicks === 0) {
    world.safeShareOverTime.push([round(endS), shareOf(world)]);
    world.warning.informedShareOverTime.push([round(endS), n === 0 ? 0 : world.warning.informed / n]);
  }
  accumulateHeat(world);
}

/** Keep every second sample (those on the doubled interval), as the series does when it thins. */
function thinPairs(samples: [number, number][]): void {
  let kept = 0;
  for (let k = 1; k < samples.length; k += 2) samples[kept++] = samples[k];
  samples.length = kept;
}

function shareOf(world: World): number {
  const n = world.residents.count;
  return n === 0 ? 0 : world.counts.safe / n;
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

const orNull = (seconds: number) => (seconds < 0 ? null : round(seconds));

/** The metrics of a world now, as plain data. */
export function readMetrics(world: World): Metrics {
  const { counts, grid } = world;
  const w = world.warning;
  const n = world.residents.count;
  const safeByPlace: Record<string, number> = {};
  for (const p of grid.places) if (p.kind === 'exit' || p.kind === 'shelter') safeByPlace[p.id] = world.safeByPlace[p.index];
  return {
    residents: world.residents.count,
    safe: counts.safe,
    moving: counts.moving,
    preparing: counts.preparing,
    idle: counts.idle,
    safeShare: shareOf(world),
    firstOrderS: orNull(world.firstOrderS),
    timeTo50PctSafeS: orNull(world.safeThresholdS[0]),
    timeTo90PctSafeS: orNull(world.safeThresholdS[1]),
    timeTo100PctSafeS: orNull(world.safeThresholdS[2]),
    safeShareOverTime: [[0, 0], ...world.safeShareOverTime].map(([t, s]) => [t, s]),
    safeByPlace,
    sheltering: counts.sheltering,
    awaitingHelp: counts.awaitingHelp,
    firstDetectionS: orNull(world.detection.firstDetectionS),
    firstRealDetectionS: orNull(world.detection.firstRealDetectionS),
    confirmedS: orNull(world.detection.confirmedS),
    decisionS: orNull(w.planStartedS),
    falseAlarms: world.detection.falseAlarms,
    residentReports: world.detection.residentReports,
    firstOfficialWarningS: orNull(w.firstOfficialWarningS),
    informedShare: n === 0 ? 0 : w.informed / n,
    informedShareOverTime: [[0, 0], ...w.informedShareOverTime],
    compliedShare: n === 0 ? 0 : w.acting / n,
    ...vulnerableCounts(world),
    rumourReach: n === 0 ? 0 : w.heardRumour / n,
    meanPanic: round(w.meanPanic),
    peakPanic: round(w.peakPanic),
    meanTrust: round(w.meanTrust),
    injured: world.harm.injured,
    deceased: world.harm.deceased,
    trapped: world.harm.trapped,
    rescued: rescuedCount(world),
    exposurePersonS: round(world.harm.exposurePersonS),
    series: readSeries(world.series),
    hazards: Object.fromEntries(world.hazardModules.map((m) => [m.id, m.report()])),
    volunteers: volunteerStats(world),
    ...readGovernanceMetrics(world),
  };
}

/** Vulnerable residents, those a warning or a volunteer reached, and those safe. */
function vulnerableCounts(world: World): { vulnerable: number; vulnerableReached: number; vulnerableSafe: number } {
  const { traits, heardAtS, state, count } = world.residents;
  let vulnerable = 0;
  let vulnerableReached = 0;
  let vulnerableSafe = 0;
  for (let i = 0; i < count; i++) {
    if (!(traits[i] & Trait.Vulnerable)) continue;
    vulnerable++;
    if (heardAtS[i] < Infinity || state[i] !== ResidentState.Idle) vulnerableReached++;
    if (state[i] === ResidentState.Safe) vulnerableSafe++;
  }
  return { vulnerable, vulnerableReached, vulnerableSafe };
}

/** Trapped residents no longer waiting for help and alive: freed by a volunteer. */
function rescuedCount(world: World): number {
  if (world.harm.trapped === 0) return 0;
  const { traits, state, count } = world.residents;
  let rescued = 0;
  for (let i = 0; i < count; i++) {
    if (traits[i] & Trait.Trapped && state[i] !== ResidentState.AwaitingHelp && state[i] !== ResidentState.Deceased) rescued++;
  }
  return rescued;
}
