import type { World } from '../core/World';
import type { AlertRecord, AlertSource } from '../detection/DetectionState';
import { isOnline } from '../detection/sensors';
import { hashUnit } from '../random/hashUnit';

/**
 * How the command post holds a report now: `reported` (received, not yet verified), `confirmed` (the desk
 * treats the hazard as real) or `falseAlarm` (checked and found to be nothing).
 */
export type SpotStatus = 'reported' | 'confirmed' | 'falseAlarm';

/** One report of a hazard as the duty desk received it. */
export interface HazardSpot {
  /** The alert's order raised (AlertRecord.seq): a stable key. */
  seq: number;
  source: AlertSource;
  sensor: string | null;
  /** Cell the report is about (row-major): the sensor's cell, or where the caller or patrol stood. */
  cell: number;
  /** Place id of that cell, or null. */
  place: string | null;
  /** How far from `cell` the hazard may be, m: a sensor's coverage, or how far people see. */
  radiusM: number;
  receivedS: number;
  status: SpotStatus;
}

/** What the command post knows of a sensor: nothing heard, its last alert, found false, or it is off. */
export type SensorStatus = 'quiet' | 'alert' | 'falseAlarm' | 'offline' | 'notInstalled';

export interface SensorKnowledge {
  id: string;
  status: SensorStatus;
  /** When its last alert arrived, s; null before any. */
  lastAlertS: number | null;
  alerts: number;
}

/** Reports from residents or patrols about one place (or one cell outside places): the map's label. */
export interface ReportGroup {
  source: 'resident' | 'volunteer';
  place: string | null;
  /** Cell of the first report: where the label goes. */
  cell: number;
  count: number;
  firstS: number;
  lastS: number;
  status: SpotStatus;
}

/** A shelter or household the community has heard needs supplies, where the report puts it. */
export interface KnownNeed {
  seq: number;
  kind: 'shelter' | 'household';
  /** Cell the report names: a garbled report names the wrong door. */
  cell: number;
  knownS: number;
}

/** The community's picture of the crisis: built only from what reached the duty desk and the organisations. */
export interface CommandPostKnowledge {
  /** Grows whenever anything here changed; a renderer redraws only then. */
  version: number;
  /** Most recent spots first are kept when there are more than MAX_SPOTS. */
  spots: HazardSpot[];
  /** Alerts received in all (spots may hold fewer). */
  alertsReceived: number;
  groups: ReportGroup[];
  /**
   * Belief per cell (row-major) that the hazard is there, 0 to 255: strongest at a report's cell, fading to
   * its radius; weaker for reports not yet verified; nothing from false alarms once checked. Null before
   * any report arrived.
   */
  area: Uint8Array | null;
  /** Cells of `area` above zero. */
  areaCells: number;
  sensors: SensorKnowledge[];
  /** Needs reported and not yet met. */
  needs: KnownNeed[];
}

/** Spots sent to a renderer at most; groups and the area still count every report. */
export const MAX_SPOTS = 500;
/** A garbled report of a household's need names a door this far from the right one, m. */
export const WRONG_DOOR_OFFSET_M = 20;
/** Belief at a verified report's cell and at its radius, and the factor for reports not yet verified. */
const CENTRE_BELIEF = 1;
const EDGE_BELIEF = 0.35;
const UNVERIFIED_FACTOR = 0.6;

/** One disc of belief: a report's cell and radius, at its strength. */
interface Stamp {
  cell: number;
  radiusM: number;
  strength: number;
}

/** Cells of a disc around (0, 0) with their belief before the strength factor. */
interface DiscCells {
  dx: Int32Array;
  dy: Int32Array;
  belief: Float64Array;
}

/**
 * What readKnowledge keeps between calls: an unchanged picture costs a few comparisons, and a new report
 * only stamps its own disc onto the previous area.
 */
export interface KnowledgeCache {
  key: string;
  version: number;
  view: CommandPostKnowledge | null;
  stamps: Map<string, Stamp>;
  discs: Map<number, DiscCells>;
}

export function createKnowledgeCache(): KnowledgeCache {
  return { key: '', version: 0, view: null, stamps: new Map(), discs: new Map() };
}

/**
 * The command post's knowledge now: the alerts the duty desk has received (sensors, residents' calls,
 * patrols) with what became of them, the area they point to, the sensors' last state and the needs
 * reported to the organisations. Nothing is read from the true hazard field or from residents who have not
 * reported, so a trainee seat shows only what a real command post could know. Pure: it changes nothing in
 * the world (the hash is the same whether or not it is called). Returns the cached view (same object)
 * while nothing changed.
 */
export function readKnowledge(world: World, cache: KnowledgeCache): CommandPostKnowledge {
  const nowS = world.tick * world.tickS;
  const key = changeKey(world, nowS);
  if (cache.view && key === cache.key) return cache.view;
  cache.key = key;
  cache.version++;
  cache.view = buildKnowledge(world, nowS, cache);
  return cache.view;
}

/**
 * How long the desk checks a sensor alert before it is sure, s: as long as it checks a false alarm
 * (desk.ts). Real and false alerts look the same for this long, so the picture does not give away which is which.
 */
