/** Public surface of the monitoring phase: hazards, sensors, residents' and patrols' reports, the duty desk. */

export type { AlertRecord, AlertSource, DetectionState } from './DetectionState';
export { hazardVisibleFrom, reportFromVolunteer, stepDetection, VOLUNTEER_REPORT_DELAY_S } from './detection';
export { markHazardFieldRewritten, setHazardCell } from './hazardChanges';
export { Cue, createHazards, type HazardRuntime, startHazard, stepHazards } from './hazards';
