import type { World } from '../core/World';
import { raiseVolunteerReport, stepDesk } from './desk';
import { clearHazardChanges, logWholeField } from './hazardChanges';
import { stepNoticing, updateNoticeMask } from './notice';
import { stepFalseAlarms, tripSensors, updateSensorHeat } from './sensors';
import { ensureDetection } from './setup';

/** From a patrol's call to the duty desk, s: trained volunteers with a radio or phone report fast. */
export const VOLUNTEER_REPORT_DELAY_S = 30;

/**
 * One tick of monitoring, after the hazards have moved: sensors and the notice mask take in the cells of
 * the hazard field that changed; sensors trip (or miss) and raise false alarms; residents who can see a
 * hazard notice it and some call; the duty desk receives what is due and decides to warn.
 */
export function stepDetection(world: World): void {
  const rt = ensureDetection(world);
  const log = world.detection.changes;
  if (log.rewritten) {
    // A module rewrote the field without logging: start again from the whole field.
    rt.sensors.hot.fill(0);
    rt.seen.fill(0);
    rt.visibleCells = 0;
    logWholeField(log, world.hazardIntensity, world.hazardCue);
  }
  if (log.count > 0) {
    updateSensorHeat(rt.sensors, log, world.grid.width, world.hazardIntensity, world.hazardCue);
    updateNoticeMask(world, rt, log);
    clearHazardChanges(log);
  }
  const nowS = world.tick * world.tickS;
  tripSensors(world, rt, nowS);
  stepFalseAlarms(world, rt, nowS);
  if (world.hazardIntensity.length) stepNoticing(world, rt);
  stepDesk(world);
}

/**
 * A volunteer on patrol reports a hazard seen at `cell` (row-major index: the hazard's cell, or the
 * volunteer's own cell when it can see one from there). The report reaches the duty desk after
 * `VOLUNTEER_REPORT_DELAY_S` seconds, and the desk treats it as confirmed. Pass the volunteer's index to
 * name its team in the feed. Callers report each sighting once.
 * @example if (seen >= 0) reportFromVolunteer(world, seen, v)
 */
export function reportFromVolunteer(world: World, cell: number, volunteer = -1): void {
  const rt = ensureDetection(world);
  const inMap = cell >= 0 && cell < world.hazardIntensity.length;
  const real = inMap && (world.hazardIntensity[cell] > 0 || rt.seen[cell] === 1);
  raiseVolunteerReport(world, cell, volunteer, real, VOLUNTEER_REPORT_DELAY_S);
}

/**
 * Whether a hazard can be seen from `cell`: within `detection.noticeRangeM` of a cell where one is
 * visible, as of the last detection step. Cheap (one lookup); for patrols and the UI.
 */
export function hazardVisibleFrom(world: World, cell: number): boolean {
  const rt = world.detection.runtime;
  return rt !== null && cell >= 0 && cell < rt.seen.length && rt.seen[cell] === 1;
}