function verdictAfterS(world: World): number {
  return Math.max(world.warning.levers.decisionDelayS, world.tickS);
}

/**
 * Whether the desk has finished a check that ends at `doneS`. `nowS` is the time of the next tick; the desk
 * last worked at the tick before it, with its half-tick slack (desk.ts).
 */
function isOver(world: World, doneS: number, nowS: number): boolean {
  return doneS <= nowS - world.tickS * 0.5;
}

function statusOf(world: World, a: AlertRecord, nowS: number): SpotStatus {
  if (a.source === 'sensor') {
    if (!isOver(world, a.receivedS + verdictAfterS(world), nowS)) return 'reported';
    return a.real ? 'confirmed' : 'falseAlarm';
  }
  // Calls and patrol reports are verified when the desk confirms the hazard (enough calls, or a patrol).
  return world.detection.confirmedS >= 0 ? 'confirmed' : 'reported';
}

/** Everything the view depends on, as a short string: equal keys give equal views. */
function changeKey(world: World, nowS: number): string {
  const d = world.detection;
  const log = d.log;
  // Sensor alerts arrive in order, each checked for the same time: count those whose check is over.
  let checked = 0;
  const after = verdictAfterS(world);
  for (let k = log.length - 1; k >= 0; k--) {
    if (log[k].source !== 'sensor') continue;
    if (isOver(world, log[k].receivedS + after, nowS)) {
      for (let j = k; j >= 0; j--) if (log[j].source === 'sensor') checked++;
      break;
    }
  }
  let known = 0;
  let met = 0;
  const g = world.governance;
  if (g) {
    for (const need of g.needs) {
      if (need.knownS <= nowS) known++;
      if (need.metS >= 0) met++;
    }
  }
  return `${log.length}|${checked}|${d.confirmedS >= 0 ? 1 : 0}|${sensorsOnline(world, nowS)}|${known}|${met}`;
}

/** One character per sensor: 1 online, 0 offline (outage or power cut), - not installed. */
function sensorsOnline(world: World, nowS: number): string {
  const sensors = world.detection.runtime?.sensors;
  if (!world.warning.levers.sensors) return '-'.repeat(world.scenario.sensors.length);
  if (!sensors) return '1'.repeat(world.scenario.sensors.length);
  let out = '';
  for (let k = 0; k < sensors.count; k++) out += isOnline(sensors, k, nowS, world.outages.powerOff) ? '1' : '0';
  return out;
}

function buildKnowledge(world: World, nowS: number, cache: KnowledgeCache): CommandPostKnowledge {
  const { grid, scenario } = world;
  const coverage = new Map(scenario.sensors.map((s) => [s.id, s.coverageM]));
  const seeM = scenario.detection.noticeRangeM;
  const placeId = (cell: number): string | null => {
    const p = cell >= 0 && cell < grid.placeOfCell.length ? grid.placeOfCell[cell] : -1;
    return p >= 0 ? grid.places[p].id : null;
  };
  const all: HazardSpot[] = world.detection.log.map((a) => ({
    seq: a.seq,
    source: a.source,
    sensor: a.sensor,
    cell: a.cell,
    place: placeId(a.cell),
    radiusM: a.source === 'sensor' ? (coverage.get(a.sensor ?? '') ?? 0) : seeM,
    receivedS: a.receivedS,
    status: statusOf(world, a, nowS),
  }));
  const { area, cells } = beliefArea(world, all, cache);
  return {
    version: cache.version,
    spots: all.length > MAX_SPOTS ? all.slice(all.length - MAX_SPOTS) : all,
    alertsReceived: all.length,
    groups: groupReports(all),
    area,
    areaCells: cells,
    sensors: sensorKnowledge(world, all, nowS),
    needs: knownNeeds(world, nowS),
  };
}

/** Residents' calls and patrol reports by place (or by cell outside places), in the order first heard. */
function groupReports(spots: readonly HazardSpot[]): ReportGroup[] {
  const groups = new Map<string, ReportGroup>();
  for (const s of spots) {
    if (s.source === 'sensor') continue;
    const key = `${s.source}:${s.place ?? `#${s.cell}`}`;
    const group = groups.get(key);
    if (!group) {
      groups.set(key, { source: s.source, place: s.place, cell: s.cell, count: 1, firstS: s.receivedS, lastS: s.receivedS, status: s.status });
      continue;
    }
    group.count++;
    group.lastS = s.receivedS;
    if (s.status === 'confirmed') group.status = 'confirmed';
  }
  return [...groups.values()];
}

/**
 * The area the reports point to: each report not found false stamps a disc of its radius, strongest at
 * its cell; a cell takes the strongest stamp. Reports from one cell with one radius stamp once. When no
 * stamp was removed or weakened since the last area, only new or stronger stamps are added to a copy of it.
 */
