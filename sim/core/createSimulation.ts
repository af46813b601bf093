import { populate } from '../agents/populate';
import { cellCapacityPersons, speedFactorTable } from '../agents/speedDensity';
import { assignTraits } from '../agents/traits';
import { createDetectionState } from '../detection/DetectionState';
import { stepDetection } from '../detection/detection';
import { createHazards, stepHazards } from '../detection/hazards';
import { createGovernance } from '../governance/createGovernance';
import { stepGovernance } from '../governance/stepGovernance';
import { createHazardModules } from '../hazards/modules';
import { createInjects } from '../injects/InjectState';
import { hashInjects, injectCommandProblem, injectViews, isInjectCommand, stepInjects } from '../injects/stepInjects';
// command-post knowledge: begin
import { createKnowledgeCache, readKnowledge } from '../knowledge/commandPost';
// command-post knowledge: end
import type { Scenario, TimelineEvent } from '../scenario/schema';
import { leversSchema } from '../scenario/schemaWarning';
import { CellKind } from '../space/CellKind';
import { neighbourOffsets } from '../space/distanceField';
import { buildGrid, openingWidthM } from '../space/Grid';
import { MinHeap } from '../space/MinHeap';
import { applyAction, targetOf } from '../systems/actions';
import { createHarmState, stepExposure } from '../systems/exposure';
import { stepGates } from '../systems/gates';
import { fieldSlotFor, hasRoomForField, MAX_FIELDS, peekRerouteState, updateGeometry } from '../systems/geometry';
import { createHeat, readHeat } from '../systems/heat';
import { readMetrics, stepMetrics } from '../systems/metrics';
import { stepMovement } from '../systems/movement';
import { createOutages, stepOutages } from '../systems/outages';
import { stepPreMovement } from '../systems/preMovement';
import { createSeries } from '../systems/series';
import { stepVolunteers } from '../volunteers/tasks';
import { peekVolunteerRuntime } from '../volunteers/VolunteerRuntime';
import { createWarningState } from '../warning/createWarningState';
import { stepHearing } from '../warning/hear';
import { CommandError, validateCommand } from './commands';
import { StateHasher } from './hash';
import { type MemoryShape, memoryShapeOf, reachableArrayBytes } from './memory';
import type { Command, Simulation, SimulationOptions, Snapshot } from './Simulation';
import type { World } from './World';

/**
 * How often routes are rebuilt when hazards change what is passable, s: a spreading fire changes it every
 * few seconds, and people re-route within this time (burning cells are never entered meanwhile).
 */
export const REROUTE_EVERY_S = 5;

/** Default specific flow through an opening, persons per metre per second (the SFPE maximum, about 1.3). */
export const DEFAULT_SPECIFIC_FLOW_PPMS = 1.3;

/**
 * Create a run of a checked scenario (from `loadScenarioText`). The run is pure and deterministic: the
 * same scenario, seed, strategy and commands give the same `hash()` anywhere.
 * @example const sim = createSimulation(scenario, { seed: 1 }); sim.step(240); sim.metrics().safe
 */
export function createSimulation(scenario: Scenario, options: SimulationOptions): Simulation {
  const world = createWorld(scenario, options);
  // command-post knowledge: begin
  // Outside the world: a cache of a view derived from it, so it never enters the hash.
  const knowledgeCache = createKnowledgeCache();
  // command-post knowledge: end
  return {
    get tick() {
      return world.tick;
    },
    get timeS() {
      return world.tick * world.tickS;
    },
    tickS: world.tickS,
    seed: world.seed,
    strategy: world.strategy,
    step(n = 1) {
      for (let k = 0; k < n; k++) stepWorld(world);
    },
    apply(commands: readonly Command[]) {
      // Validate all before queueing any, so a bad batch changes nothing.
      const valid = commands.map((c) => validateCommand(world.scenario, world.grid, c));
      for (const command of valid) {
        if (command.kind === 'evacuate' && !hasRoomForField(world, targetOf(world, command.target))) {
          throw new CommandError(`this run already sends people to ${MAX_FIELDS} different places; send them to the nearest safe place instead`);
        }
        // injects: begin
        const problem = isInjectCommand(command) ? injectCommandProblem(world.injects, command) : null;
        if (problem) throw new CommandError(problem);
        // injects: end
      }
      world.pending.push(...valid);
    },
    snapshot: () => snapshotOf(world),
    hash: () => hashOf(world),
    metrics: () => readMetrics(world),
    commandLog: () => world.commandLog,
    events: () => world.events,
    residents: () => world.residents,
    alerts: () => world.detection.log,
    hazards: () => world.hazardModules,
    trail: () => world.governance?.trail ?? [],
    injects: () => injectViews(world.injects),
    // command-post knowledge: begin
    knowledge: () => readKnowledge(world, knowledgeCache),
    // command-post knowledge: end
    heat: () => (world.heat ? readHeat(world, world.heat) : null),
    memoryBytes: () => Object.values(memoryParts(world)).reduce((a, b) => a + b, 0),
    memoryParts: () => memoryParts(world),
    memoryShape: () => memoryShape(world),
  };
}

