import type { Scenario, TimelineEvent } from '../sim/index';

/** Timeline and command kinds that belong to the monitoring and warning phase. */
const WARNING_KINDS: ReadonlySet<string> = new Set(['warn', 'officialUpdate', 'rumour', 'startHazard', 'activatePlan', 'assignVolunteers']);

/**
 * Whether a scenario models the monitoring and warning phase: it has warning channels, sensors, hazards
 * or volunteer teams, or its timelines hold warning-phase events. Scenarios without one (a plain
 * evacuation drill) keep the short summaries.
 */
export function hasWarningPhase(scenario: Scenario): boolean {
  if (scenario.channels.length || scenario.sensors.length || scenario.hazards.length || scenario.volunteers.length) return true;
  const isWarning = (e: TimelineEvent) => WARNING_KINDS.has(e.kind);
  return scenario.timeline.some(isWarning) || scenario.strategies.some((s) => s.timeline.some(isWarning));
}

/** "column 30, row 10": a map point in the words of the scenario guide. */
export function formatPoint(point: { x: number; y: number }): string {
  return `column ${point.x}, row ${point.y}`;
}
