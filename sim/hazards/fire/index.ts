/** Public surface of the fire-and-smoke hazard: a pure, deterministic field over the grid. */

export { checkFireSpec } from './checkFire';
export { createFire, MAX_FIRE_CELLS, setFireWind } from './createFire';
export { BurnState, type BurnStateValue, type Fire, type FireGrid, type SmokeLedger, type SmokeParams, type SpreadTable } from './Fire';
export { type FireIgnition, type FireSpec, type FireSpecInput, fireSpecSchema } from './fireSpec';
export { fuelFromCellKinds } from './fuel';
export { heatAt, heatIntegralS } from './heat';
export { ignitionCells } from './ignition';
export { blocksCell, forEachChangedCell, hashFire, heatOf, intensityAt, isFireActive, smokeVisibleAt, timeBurningS, totalSmoke } from './query';
export { maxSmokeStepS } from './smoke';
export { delayShareOf, igniteCell } from './spread';
export { stepFire } from './stepFire';
export { spreadEccentricity, spreadRateMps, windVelocity } from './wind';
