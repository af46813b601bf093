import { hashUnit } from '../../random/hashUnit';
import { lowerArrival } from './arrivalHeap';
import { BurnState, type Fire } from './Fire';

// Module-level copies: imported bindings are read through the module object (a getter call once
// bundled or transpiled), too slow for the hot loops below.
const UNBURNT = BurnState.Unburnt;
const BURNING = BurnState.Burning;
const BURNT = BurnState.Burnt;

/**
 * The random delay of `cell` between the front reaching it and its ignition, as a share of
 * `spread.minTimeS`, from 0 to `spreadVariability` (below 1): the same every time it is asked.
 */
export function delayShareOf(fire: Fire, cell: number): number {
  return fire.spreadVariability * hashUnit(fire.delaySeed, cell);
}

/**
 * Set `cell` alight at `timeS` (s; a time already past means now), as if the front reached it then: a
 * scenario's ignition or a facilitator's inject. Cells without fuel, already burning or burnt are left
 * alone. Returns whether the cell will ignite (it does so in the `stepFire` that reaches `timeS`).
 */
export function igniteCell(fire: Fire, cell: number, timeS: number): boolean {
  if (!Number.isInteger(cell) || cell < 0 || cell >= fire.state.length) {
    throw new RangeError(`igniteCell: cell ${cell} is not on the ${fire.width} × ${fire.height} grid`);
  }
  if (fire.state[cell] !== UNBURNT || !(fire.fuel[cell] > 0)) return false;
  lowerArrival(fire, cell, Math.max(timeS, fire.timeS) + delayShareOf(fire, cell) * fire.spread.minTimeS);
  return true;
}

/**
 * Move the fire up to `endS` (s): ignite, in time order, every cell due by then and schedule its
 * neighbours. This is Dijkstra's shortest-path search run forward in time on front arrival times: the
 * front reaches a cell at the earliest, over its reached neighbours, of their arrival plus the time to step
 * across (`SpreadTable.timeS`). A cell catches fire its own random delay after the front reaches it; the
 * delay is kept shorter than any step (`SpreadTable.minTimeS`), so cells still come off the heap in order
 * of arrival wherever it matters and the front keeps its speed and round shape while the burning edge is
 * ragged. (Delays that added up along paths would make a first-passage percolation front: faster than its
 * nominal speed and not round.) Times do not depend on how the run is cut into steps.
 */
export function advanceFront(fire: Fire, endS: number): void {
  const { width, height, fuel, state, arrivalS, stateChanged, fireBox } = fire;
  const { count, dx, dy, mid1x, mid1y, mid2x, mid2y, rule, timeS, minTimeS } = fire.spread;
  const lower = lowerArrival;
  const delayShare = delayShareOf;
  const front = fire.front;
  while (front.size > 0 && front.peekKey() <= endS) {
    const t = front.peekKey();
    const cell = front.pop();
    // A stale entry: the cell's time was lowered since (a later entry), or it caught fire already.
    if (t !== arrivalS[cell] || state[cell] !== UNBURNT) continue;
    state[cell] = BURNING;
    stateChanged[cell] = 1;
    appendIgnition(fire, cell);
    fire.blockingChanged = true;
    const x = cell % width;
    const y = (cell - x) / width;
    if (x < fireBox[0]) fireBox[0] = x;
    if (x > fireBox[2]) fireBox[2] = x;
    if (y < fireBox[1]) fireBox[1] = y;
    if (y > fireBox[3]) fireBox[3] = y;
    // Front arrival at this cell: its ignition time less its own delay.
    const frontS = t - delayShare(fire, cell) * minTimeS;
    for (let k = 0; k < count; k++) {
      const nx = x + dx[k];
      const ny = y + dy[k];
      if (nx < 0 || ny < 0 || nx >= width || ny >= height) continue;
      const n = ny * width + nx;
      if (state[n] !== UNBURNT || !(fuel[n] > 0)) continue;
      const r = rule[k];
      if (r !== 0) {
        // Mid cells lie between this cell and n, so they are on the grid whenever n is.
        const a = fuel[(y + mid1y[k]) * width + x + mid1x[k]] > 0;
        const b = fuel[(y + mid2y[k]) * width + x + mid2x[k]] > 0;
        if (r === 1 ? !(a || b) : !(a && b)) continue;
      }
      lower(fire, n, frontS + timeS[k] + delayShare(fire, n) * minTimeS);
    }
  }
}

/** Burn out, in ignition order, every burning cell whose burn duration has passed by `endS` (s). */
export function burnOut(fire: Fire, endS: number): void {
  const { state, arrivalS, ignitionOrder, stateChanged } = fire;
  const lastIgnitionS = endS - fire.burnDurationS;
  while (fire.burntOutCount < fire.ignitedCount) {
    const cell = ignitionOrder[fire.burntOutCount - fire.ignitionBase];
    if (arrivalS[cell] > lastIgnitionS) break;
    state[cell] = BURNT;
    stateChanged[cell] = 1;
    fire.blockingChanged = true;
    fire.burntOutCount++;
  }
}

/**
 * Add a cell to the burning window of `ignitionOrder`. When the window fills its array, the burnt-out cells
 * before it are dropped (the window moves to the front), and the array doubles only if the burning cells
 * alone fill more than half of it.
 */
function appendIgnition(fire: Fire, cell: number): void {
  const used = fire.ignitedCount - fire.ignitionBase;
  if (used === fire.ignitionOrder.length) {
    const burning = fire.ignitedCount - fire.burntOutCount;
    const from = fire.burntOutCount - fire.ignitionBase;
    if (burning * 2 > fire.ignitionOrder.length) {
      const grown = new Int32Array(2 * fire.ignitionOrder.length);
      grown.set(fire.ignitionOrder.subarray(from, used));
      fire.ignitionOrder = grown;
    } else {
      fire.ignitionOrder.copyWithin(0, from, used);
    }
    fire.ignitionBase = fire.burntOutCount;
  }
  fire.ignitionOrder[fire.ignitedCount - fire.ignitionBase] = cell;
  fire.ignitedCount++;
}
