import { readFileSync } from 'node:fs';
import { type Command, createSimulation, loadScenarioOrThrow } from '../../../sim/index';
import { type DrillRecord, RECORD_FORMAT, RECORD_FORMAT_VERSION, scenarioContentHash } from '../../../ui/drill/recordFormat';
import type { Role } from '../../../ui/drill/roles';

export const DRILL_SCENARIO = 'scenarios/old-compound.json';

/** Commands as trainees give them during a drill, with the tick each is given at and who gives it. */
export const DRILL_COMMANDS: readonly { tick: number; role: Role; command: Command }[] = [
  { tick: 40, role: 'committeeDirector', command: { kind: 'warn', channel: 'sms', content: 'evacuate', zone: 'north-west', target: 'nearest-safe' } },
  { tick: 40, role: 'volunteerTeamLead', command: { kind: 'assignVolunteers', team: 'volunteer-team', task: 'knockDoors', zone: 'north-east' } },
  { tick: 95, role: 'propertyManager', command: { kind: 'closeExit', place: 'river-gate' } },
  { tick: 130, role: 'propertyManager', command: { kind: 'blockArea', rect: { x: 10, y: 40, w: 3, h: 3 }, reason: 'fallen tree' } },
  { tick: 210, role: 'committeeDirector', command: { kind: 'officialUpdate', channel: 'group-chat', text: 'The canal is rising; follow the volunteers.' } },
  { tick: 260, role: 'facilitator', command: { kind: 'message', title: 'Power flickers in Block C' } },
];

/**
 * A drill played the way the app plays it, straight on the simulation: step, and at each command's tick
 * apply it before the next step. Returns the record the app would export and the hash the run ends in.
 */
export function playLiveDrill(untilTick = 300, strategy = 'resilient', seed = 7): { record: DrillRecord; hash: string; safe: number; scenarioText: string } {
  const scenarioText = readFileSync(DRILL_SCENARIO, 'utf8');
  const scenario = loadScenarioOrThrow(scenarioText);
  const sim = createSimulation(scenario, { seed, strategy });
  for (const { tick, command } of DRILL_COMMANDS) {
    sim.step(tick - sim.tick);
    sim.apply([command]);
  }
  sim.step(untilTick - sim.tick);
  const hash = sim.hash();
  const safe = sim.metrics().safe;
  const at = (minute: number) => `2025-05-01T09:${String(minute).padStart(2, '0')}:00.000Z`;
  const record: DrillRecord = {
    format: RECORD_FORMAT,
    formatVersion: RECORD_FORMAT_VERSION,
    session: { name: 'Night flood drill', roles: ['committeeDirector', 'propertyManager', 'volunteerTeamLead'], startedAt: at(0) },
    scenario: { id: scenario.id, title: scenario.title, contentHash: scenarioContentHash(scenarioText), source: 'old-compound.json' },
    strategy,
    seed,
    entries: DRILL_COMMANDS.map(({ tick, role, command }, i) => ({ tick, simTimeS: tick * sim.tickS, realTime: at(i + 1), role, command })),
    reached: { tick: untilTick, simTimeS: untilTick * sim.tickS, stateHash: hash, realTime: at(30) },
  };
  return { record, hash, safe, scenarioText };
}
