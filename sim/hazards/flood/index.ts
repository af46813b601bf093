/**
 * Flood hazard: water depth on the scenario grid from rivers, breaches and rain, flowing from higher to
 * lower water surface (local inertial shallow-water scheme, Bates et al. 2010), out over open map edges
 * and drains; plus what the water means to people (walking speed, hazard rating, perceived intensity).
 * Pure and deterministic: no clocks, no randomness, no allocation per step.
 */

export { type FloodBalance, floodBalance, volumeOnGridM3 } from './balance';
export { forEachChangedCell, INTENSITY_STEP } from './changes';
export { checkFloodSpec, type FloodCheckMap } from './checkFloodSpec';
export { createFlood } from './createFlood';
export { DANGER_CLASS, dangerAt, dangerClass, hazardRating } from './danger';
export { buildBedElevation } from './elevation';
export {
  COURANT,
  FLOW_DEPTH_MIN_M,
  type Flood,
  type FloodDrainRuntime,
  type FloodGrid,
  type FloodSourceRuntime,
  GRAVITY_MPS2,
  MAX_SUB_STEP_S,
  Side,
} from './Flood';
export { hashFlood } from './hashFlood';
export { cumulativeInflowM3, inflowRateM3s } from './hydrograph';
export { floodIntensity, intensityAt, VISIBLE_DEPTH_M } from './perception';
export {
  type FloodOutflow,
  type FloodSource,
  type FloodSpec,
  type FloodSpecInput,
  floodOutflowSchema,
  floodSourceSchema,
  floodSpecSchema,
  initialWaterSchema,
  MAP_SIDES,
  rainSchema,
} from './schema';
export { ELEVATION_DIGITS, type ElevationShape, type ElevationSpec, elevationSchema, SLOPE_DIRECTIONS } from './schemaElevation';
export { stableStepS, stepFlood } from './stepFlood';
export { KNEE_DEPTH_M, KNEE_SPEED_FACTOR, WADE_FREE_DEPTH_M, WADE_STOP_DEPTH_M, walkingSpeedFactor } from './walking';
