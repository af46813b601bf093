import type { World } from '../core/World';
import type { Random } from '../random/Random';
import type { Sensor } from '../scenario/schemaWarning';
import type { Grid } from '../space/Grid';
import type { DetectionRuntime } from './DetectionState';
import { raiseSensorAlert } from './desk';
import type { HazardChanges } from './hazardChanges';
import { Cue } from './hazards';

/** Which hazard cues each kind of sensor responds to. */
const CUES_SEEN = { smoke: Cue.Fire | Cue.Smoke, gas: Cue.Gas, waterLevel: Cue.Water, camera: Cue.Fire | Cue.Smoke | Cue.Water } as const;
const LABELS = { smoke: 'Smoke sensor', gas: 'Gas sensor', waterLevel: 'Water-level sensor', camera: 'Camera' } as const;
const SECONDS_PER_DAY = 86_400;

/** Where a sensor is in its current hazard episode. */
export const Episode = { None: 0, Tripped: 1, Missed: 2 } as const;

/**
 * The scenario's sensors as parallel arrays, resolved for the run. A sensor watches the cells whose centre
 * lies within its coverage of its own cell's centre: `hot` counts those where a cue it responds to has
 * reached its threshold, kept up to date from the hazard change log (never by rescanning its disc).
 */
export interface SensorArrays {
  count: number;
  ids: string[];
  /** Feed title stem, e.g. "Smoke sensor S3" (kind and name, or id). */
  labels: string[];
  x: Int32Array;
  y: Int32Array;
  cell: Int32Array;
  /** Coverage radius in cells, squared (with a hair of slack against rounding), and its whole part. */
  reach2: Float64Array;
  reach: Int32Array;
  cueMask: Uint8Array;
  threshold: Float32Array;
  delayS: Float64Array;
  missProbability: Float64Array;
  /** False alarms per second. */
  falseRatePerS: Float64Array;
  /** Outages of sensor k are entries outageStart[k] .. outageStart[k + 1] - 1 of outageFrom/outageTo, s. */
  outageStart: Int32Array;
  outageFrom: Float64Array;
  outageTo: Float64Array;
  /** Watched cells where the hazard is over the threshold now. */
  hot: Int32Array;
  /** Episode state (Episode): an episode starts when `hot` leaves 0 and ends when it returns to 0. */
  episode: Uint8Array;
  /** Time of each sensor's next false alarm (a Poisson process), and the earliest of them, s. */
  nextFalseS: Float64Array;
  nextFalseMinS: number;
  /** Scratch: indexes of sensors near the changed cells. */
  near: Int32Array;
}

/** Resolve the scenario's sensors on the grid and draw each one's first false-alarm time. */
export function buildSensors(sensors: readonly Sensor[], grid: Grid, falseAlarms: Random): SensorArrays {
  const n = sensors.length;
  const out: SensorArrays = {
    count: n,
    ids: sensors.map((s) => s.id),
    labels: sensors.map((s) => `${LABELS[s.kind]} ${s.name ?? s.id}`),
    x: Int32Array.from(sensors, (s) => s.at.x),
    y: Int32Array.from(sensors, (s) => s.at.y),
    cell: Int32Array.from(sensors, (s) => Math.min(s.at.y, grid.height - 1) * grid.width + Math.min(s.at.x, grid.width - 1)),
    reach2: Float64Array.from(sensors, (s) => (s.coverageM / grid.cellSizeM) ** 2 * (1 + 1e-9)),
    reach: Int32Array.from(sensors, (s) => Math.floor((s.coverageM / grid.cellSizeM) * (1 + 1e-9))),
    cueMask: Uint8Array.from(sensors, (s) => CUES_SEEN[s.kind]),
    threshold: Float32Array.from(sensors, (s) => s.threshold),
    delayS: Float64Array.from(sensors, (s) => s.delayS),
    missProbability: Float64Array.from(sensors, (s) => s.missProbability),
    falseRatePerS: Float64Array.from(sensors, (s) => s.falseAlarmsPerDay / SECONDS_PER_DAY),
    outageStart: new Int32Array(n + 1),
    outageFrom: Float64Array.from(sensors.flatMap((s) => s.outages.map((o) => o.fromS))),
    outageTo: Float64Array.from(sensors.flatMap((s) => s.outages.map((o) => o.toS))),
    hot: new Int32Array(n),
    episode: new Uint8Array(n),
    nextFalseS: new Float64Array(n),
    nextFalseMinS: Infinity,
    near: new Int32Array(n),
  };
  for (let k = 0; k < n; k++) out.outageStart[k + 1] = out.outageStart[k] + sensors[k].outages.length;
  for (let k = 0; k < n; k++) out.nextFalseS[k] = exponentialWait(falseAlarms, out.falseRatePerS[k]);
  out.nextFalseMinS = minOf(out.nextFalseS);
  return out;
}

