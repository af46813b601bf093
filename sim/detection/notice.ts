import { Knows, Trait } from '../agents/Residents';
import { ResidentState } from '../core/Simulation';
import type { World } from '../core/World';
import { sampleDuration } from '../random/sample';
import type { DetectionRuntime } from './DetectionState';
import { raiseResidentReport } from './desk';
import type { HazardChanges } from './hazardChanges';
import { halfWidth } from './hazards';

/**
 * Half-widths (cells) of the rows of a disc of `rangeM` metres around a cell centre, for row offsets
 * 0..R: row offset d covers columns −w..w with w = result[d]. Cells count when their centres are in range.
 */
export function discHalfWidths(rangeM: number, cellSizeM: number): Int32Array {
  // A hair of slack so a range that is a whole number of cells is not lost to rounding (15 / 0.3).
  const r2 = (rangeM / cellSizeM) ** 2 * (1 + 1e-9);
  const reach = halfWidth(r2);
  const out = new Int32Array(reach + 1);
  for (let d = 0; d <= reach; d++) out[d] = halfWidth(r2 - d * d);
  return out;
}

/** A cell shows a hazard when some cue is there at a positive intensity. */
function visible(intensity: number, cue: number): boolean {
  return cue !== 0 && intensity > 0;
}

/**
 * Keep the notice mask (`seen`: cells within the notice range of a visible hazard cell) up to date with
 * the logged changes: each cell that became visible stamps the notice disc around it, row by row. A cell
 * that stopped being visible (a fire burnt out) cannot be unstamped, so the mask is then rebuilt.
 */
export function updateNoticeMask(world: World, rt: DetectionRuntime, log: HazardChanges): void {
  const intensity = world.hazardIntensity;
  const cues = world.hazardCue;
  const { cells, prevIntensity, prevCue } = log;
  let faded = false;
  for (let k = 0; k < log.count; k++) {
    const c = cells[k];
    const was = visible(prevIntensity[k], prevCue[k]);
    const now = visible(intensity[c], cues[c]);
    if (was === now) continue;
    if (now) {
      rt.visibleCells++;
      rt.seenGrew = true;
      stampDisc(world, rt, c);
    } else {
      rt.visibleCells--;
      faded = true;
    }
  }
  if (!faded) return;
  rt.seenGrew = true;
  rt.seen.fill(0);
  for (let c = 0; c < intensity.length; c++) if (visible(intensity[c], cues[c])) stampDisc(world, rt, c);
}

function stampDisc(world: World, rt: DetectionRuntime, cell: number): void {
  const { width, height } = world.grid;
  const half = rt.noticeHalfWidth;
  const seen = rt.seen;
  const reach = half.length - 1;
  const cx = cell % width;
  const cy = (cell - cx) / width;
  const y0 = Math.max(0, cy - reach);
  const y1 = Math.min(height - 1, cy + reach);
  for (let y = y0; y <= y1; y++) {
    const w = half[y > cy ? y - cy : cy - y];
    const row = y * width;
    seen.fill(1, row + Math.max(0, cx - w), row + Math.min(width - 1, cx + w) + 1);
  }
}

/**
 * Residents who are not safe and stand where a hazard can be seen notice it: they know they saw it (which
 * feeds belief and panic), wake up, and each calls the duty desk with `detection.reportProbability`, the
 * call arriving after a `detection.reportDelayS` draw. Each resident notices, and reports, at most once.
 * Residents only change cells by walking, so the scan is skipped on ticks when the mask has not grown and
 * nobody is walking or walked since the last scan.
 */
export function stepNoticing(world: World, rt: DetectionRuntime): void {
  const moving = world.counts.moving;
  const due = rt.seenGrew || moving > 0 || rt.movingAtLastScan > 0;
  rt.movingAtLastScan = moving;
  if (!due || rt.visibleCells === 0) return;
  rt.seenGrew = false;
  let scan = scans.get(rt);
  if (!scan) {
    scan = createNoticeScan(world, rt);
    scans.set(rt, scan);
  }
  scan();
}

/** One scan per run's detection state, made on first use. */
const scans = new WeakMap<DetectionRuntime, () => void>();

/**
 * The scan of one run, as a closure over its arrays (never replaced): while a process holds one run, V8
 * compiles the loop with them as constants (see createMovementKernel).
 */
function createNoticeScan(world: World, rt: DetectionRuntime): () => void {
  const r = world.residents;
  const { knows, cell, state, traits } = r;
  const count = r.count;
  const seen = rt.seen;
  const { reportProbability, reportDelayS } = world.scenario.detection;
  // Hoisted: in the hot loop these would be property loads on imported objects.
  const SAW = Knows.SawHazard;
  const REPORTED = Knows.Reported;
  const AWAKE = ~Trait.Asleep;
  const SAFE = ResidentState.Safe;
  return () => {
    for (let i = 0; i < count; i++) {
      if (!seen[cell[i]] || knows[i] & SAW || state[i] === SAFE) continue;
      knows[i] |= SAW;
      traits[i] &= AWAKE;
      // One draw per resident who notices, whatever the probability, so the stream stays aligned across settings.
      if (rt.reports.next() >= reportProbability || knows[i] & REPORTED) continue;
      knows[i] |= REPORTED;
      raiseResidentReport(world, i, sampleDuration(rt.reports, reportDelayS));
    }
  };
}
