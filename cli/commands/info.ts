import type { Scenario, TimelineEvent } from '../../sim/index';
import { oneScenarioPath, parseArgs } from '../args';
import { loadOrReport } from '../loadOrReport';
import { formatNumber, formatTable, out, printJson } from '../output';
import { hasWarningPhase } from '../warningPhase';
import { describeGovernance, formatGovernance, governanceLeverRows } from './infoGovernance';
import { channelRow, describeChannel, describeFields, describeHazard, describeSensor, hazardRow, leverLines, sensorRow } from './infoWarning';

const FLAGS = { json: 'boolean' } as const;

/**
 * `drill info SCENARIO [--json]`: what a scenario holds — places, groups, volunteers, warning channels,
 * sensors, hazards, strategies with their levers, the timeline and the organisations — by id.
 */
export function infoCommand(argv: readonly string[]): number {
  const { positionals, flags } = parseArgs('drill info', argv, FLAGS);
  const scenario = loadOrReport(oneScenarioPath('info', positionals), 'describe');
  const info = describeScenario(scenario);
  if (flags.json) printJson(info);
  else for (const line of formatInfo(info, scenario.governance)) out(line);
  return 0;
}

/** The contents of a scenario as plain data, by id (what `drill info --json` prints). */
export function describeScenario(scenario: Scenario) {
  const { rows, cellSizeM } = scenario.map;
  return {
    id: scenario.id,
    title: scenario.title,
    description: scenario.description ?? null,
    warningPhase: hasWarningPhase(scenario),
    map: { widthCells: rows[0].length, heightCells: rows.length, cellSizeM },
    simulation: scenario.simulation,
    residents: scenario.population.groups.reduce((sum, g) => sum + g.count, 0),
    places: scenario.places.map((p) => ({ id: p.id, kind: p.kind, name: p.name ?? null })),
    groups: scenario.population.groups.map((g) => ({
      id: g.id,
      count: g.count,
      ageGroup: g.ageGroup,
      mobility: g.mobility,
      householdSize: g.householdSize,
      placement: g.placement.kind === 'buildings' ? { kind: g.placement.kind, buildings: g.placement.buildings } : { kind: g.placement.kind },
    })),
    volunteers: scenario.volunteers.map((v) => ({
      id: v.id,
      name: v.name ?? null,
      role: v.role,
      count: v.count,
      speedMps: v.speedMps,
      placement: v.placement.kind === 'buildings' ? { kind: v.placement.kind, buildings: v.placement.buildings } : { kind: v.placement.kind },
    })),
    channels: scenario.channels.map(describeChannel),
    sensors: scenario.sensors.map(describeSensor),
    hazards: scenario.hazards.map(describeHazard),
    strategies: scenario.strategies.map((s) => ({ id: s.id, name: s.name, levers: s.levers, timeline: s.timeline.map(describeEvent) })),
    timeline: scenario.timeline.map(describeEvent),
    governance: describeGovernance(scenario),
    injects: scenario.injects.map((i) => ({
      id: i.id,
      title: i.title,
      when: i.condition
        ? `${i.atS !== undefined ? `from ${formatNumber(i.atS)} s, ` : ''}when ${i.condition.kind}`
        : i.atS !== undefined
          ? `${formatNumber(i.atS)} s`
          : 'by the facilitator',
      effects: i.effects.map((e) => e.kind),
    })),
  };
}

function placementOf(placement: { kind: string; buildings?: readonly string[] }): string {
  return placement.buildings ? `buildings: ${listIds(placement.buildings)}` : placement.kind;
}

/** Up to five ids, then how many in all: a group may live in hundreds of buildings. */
function listIds(ids: readonly string[]): string {
  return ids.length <= 5 ? ids.join(', ') : `${ids.slice(0, 4).join(', ')}, … (${ids.length} in all)`;
}

type ScenarioInfo = ReturnType<typeof describeScenario>;
type EventInfo = ReturnType<typeof describeEvent>;

function describeEvent(event: TimelineEvent) {
  return { atS: event.atS, kind: event.kind, ...(event.id ? { id: event.id } : {}), what: whatOf(event) };
}