function createWorld(scenario: Scenario, options: SimulationOptions): World {
  const strategy = resolveStrategy(scenario, options.strategy);
  const grid = buildGrid(scenario);
  const cells = grid.width * grid.height;
  const { residents, volunteers } = populate(scenario, grid, options.seed);
  assignTraits(scenario, residents, options.seed);
  const hazardEngines = createHazardModules(scenario, grid, options.seed, residents, strategy?.levers ?? leversSchema.parse({}));
  const cellAreaM2 = grid.cellSizeM * grid.cellSizeM;
  const tickS = scenario.simulation.tickS;
  const placeCount = grid.places.length;
  const metricsEveryTicks = Math.max(1, Math.round(scenario.simulation.metricsEveryS / tickS));
  const world: World = {
    scenario,
    grid,
    seed: options.seed >>> 0,
    strategy: strategy?.id ?? null,
    tick: 0,
    tickS,
    cellAreaM2,
    cellCapacity: cellCapacityPersons(cellAreaM2),
    speedFactor: speedFactorTable(cellAreaM2),
    blocked: new Set(),
    placeClosed: new Uint8Array(placeCount),
    passable: new Uint8Array(cells),
    gateOfCell: new Int16Array(cells).fill(-1),
    neighbourOffsets: neighbourOffsets(grid.width),
    geometryDirty: true,
    geometryVersion: 0,
    fields: [],
    heap: new MinHeap(),
    occupancy: new Uint16Array(cells),
    gateTokens: new Float64Array(placeCount),
    gateRefill: new Float64Array(placeCount),
    gateBurst: new Float64Array(placeCount),
    shelterCount: new Int32Array(placeCount),
    shelterCapacity: new Float64Array(placeCount).fill(Infinity),
    safeByPlace: new Int32Array(placeCount),
    residents,
    volunteers,
    counts: { idle: residents.count, preparing: 0, moving: 0, safe: 0, sheltering: 0, awaitingHelp: 0, deceased: 0 },
    firstOrderS: -1,
    safeThresholdS: [-1, -1, -1],
    safeShareOverTime: [],
    metricsEveryTicks,
    series: createSeries(metricsEveryTicks),
    heat: null,
    timeline: mergeTimelines(scenario.timeline, strategy?.timeline ?? []),
    nextEvent: 0,
    scheduled: [],
    pending: [],
    warning: createWarningState(scenario, grid, residents, strategy?.levers ?? leversSchema.parse({}), options.seed),
    // Without hazards in the scenario no cell can ever hold one: keep the per-cell hazard state empty.
    hazardIntensity: new Float32Array(scenario.hazards.length ? cells : 0),
    hazardCue: new Uint8Array(scenario.hazards.length ? cells : 0),
    hazards: createHazards(scenario.hazards),
    detection: createDetectionState(),
    hazardModules: hazardEngines.modules,
    hazardLayers: hazardEngines.layers,
    hazardBlocked: new Uint8Array(scenario.hazards.some((h) => h.kind === 'fire' || h.kind === 'flood' || h.kind === 'earthquake') ? cells : 0),
    avoidPenalty: null,
    walkFactor: new Uint8Array(scenario.hazards.some((h) => h.kind === 'flood' || h.kind === 'fire' || h.kind === 'earthquake') ? cells : 0).fill(255),
    hazardRerouteDue: false,
    nextRerouteTick: 0,
    harm: createHarmState(residents.count, scenario.hazards.length > 0),
    outages: createOutages(scenario, grid),
    governance: createGovernance(scenario, grid, strategy?.levers ?? leversSchema.parse({}), options.seed),
    commandLog: [],
    events: [],
    // injects: begin
    injects: createInjects(scenario, grid, residents),
    // injects: end
  };
  for (const place of grid.places) {
    if (place.place.kind !== 'exit' && place.place.kind !== 'shelter') continue;
    for (const c of place.cells) world.gateOfCell[c] = place.index;
    const flow = (place.place.kind === 'exit' ? place.place.flowCapacityPps : undefined) ?? DEFAULT_SPECIFIC_FLOW_PPMS * openingWidthM(grid, place);
    world.gateRefill[place.index] = flow * tickS;
    // One whole token plus a tick's refill, so the fraction left after a pass carries over and the rate is exact.
    world.gateBurst[place.index] = 1 + flow * tickS;
    world.gateTokens[place.index] = 1;
    if (place.place.closed) world.placeClosed[place.index] = 1;
    if (place.place.kind === 'shelter' && place.place.capacityPersons !== undefined) world.shelterCapacity[place.index] = place.place.capacityPersons;
  }
  for (let i = 0; i < residents.count; i++) world.occupancy[residents.cell[i]]++;
  if (options.recordHeat) world.heat = createHeat(world);
  updateGeometry(world);
  fieldSlotFor(world, { kind: 'safe' });
  return world;
}

