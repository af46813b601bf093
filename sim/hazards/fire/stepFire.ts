import { collectChanges } from './changes';
import type { Fire } from './Fire';
import { heatIntegralS } from './heat';
import { transportSmoke } from './smoke';
import { advanceFront, burnOut } from './spread';

/**
 * Advance a fire and its smoke by `dtS` seconds (≥ 0), in this order:
 * 1. the front: every cell it reaches by the end of the step ignites, at its own arrival time;
 * 2. smoke sources: each cell burning at some moment of the step makes exactly its heat integrated over
 *    that moment × fuel × `smoke.productionPerM2S` (spread evenly over the step);
 * 3. burn-out at the end of the step (heat follows from the burn state and ignition time: `heatOf`);
 * 4. smoke transport in stable sub-steps (see `transportSmoke`);
 * 5. the change list (see `forEachChangedCell`) and `blockingChanged`.
 *
 * Allocates nothing. The front does not depend on how time is cut into steps; smoke does only through
 * the scheme's time discretisation.
 *
 * @example for (let tick = 0; tick < 600; tick++) stepFire(fire, 1) // ten minutes in 1 s ticks
 */
export function stepFire(fire: Fire, dtS: number): void {
  if (!(dtS >= 0) || !Number.isFinite(dtS)) throw new RangeError(`stepFire: the step must be a finite number of seconds ≥ 0, got ${dtS}`);
  const startS = fire.timeS;
  const endS = startS + dtS;
  fire.blockingChanged = false;
  advanceFront(fire, endS);
  updateBurningCells(fire, startS, endS);
  burnOut(fire, endS);
  fire.timeS = endS;
  transportSmoke(fire, dtS);
  collectChanges(fire);
}

/**
 * The smoke source of every cell burning at some moment in (startS, endS]: those are the cells not burnt
 * out before the step, which `burnOut` has not yet moved past.
 */
function updateBurningCells(fire: Fire, startS: number, endS: number): void {
  const dtS = endS - startS;
  const production = fire.smokeParams.productionPerM2S;
  fire.sourceCount = 0;
  if (!(production > 0 && dtS > 0)) return;
  // Every burning cell may be a source: room for them all before the loop.
  if (fire.sourceCells.length < fire.ignitedCount - fire.burntOutCount) {
    const size = Math.max(2 * fire.sourceCells.length, fire.ignitedCount - fire.burntOutCount);
    fire.sourceCells = new Int32Array(size);
    fire.sourceRate = new Float32Array(size);
  }
  const { ignitionOrder, ignitionBase, arrivalS, fuel, sourceCells, sourceRate } = fire;
  const burnS = fire.burnDurationS;
  // A local copy: imported functions are called through the module object once transpiled.
  const heatSum = heatIntegralS;
  let sources = 0;
  for (let j = fire.burntOutCount; j < fire.ignitedCount; j++) {
    const cell = ignitionOrder[j - ignitionBase];
    const ignitedS = arrivalS[cell];
    // Integrate heat exactly over the step, so smoke made does not depend on the step length.
    const heatS = heatSum(endS - ignitedS, burnS) - heatSum(startS - ignitedS, burnS);
    if (!(heatS > 0)) continue;
    sourceCells[sources] = cell;
    sourceRate[sources] = (production * fuel[cell] * heatS) / dtS;
    sources++;
  }
  fire.sourceCount = sources;
}
