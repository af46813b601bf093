/** Public surface of the simulation core: pure, deterministic, no DOM, no timers, no I/O. */

export { cellCapacityPersons, JAM_DENSITY_PPM2, weidmannSpeedMps } from './agents/speedDensity';
export { RIMEA_SPEEDS } from './agents/speeds';
export { CommandError } from './core/commands';
export { createSimulation, DEFAULT_SPECIFIC_FLOW_PPMS } from './core/createSimulation';
export type { Command, LoggedCommand, Metrics, SimEvent, Simulation, SimulationOptions, Snapshot } from './core/Simulation';
export { ResidentState } from './core/Simulation';
export type { AlertRecord, AlertSource } from './detection/DetectionState';
export type { DecisionRecord, Phase, ReportRecord, SupportRecord, TrailEntry } from './governance/GovernanceState';
export type { DecisionMetric, GovernanceMetrics } from './governance/metrics';
// injects: begin
export type { InjectView } from './injects/stepInjects';
// injects: end
// command-post knowledge: begin
export type { CommandPostKnowledge, HazardSpot, KnownNeed, ReportGroup, SensorKnowledge, SensorStatus, SpotStatus } from './knowledge/commandPost';
// command-post knowledge: end
export { createRandom } from './random/Random';
export { sampleDuration, sampleSpeed } from './random/sample';
export { LIMITS, SCHEMA_VERSION } from './scenario/limits';
export { type LoadResult, loadScenarioObject, loadScenarioOrThrow, loadScenarioText, MAX_SCENARIO_CHARS } from './scenario/load';
export { loadStrategyText, type StrategyFile, type StrategyLoadResult, strategyFileOf, strategyFileSchema } from './scenario/loadStrategy';
export { describeErrors, type ScenarioError } from './scenario/ScenarioError';
export type { Place, Scenario, ScenarioAction, ScenarioInput, Strategy, TimelineEvent } from './scenario/schema';
export { scenarioSchema } from './scenario/schema';
export { DECISIONS, type Decision, ORGANISATION_KINDS, SUPPLY_ITEMS, SUPPORT_KINDS } from './scenario/schemaGovernance';
export { INJECT_METRICS, type InjectCondition, type InjectMetric, SHARE_METRICS as SHARE_INJECT_METRICS } from './scenario/schemaInject';
export { CellKind } from './space/CellKind';
export { computeDistanceField, createDistanceField } from './space/distanceField';
export type { HeatMaps } from './systems/heat';
export { MAX_SERIES_SAMPLES, type RunSeries } from './systems/series';
export { VolunteerState, VolunteerTask, type VolunteerTeamStats, volunteerStats } from './volunteers/index';