function whatOf(event: TimelineEvent): string {
  switch (event.kind) {
    case 'evacuate':
      return `${event.zone === 'all' ? 'everyone' : event.zone} → ${event.target}`;
    case 'closeExit':
    case 'openExit':
      return event.place;
    case 'blockArea':
    case 'unblockArea': {
      const { x, y, w, h } = event.rect;
      return `${w}×${h} cells at column ${x}, row ${y}${event.kind === 'blockArea' && event.reason ? ` (${event.reason})` : ''}`;
    }
    case 'message':
      return event.title;
    case 'warn':
      return `${event.channel}: ${event.content === 'evacuate' ? `evacuate → ${event.target}` : event.content}${event.zone === 'all' ? '' : ` in ${event.zone}`}`;
    case 'officialUpdate':
      return `on ${event.channel}`;
    case 'rumour':
      return `"${event.content}" rumour, started by ${formatNumber(event.seedShare * 100, 1)}% of ${event.zone === 'all' ? 'everyone' : event.zone}`;
    case 'startHazard':
      return event.hazard;
    case 'activatePlan':
      return event.by
        ? `${event.by} orders the community to act: the strategy's plans start, approved by the order`
        : "the community decides to warn: the strategy's warning and volunteer plans start";
    case 'assignVolunteers':
      return `${event.team}: ${event.task}${event.zone === 'all' ? '' : ` in ${event.zone}`}`;
    default:
      // Action kinds added later show their fields without changes here.
      return describeFields(event);
  }
}

function formatInfo(info: ScenarioInfo, governance: Scenario['governance']): string[] {
  const { map, simulation } = info;
  const lines = [`${info.id} — ${info.title}`];
  if (info.description) lines.push(info.description);
  lines.push(
    '',
    ...formatTable([
      ['Map', `${map.widthCells} × ${map.heightCells} cells of ${map.cellSizeM} m`],
      [
        'Simulation',
        `ticks of ${simulation.tickS} s, runs ${formatNumber(simulation.durationS)} s by default, starts at ${simulation.startClock}${isNight(simulation.startClock) ? ' (night: most residents asleep)' : ''}`,
      ],
      ['Residents', `${formatNumber(info.residents, 0)} in ${info.groups.length} group${info.groups.length === 1 ? '' : 's'}`],
    ]),
  );
  section(
    lines,
    'Places',
    info.places.map((p) => [p.id, p.kind, p.name ?? '']),
  );
  section(
    lines,
    'Groups',
    info.groups.map((g) => [
      g.id,
      formatNumber(g.count, 0),
      g.ageGroup,
      g.mobility,
      g.householdSize > 1 ? `households of ${g.householdSize}` : '',
      placementOf(g.placement),
    ]),
    [1],
  );
  section(
    lines,
    'Volunteers',
    info.volunteers.map((v) => [v.id, formatNumber(v.count, 0), v.role, v.name ?? '', placementOf(v.placement)]),
    [1],
  );
  if (info.warningPhase) {
    section(lines, 'Channels', info.channels.map(channelRow));
    section(lines, 'Sensors', info.sensors.map(sensorRow));
    section(lines, 'Hazards', info.hazards.map(hazardRow));
    lines.push('', `Strategies (${info.strategies.length})`);
    if (info.strategies.length === 0) lines.push('  (none)');
    for (const s of info.strategies)
      lines.push(
        `  ${s.id}  ${s.name}`,
        ...leverLines(
          s.levers,
          s.timeline.map((e) => eventRow(e).join('  ').trimEnd()),
          info.governance ? governanceLeverRows(s.levers) : [],
        ),
      );
  } else {
    section(
      lines,
      `Strategies (${info.strategies.length})`,
      info.strategies.flatMap((s) => {
        const [first, ...others] = s.timeline.map(eventRow);
        return [[s.id, s.name, ...(first ?? ['', '', '(no actions of its own)'])], ...others.map((row) => ['', '', ...row])];
      }),
      [2],
    );
  }
  section(lines, 'Timeline', info.timeline.map(eventRow), [0]);
  section(
    lines,
    'Injects',
    info.injects.map((i) => [i.id, i.when, i.title, i.effects.join(', ')]),
  );
  if (governance) lines.push(...formatGovernance(governance));
  return lines;
}

/** Whether a clock time "HH:MM" falls in the night (23:00 to 06:00), when most residents sleep. */
function isNight(clock: string): boolean {
  const hour = Number(clock.slice(0, 2));
  return hour >= 23 || hour < 6;
}

/** A titled table; the title gets the row count unless it carries its own. */
function section(lines: string[], title: string, rows: string[][], right: number[] = []): void {
  lines.push('', title.endsWith(')') ? title : `${title} (${rows.length})`, ...(rows.length ? formatTable(rows, right, '  ') : ['  (none)']));
}

function eventRow(e: EventInfo): string[] {
  return [`${formatNumber(e.atS)} s`, e.kind, e.what, e.id ? `[${e.id}]` : ''];
}
