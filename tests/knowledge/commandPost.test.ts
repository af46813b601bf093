import { describe, expect, it } from 'vitest';
import { createSimulation, type Simulation } from '../../sim/index';
import { drillJson, HAZARD, load, reachS } from '../detection/drill';

/** The detection drill's map: 61 columns of 1 m cells; smoke sensor S1 at column 30, row 10, watching 5 m, 10 s delay. */
const WIDTH = 61;
const SENSOR = { x: 30, y: 10, coverageM: 5, delayS: 10 };
/** The strategies' decision delay: how long the desk checks a sensor alert. */
const CHECK_S = 120;

/** Nobody calls, and S1 never misses nor raises false alarms: only the sensor can tell the desk. */
function sensorOnly() {
  const json = drillJson();
  json.detection.reportProbability = 0;
  Object.assign(json.sensors[0], { missProbability: 0, falseAlarmsPerDay: 0 });
  return json;
}

/** No hazard at all, nobody calls, and S1 raises a false alarm about every 30 minutes. */
function falseAlarmsOnly() {
  const json = drillJson();
  json.hazards = [];
  json.detection.reportProbability = 0;
  Object.assign(json.sensors[0], { missProbability: 0, falseAlarmsPerDay: 48 });
  return json;
}

/** Step one tick at a time until `done` holds (at most `maxS` more simulated seconds). */
function stepUntil(sim: Simulation, maxS: number, done: () => boolean): void {
  const last = sim.tick + Math.round(maxS / sim.tickS);
  while (!done() && sim.tick < last) sim.step(1);
}

const truthCells = (sim: Simulation) => (sim.snapshot().hazard ?? new Uint8Array()).reduce((n, v) => n + (v > 0 ? 1 : 0), 0);