function resolveStrategy(scenario: Scenario, id: string | undefined) {
  if (id === undefined) return scenario.strategies[0] ?? null;
  const found = scenario.strategies.find((s) => s.id === id);
  if (!found) {
    const known = scenario.strategies.map((s) => s.id);
    throw new Error(`no strategy "${id}" in scenario "${scenario.id}"; ${known.length ? `choose one of: ${known.join(', ')}` : 'it defines no strategies'}`);
  }
  return found;
}

/** Scenario and strategy events in time order; at equal times the scenario's come first, in file order. */
function mergeTimelines(scenarioEvents: readonly TimelineEvent[], strategyEvents: readonly TimelineEvent[]): TimelineEvent[] {
  return [...scenarioEvents, ...strategyEvents]
    .map((e, order) => ({ e, order }))
    .sort((a, b) => a.e.atS - b.e.atS || a.order - b.order)
    .map(({ e }) => e);
}

/**
 * One tick: timeline, scheduled actions and commands; geometry; hazards; detection; hearing and deciding;
 * volunteers; pre-movement; doors; movement; metrics.
 */
function stepWorld(world: World): void {
  const timeS = world.tick * world.tickS;
  // Half a tick of slack so an event at t fires at the tick nearest to t, not one tick late by rounding.
  while (world.nextEvent < world.timeline.length && world.timeline[world.nextEvent].atS <= timeS + world.tickS * 0.5) {
    applyAction(world, world.timeline[world.nextEvent++]);
  }
  while (world.scheduled.length && world.scheduled[0].tick <= world.tick) applyAction(world, (world.scheduled.shift() as World['scheduled'][number]).action);
  if (world.pending.length) {
    const pending = world.pending;
    world.pending = [];
    for (const command of pending) {
      world.commandLog.push({ tick: world.tick, command });
      applyAction(world, command);
    }
  }
  // injects: begin
  stepInjects(world, applyAction);
  // injects: end
  if (world.hazardRerouteDue && world.tick >= world.nextRerouteTick) {
    world.hazardRerouteDue = false;
    world.geometryDirty = true;
    world.nextRerouteTick = world.tick + Math.max(1, Math.round(REROUTE_EVERY_S / world.tickS));
  }
  updateGeometry(world);
  stepHazards(world);
  for (const module of world.hazardModules) module.step(world);
  stepOutages(world);
  stepDetection(world);
  stepGovernance(world);
  stepHearing(world);
  stepVolunteers(world);
  stepPreMovement(world);
  stepGates(world);
  if (world.scenario.simulation.movement) stepMovement(world);
  stepExposure(world);
  stepMetrics(world);
  world.tick++;
}