/** Whether sensor `k` works at time `timeS` (not in one of its outages, which run from fromS up to toS). */
export function isOnline(s: SensorArrays, k: number, timeS: number, powerOff?: Uint8Array): boolean {
  // A power cut over the sensor's cell switches it off too.
  if (powerOff?.length && powerOff[s.cell[k]]) return false;
  for (let o = s.outageStart[k]; o < s.outageStart[k + 1]; o++) if (timeS >= s.outageFrom[o] && timeS < s.outageTo[o]) return false;
  return true;
}

/**
 * Bring each sensor's count of hot watched cells up to date with the logged changes. Only sensors whose
 * coverage reaches the changes' bounding box are looked at, so a fire growing in one corner costs nothing
 * for sensors elsewhere.
 */
export function updateSensorHeat(s: SensorArrays, log: HazardChanges, width: number, intensity: Float32Array, cues: Uint8Array): void {
  if (s.count === 0 || log.count === 0) return;
  const { cells, prevIntensity, prevCue } = log;
  let x0 = Infinity;
  let x1 = -Infinity;
  let y0 = Infinity;
  let y1 = -Infinity;
  for (let k = 0; k < log.count; k++) {
    const x = cells[k] % width;
    const y = (cells[k] - x) / width;
    if (x < x0) x0 = x;
    if (x > x1) x1 = x;
    if (y < y0) y0 = y;
    if (y > y1) y1 = y;
  }
  const near = s.near;
  let nearCount = 0;
  for (let j = 0; j < s.count; j++) {
    const r = s.reach[j];
    if (s.x[j] + r >= x0 && s.x[j] - r <= x1 && s.y[j] + r >= y0 && s.y[j] - r <= y1) near[nearCount++] = j;
  }
  if (nearCount === 0) return;
  for (let k = 0; k < log.count; k++) {
    const c = cells[k];
    const x = c % width;
    const y = (c - x) / width;
    const nowI = intensity[c];
    const nowCue = cues[c];
    const wasI = prevIntensity[k];
    const wasCue = prevCue[k];
    for (let m = 0; m < nearCount; m++) {
      const j = near[m];
      const dx = x - s.x[j];
      const dy = y - s.y[j];
      if (dx * dx + dy * dy > s.reach2[j]) continue;
      const mask = s.cueMask[j];
      const t = s.threshold[j];
      const was = (wasCue & mask) !== 0 && wasI >= t ? 1 : 0;
      const now = (nowCue & mask) !== 0 && nowI >= t ? 1 : 0;
      if (was === now) continue;
      s.hot[j] += now - was;
    }
  }
}

/**
 * Sensors that see a hazard and have not yet tripped (or missed) in this episode trip now, if they are
 * online and the sensors lever is on; each draws once per episode whether it misses. A tripped sensor's
 * alert leaves for the duty desk now and arrives after the sensor's delay.
 */
export function tripSensors(world: World, rt: DetectionRuntime, nowS: number): void {
  const s = rt.sensors;
  const installed = world.warning.levers.sensors;
  for (let k = 0; k < s.count; k++) {
    if (s.hot[k] === 0) {
      // Nothing over the threshold in its coverage: the episode is over, a new hazard is a new episode.
      s.episode[k] = Episode.None;
      continue;
    }
    if (!installed || s.episode[k] !== Episode.None || !isOnline(s, k, nowS, world.outages.powerOff)) continue;
    if (rt.misses.next() < s.missProbability[k]) {
      s.episode[k] = Episode.Missed;
      continue;
    }
    s.episode[k] = Episode.Tripped;
    raiseSensorAlert(world, k, true);
  }
}

/**
 * False alarms up to `nowS`: each sensor's alarms form a Poisson process at its rate, and an alarm that
 * falls while the sensor is off (outage, or sensors not installed) is dropped, so the count is the rate
 * times the time online. Each false alarm leaves for the duty desk like a real alert.
 */
export function stepFalseAlarms(world: World, rt: DetectionRuntime, nowS: number): void {
  const s = rt.sensors;
  if (nowS < s.nextFalseMinS) return;
  const installed = world.warning.levers.sensors;
  for (let k = 0; k < s.count; k++) {
    while (s.nextFalseS[k] <= nowS) {
      if (installed && isOnline(s, k, s.nextFalseS[k], world.outages.powerOff)) raiseSensorAlert(world, k, false);
      s.nextFalseS[k] += exponentialWait(rt.falseAlarms, s.falseRatePerS[k]);
    }
  }
  s.nextFalseMinS = minOf(s.nextFalseS);
}

/** An Exp(rate) waiting time, s; Infinity for a zero rate. */
function exponentialWait(random: Random, ratePerS: number): number {
  const u = random.next();
  return ratePerS > 0 ? -Math.log(1 - u) / ratePerS : Infinity;
}

function minOf(values: Float64Array): number {
  let min = Infinity;
  for (let k = 0; k < values.length; k++) if (values[k] < min) min = values[k];
  return min;
}