describe('what the command post knows', () => {
  it('knows nothing of the hazard before the first alert reaches the desk, though the hazard is there', () => {
    const sim = createSimulation(load(sensorOnly()), { seed: 1, strategy: 'sensors' });
    const arrivesS = reachS(SENSOR.x - SENSOR.coverageM - HAZARD.x) + SENSOR.delayS;
    let ticksChecked = 0;
    while (sim.timeS < arrivesS - sim.tickS) {
      sim.step(1);
      const k = sim.knowledge();
      expect(k.spots).toEqual([]);
      expect(k.area).toBeNull();
      expect(k.areaCells).toBe(0);
      expect(k.groups).toEqual([]);
      expect(k.sensors.map((s) => s.status)).toEqual(['quiet']);
      ticksChecked++;
    }
    // The smoke has been spreading for over 40 s: the truth holds hundreds of cells the post does not see.
    expect(ticksChecked).toBeGreaterThan(200);
    expect(truthCells(sim)).toBeGreaterThan(300);
  });

  it('shows a sensor alert only once it has arrived, after the sensor delay, and only the area the sensor watches', () => {
    const sim = createSimulation(load(sensorOnly()), { seed: 1, strategy: 'sensors' });
    stepUntil(sim, 300, () => sim.knowledge().spots.length > 0);
    const k = sim.knowledge();
    expect(k.spots).toHaveLength(1);
    const spot = k.spots[0];
    // The smoke reaches the edge of S1's coverage (15 cells from its origin), and the alert takes 10 s more.
    const expectedS = reachS(SENSOR.x - SENSOR.coverageM - HAZARD.x) + SENSOR.delayS;
    expect(Math.abs(spot.receivedS - expectedS)).toBeLessThanOrEqual(sim.tickS);
    expect(spot).toMatchObject({ source: 'sensor', sensor: 'S1', cell: SENSOR.y * WIDTH + SENSOR.x, radiusM: SENSOR.coverageM, status: 'reported' });
    expect(k.sensors).toEqual([{ id: 'S1', status: 'alert', lastAlertS: spot.receivedS, alerts: 1 }]);
    // The known area is the sensor's disc, strongest at the sensor; the true smoke reaches far beyond it.
    const area = k.area as Uint8Array;
    const inDisc = (c: number) => Math.hypot((c % WIDTH) - SENSOR.x, Math.floor(c / WIDTH) - SENSOR.y) <= SENSOR.coverageM;
    const known = [...area.keys()].filter((c) => area[c] > 0);
    expect(known.length).toBe(k.areaCells);
    expect(known.every(inDisc)).toBe(true);
    // Every cell whose centre is within 5 cells: π·5² rounded to whole cells on the grid.
    expect(known.length).toBe(81);
    expect(area[SENSOR.y * WIDTH + SENSOR.x]).toBe(Math.max(...known.map((c) => area[c])));
    const truth = sim.snapshot().hazard as Uint8Array;
    expect([...truth.keys()].filter((c) => truth[c] > 0 && !inDisc(c)).length).toBeGreaterThan(300);
  });

  it('shows a false alarm as reported until the desk has checked it, then as a false alarm, outside the known area', () => {
    const sim = createSimulation(load(falseAlarmsOnly()), { seed: 2, strategy: 'sensors' });
    stepUntil(sim, 3600, () => sim.knowledge().spots.length > 0);
    const first = sim.knowledge().spots[0];
    expect(first).toMatchObject({ source: 'sensor', sensor: 'S1', status: 'reported' });
    expect(sim.knowledge().sensors[0].status).toBe('alert');
    expect(sim.knowledge().areaCells).toBeGreaterThan(0);
    const statusOfFirst = () => sim.knowledge().spots.find((s) => s.seq === first.seq)?.status;
    // First seen after the tick it arrived at; still reported after the tick before the check ends.
    expect(sim.timeS).toBe(first.receivedS + sim.tickS);
    sim.step(Math.round(CHECK_S / sim.tickS) - 1);
    expect(statusOfFirst()).toBe('reported');
    expect(sim.events().filter((e) => e.title === 'Smoke sensor S1 alert checked: false alarm, discarded')).toEqual([]);
    sim.step(1);
    expect(statusOfFirst()).toBe('falseAlarm');
    // The desk discards it in the feed at the same tick, the check's length after it arrived.
    const discarded = sim.events().filter((e) => e.title === 'Smoke sensor S1 alert checked: false alarm, discarded');
    expect(discarded[0]?.timeS).toBe(first.receivedS + CHECK_S);
    // No other alarm came meanwhile (seed 2): nothing is left of the known area.
    const k = sim.knowledge();
    expect(k.spots).toHaveLength(1);
    expect(k.area).toBeNull();
    expect(k.sensors[0]).toMatchObject({ status: 'falseAlarm', alerts: 1 });
  });

  it('holds a real sensor alert as unverified exactly as long as a false one', () => {
    const sim = createSimulation(load(sensorOnly()), { seed: 1, strategy: 'sensors' });
    stepUntil(sim, 300, () => sim.knowledge().spots.length > 0);
    const receivedS = sim.knowledge().spots[0].receivedS;
    const unverifiedArea = sim.knowledge().area?.[SENSOR.y * WIDTH + SENSOR.x] ?? 0;
    sim.step(Math.round((receivedS + CHECK_S - sim.timeS) / sim.tickS));
    expect(sim.knowledge().spots[0].status).toBe('reported');
    sim.step(1);
    expect(sim.knowledge().spots[0].status).toBe('confirmed');
    // Verified, the belief at the sensor is stronger than while unverified.
    expect(sim.knowledge().area?.[SENSOR.y * WIDTH + SENSOR.x] ?? 0).toBeGreaterThan(unverifiedArea);
  });

  it('groups residents’ calls by the place they came from, and confirms them when the desk does', () => {
    const json = drillJson();
    Object.assign(json.sensors[0], { missProbability: 0, falseAlarmsPerDay: 0 });
    const sim = createSimulation(load(json), { seed: 2, strategy: 'no-sensors' });
    stepUntil(sim, 600, () => sim.metrics().confirmedS !== null);
    const k = sim.knowledge();
    const calls = k.groups.filter((g) => g.source === 'resident');
    expect(calls.reduce((n, g) => n + g.count, 0)).toBe(sim.metrics().residentReports);
    expect(calls.every((g) => g.status === 'confirmed')).toBe(true);
    // The desk confirms after 2 calls (reportsToConfirm), so at least two are known.
    expect(sim.metrics().residentReports).toBeGreaterThanOrEqual(2);
    expect(k.spots.every((s) => s.radiusM === 20)).toBe(true);
  });

  it('builds the same area whether it followed every report as it came or reads them all at once', () => {
    const json = drillJson();
    Object.assign(json.sensors[0], { missProbability: 0, falseAlarmsPerDay: 48 });
    json.detection.reportProbability = 0.5;
    const scenario = load(json);
    const followed = createSimulation(scenario, { seed: 2, strategy: 'sensors' });
    const atOnce = createSimulation(scenario, { seed: 2, strategy: 'sensors' });
    const versions = new Set<number>();
    for (let k = 0; k < 2400; k++) {
      followed.step(1);
      versions.add(followed.knowledge().version);
    }
    atOnce.step(2400);
    const a = followed.knowledge();
    const b = atOnce.knowledge();
    expect(versions.size).toBeGreaterThan(5);
    expect(b.alertsReceived).toBe(a.alertsReceived);
    expect(a.alertsReceived).toBeGreaterThan(5);
    expect(a.areaCells).toBe(b.areaCells);
    expect(Buffer.from(a.area as Uint8Array).equals(Buffer.from(b.area as Uint8Array))).toBe(true);
  });

  it('returns the same view while nothing changed, and reading it leaves the run and its hash alone', () => {
    const scenario = load(falseAlarmsOnly());
    const watched = createSimulation(scenario, { seed: 3, strategy: 'sensors' });
    const plain = createSimulation(scenario, { seed: 3, strategy: 'sensors' });
    const versions = new Set<number>();
    for (let k = 0; k < 4800; k++) {
      watched.step(1);
      versions.add(watched.knowledge().version);
    }
    plain.step(4800);
    expect(watched.hash()).toBe(plain.hash());
    expect(watched.knowledge()).toBe(watched.knowledge());
    // Over 20 minutes: a few alarms arrive and are checked, so a few versions, not one per tick.
    expect(versions.size).toBeGreaterThan(1);
    expect(versions.size).toBeLessThan(20);
  });
});