function snapshotOf(world: World): Snapshot {
  const r = world.residents;
  const residentXY = new Float32Array(r.count * 2);
  for (let i = 0; i < r.count; i++) {
    residentXY[2 * i] = r.x[i];
    residentXY[2 * i + 1] = r.y[i];
  }
  const v = world.volunteers;
  const volunteerXY = new Float32Array(v.count * 2);
  for (let i = 0; i < v.count; i++) {
    volunteerXY[2 * i] = v.x[i];
    volunteerXY[2 * i + 1] = v.y[i];
  }
  const cells = world.grid.baseKinds.slice();
  for (const c of world.blocked) cells[c] = CellKind.Blocked;
  const residentHeard = new Uint8Array(r.count);
  for (let i = 0; i < r.count; i++) residentHeard[i] = r.heardAtS[i] < Infinity ? 1 : 0;
  const intensity = world.hazardIntensity;
  // Empty when the scenario has no hazards: then the snapshot carries no hazard layer at all.
  const hazard = intensity.length ? new Uint8Array(intensity.length) : undefined;
  if (hazard) for (let c = 0; c < intensity.length; c++) hazard[c] = Math.round(Math.min(1, Math.max(0, intensity[c])) * 255);
  return {
    tick: world.tick,
    timeS: world.tick * world.tickS,
    residentXY,
    residentState: r.state.slice(),
    residentHeard,
    volunteerXY,
    volunteerState: v.state.slice(),
    cells,
    ...(hazard ? { hazard } : {}),
    geometryVersion: world.geometryVersion,
    closedPlaces: world.grid.places.filter((p) => world.placeClosed[p.index]).map((p) => p.id),
    metrics: readMetrics(world),
    injects: injectViews(world.injects),
  };
}

function hashOf(world: World): string {
  const h = new StateHasher()
    .word(world.tick)
    .word(world.seed)
    .string(world.strategy ?? '');
  const r = world.residents;
  h.array(r.x).array(r.y).array(r.cell).array(r.state).array(r.field).array(r.startS).array(r.safeAtS);
  h.array(world.occupancy).array(Int32Array.from(world.blocked).sort()).array(world.placeClosed).array(world.gateTokens).array(world.shelterCount);
  h.array(r.traits)
    .array(r.heardBroadcasts)
    .array(r.intent)
    .array(r.knows)
    .array(r.hearRemaining)
    .array(r.rumourRemaining)
    .array(r.trust)
    .array(r.panic)
    .array(r.speedMps);
  h.array(world.hazardIntensity).word(world.warning.broadcasts.length).word(world.scheduled.length);
  const v = world.volunteers;
  h.array(v.x).array(v.y).array(v.state);
  for (const module of world.hazardModules) module.hash(h);
  h.array(world.harm.dose).word(world.harm.deceased);
  h.array(world.outages.powerOff).array(world.outages.telecomOff);
  const d = world.detection;
  h.number(d.firstDetectionS).number(d.confirmedS).word(d.log.length).word(d.queue.length);
  h.word(world.fields.length).word(world.commandLog.length).word(world.nextEvent);
  const g = world.governance;
  if (g) {
    h.word(g.trail.length).word(g.reports.length).word(g.queue.length).word(g.needs.length).number(g.suppliesDelivered).number(g.suppliesNeeded);
    for (const stock of g.storeStock) h.array(stock);
    h.word(g.injuredCaredFor).string(g.phase);
  }
  hashInjects(h, world.injects);
  return h.digest();
}

/**
 * Bytes of every typed array the run holds, by part: agents, grid, fields, hazards, warning, detection,
 * volunteer tasks (with their path-finder's scratch), governance; "other" is whatever else the world
 * reaches. Each buffer is charged once, to the first part that reaches it.
 */
function memoryParts(world: World): Record<string, number> {
  const seen = new Set<object>();
  const parts: Record<string, number> = {};
  for (const [name, roots] of memoryRoots(world)) parts[name] = roots.reduce<number>((sum, root) => sum + reachableArrayBytes(root, seen), 0);
  return parts;
}

/** The same arrays by what they are indexed by: residents and volunteers, map cells, or other (see memoryShapeOf). */
function memoryShape(world: World): MemoryShape {
  const roots = memoryRoots(world).flatMap(([, r]) => r);
  return memoryShapeOf(roots, { residents: world.residents.count, volunteers: world.volunteers.count, cells: world.grid.width * world.grid.height });
}

/** Where each part's typed arrays are reached from, in the order parts are charged. */
function memoryRoots(world: World): [string, unknown[]][] {
  return [
    ['residents', [world.residents]],
    ['volunteers', [world.volunteers]],
    ['grid', [world.grid]],
    ['cells', [Object.values(world).filter((v) => ArrayBuffer.isView(v))]],
    ['distanceFields', [world.fields, world.heap, peekRerouteState(world) ?? null]],
    ['hazardLayers', [world.hazardLayers]],
    ['hazardEngines', [world.hazardModules.map((m) => m.engine ?? null), world.hazards]],
    ['warning', [world.warning]],
    ['detection', [world.detection]],
    ['harm', [world.harm]],
    ['outages', [world.outages]],
    ['governance', [world.governance]],
    ['volunteerTasks', [peekVolunteerRuntime(world) ?? null]],
    ['heat', [world.heat]],
    ['other', [world]],
  ];
}
