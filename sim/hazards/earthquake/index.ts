/** Public surface of the earthquake hazard: building damage, trapped occupants and debris, pure and deterministic. */

export { checkEarthquakeSpec } from './checkEarthquake';
export { createEarthquake } from './createEarthquake';
export { DAMAGE_STATE_NAMES, DamageState, type DamageStateValue, type Earthquake, type EarthquakeGrid, type Shock } from './Earthquake';
export {
  DEFAULT_VULNERABILITY_CLASSES,
  type EarthquakeSpec,
  type EarthquakeSpecInput,
  earthquakeSpecSchema,
  type Fragility,
  fragilitySchema,
  MAX_AFTERSHOCKS,
  MAX_BUILDING_OVERRIDES,
  MAX_DEBRIS_REACH_CELLS,
  MAX_VULNERABILITY_CLASSES,
} from './earthquakeSpec';
export { damageProbabilities, damageStateFor, exceedanceProbability, normalCdf } from './fragility';
export {
  damageOf,
  earthquakeReport,
  forEachChangedCell,
  hashEarthquake,
  intensityAt,
  isDebris,
  isEarthquakePending,
  pgaOf,
  trappedShare,
} from './query';
export { stepEarthquake } from './stepEarthquake';
