/** Gas or chemical plume: 2-D advection–diffusion of a point release on the map grid. */

export { checkPlumeSpec } from './check';
export { accumulateDose, doseRateAt, intensityAt, perceivedIntensity } from './exposure';
export { createPlume, type Plume, type PlumeGrid, type PlumeLedger, plumeMassKg, releasePuff, setPlumeWind, stopRelease, windComponents } from './Plume';
export { type PlumeSpec, type PlumeSpecInput, plumeSpecSchema } from './spec';
export { besselK0, steadyPointSourceConcentration } from './steadyPointSource';
export { MAX_PLUME_SUBSTEPS, maxPlumeStepS, plumeSubSteps, stepPlume, TRIM_SHARE_OF_NOTICE } from './stepPlume';