function beliefArea(world: World, spots: readonly HazardSpot[], cache: KnowledgeCache): { area: Uint8Array | null; cells: number } {
  const stamps = new Map<string, Stamp>();
  for (const s of spots) {
    if (s.status === 'falseAlarm') continue;
    const strength = s.status === 'confirmed' ? 1 : UNVERIFIED_FACTOR;
    const key = `${s.cell}:${s.radiusM}`;
    const stamp = stamps.get(key);
    if (!stamp || stamp.strength < strength) stamps.set(key, { cell: s.cell, radiusM: s.radiusM, strength });
  }
  const previous = cache.view?.area ?? null;
  let grows = previous !== null;
  for (const [key, old] of cache.stamps) {
    const now = stamps.get(key);
    if (!now || now.strength < old.strength) grows = false;
  }
  const added = grows ? [...stamps].filter(([key, s]) => (cache.stamps.get(key)?.strength ?? -1) < s.strength).map(([, s]) => s) : [...stamps.values()];
  cache.stamps = stamps;
  if (stamps.size === 0) return { area: null, cells: 0 };
  const { width, height } = world.grid;
  const area = grows && previous ? previous.slice() : new Uint8Array(width * height);
  for (const { cell, radiusM, strength } of added) {
    const disc = discOf(world, cache, radiusM);
    const cx = cell % width;
    const cy = (cell - cx) / width;
    for (let k = 0; k < disc.dx.length; k++) {
      const x = cx + disc.dx[k];
      const y = cy + disc.dy[k];
      if (x < 0 || y < 0 || x >= width || y >= height) continue;
      const value = Math.max(1, Math.round(strength * disc.belief[k] * 255));
      const c = y * width + x;
      if (value > area[c]) area[c] = value;
    }
  }
  let cells = 0;
  for (let c = 0; c < area.length; c++) if (area[c]) cells++;
  return { area, cells };
}

/** The cells whose centres lie within `radiusM` of a cell's centre, with their belief; made once per radius. */
function discOf(world: World, cache: KnowledgeCache, radiusM: number): DiscCells {
  const known = cache.discs.get(radiusM);
  if (known) return known;
  const r = radiusM / world.grid.cellSizeM;
  const reach = Math.floor(r);
  const dx: number[] = [];
  const dy: number[] = [];
  const belief: number[] = [];
  for (let y = -reach; y <= reach; y++) {
    for (let x = -reach; x <= reach; x++) {
      const d = Math.sqrt(x * x + y * y);
      if (d > r) continue;
      dx.push(x);
      dy.push(y);
      belief.push(CENTRE_BELIEF - (CENTRE_BELIEF - EDGE_BELIEF) * (r > 0 ? d / r : 0));
    }
  }
  const disc = { dx: Int32Array.from(dx), dy: Int32Array.from(dy), belief: Float64Array.from(belief) };
  cache.discs.set(radiusM, disc);
  return disc;
}

function sensorKnowledge(world: World, spots: readonly HazardSpot[], nowS: number): SensorKnowledge[] {
  const installed = world.warning.levers.sensors;
  const runtime = world.detection.runtime?.sensors;
  const last = new Map<string, HazardSpot>();
  const counts = new Map<string, number>();
  for (const s of spots) {
    if (s.source !== 'sensor' || s.sensor === null) continue;
    last.set(s.sensor, s);
    counts.set(s.sensor, (counts.get(s.sensor) ?? 0) + 1);
  }
  return world.scenario.sensors.map((sensor, k) => {
    const spot = last.get(sensor.id);
    let status: SensorStatus = spot ? (spot.status === 'falseAlarm' ? 'falseAlarm' : 'alert') : 'quiet';
    // A platform sees a device go silent (no heartbeat): that is known, unlike what it would have measured.
    if (runtime && !isOnline(runtime, k, nowS, world.outages.powerOff)) status = 'offline';
    if (!installed) status = 'notInstalled';
    return { id: sensor.id, status, lastAlertS: spot ? spot.receivedS : null, alerts: counts.get(sensor.id) ?? 0 };
  });
}

/** Needs reported to the community and not yet met; a garbled report puts a household at the wrong door. */
function knownNeeds(world: World, nowS: number): KnownNeed[] {
  const g = world.governance;
  if (!g) return [];
  const out: KnownNeed[] = [];
  for (const need of g.needs) {
    if (need.knownS > nowS || need.metS >= 0) continue;
    out.push({
      seq: need.seq,
      kind: need.shelter >= 0 ? 'shelter' : 'household',
      cell: need.wrong ? wrongDoor(world, need.cell, need.seq) : need.cell,
      knownS: need.knownS,
    });
  }
  return out;
}

/** The cell a garbled report names instead of `cell`: WRONG_DOOR_OFFSET_M away, in a direction fixed by the report. */
function wrongDoor(world: World, cell: number, seq: number): number {
  const { width, height, cellSizeM } = world.grid;
  const angle = hashUnit(seq, world.seed) * 2 * Math.PI;
  const steps = WRONG_DOOR_OFFSET_M / cellSizeM;
  const x = Math.min(width - 1, Math.max(0, Math.round((cell % width) + steps * Math.cos(angle))));
  const y = Math.min(height - 1, Math.max(0, Math.round(Math.floor(cell / width) + steps * Math.sin(angle))));
  return y * width + x;
}
