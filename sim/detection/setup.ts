import type { World } from '../core/World';
import { createRandom } from '../random/Random';
import type { DetectionRuntime } from './DetectionState';
import { logWholeField } from './hazardChanges';
import { discHalfWidths } from './notice';
import { buildSensors } from './sensors';

/**
 * The detection runtime of a world, built at the first call: sensors resolved on the grid, the notice
 * mask and the random streams. It is built lazily because the world's state objects are created before
 * the world itself. The whole hazard field is then logged as new, so detection starts from what is there.
 */
export function ensureDetection(world: World): DetectionRuntime {
  const d = world.detection;
  if (d.runtime) return d.runtime;
  const { grid, scenario, seed } = world;
  // Separate streams: a sensor's misses or false alarms never shift when residents report, and vice versa,
  // so strategies that differ only in their sensors see the same residents' calls for the same seed.
  const falseAlarms = createRandom(seed, 'false-alarms');
  d.runtime = {
    sensors: buildSensors(scenario.sensors, grid, falseAlarms),
    // No hazards in the scenario: nothing can ever be seen, so no per-cell mask.
    seen: new Uint8Array(scenario.hazards.length ? grid.width * grid.height : 0),
    noticeHalfWidth: discHalfWidths(scenario.detection.noticeRangeM, grid.cellSizeM),
    visibleCells: 0,
    seenGrew: false,
    movingAtLastScan: 0,
    misses: createRandom(seed, 'sensor-misses'),
    falseAlarms,
    reports: createRandom(seed, 'resident-reports'),
  };
  logWholeField(d.changes, world.hazardIntensity, world.hazardCue);
  return d.runtime;
}
