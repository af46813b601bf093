/** Epidemic among residents: stochastic SEIR by household, building and community contacts, with isolation and quarantine. */

export { createEpidemic } from './createEpidemic';
export {
  type Epidemic,
  type EpidemicCounts,
  type EpidemicParams,
  type EpidemicPopulation,
  epidemicParams,
  Isolation,
  Stage,
  type StageValue,
  sampleStageS,
} from './Epidemic';
export { attackRate, householdSupplyNeedPerDay, isEpidemicOver, isInfected, isInfectious, isIsolated, supplyNeedPerDay } from './queries';
export { type EpidemicSpec, type EpidemicSpecInput, epidemicSpecSchema } from './spec';
export { stepEpidemic } from './stepEpidemic';
