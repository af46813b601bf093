import { describe, expect, it } from 'vitest';
import type { World } from '../../sim/core/World';
import { createDetectionState } from '../../sim/detection/DetectionState';
import { clearHazardChanges, setHazardCell } from '../../sim/detection/hazardChanges';
import { Cue, createHazards, stepHazards } from '../../sim/detection/hazards';
import { discHalfWidths } from '../../sim/detection/notice';
import { buildSensors, updateSensorHeat } from '../../sim/detection/sensors';
import { createRandom } from '../../sim/random/Random';
import type { Sensor } from '../../sim/scenario/schemaWarning';
import type { Grid } from '../../sim/space/Grid';

const W = 41;
const H = 31;

/** Just the parts of a world the hazard field and its change log use. */
function fieldWorld(): World {
  const grid = { width: W, height: H, cellSizeM: 1 } as Grid;
  return {
    tick: 0,
    tickS: 0.25,
    grid,
    hazards: createHazards([{ id: 'f', kind: 'area', cue: 'fire', origin: { x: 20, y: 15 }, startS: 0, growthMps: 0.7, maxRadiusM: 12 }]),
    hazardIntensity: new Float32Array(W * H),
    hazardCue: new Uint8Array(W * H),
    detection: createDetectionState(),
  } as unknown as World;
}

describe('the hazard field', () => {
  it('grows an area hazard ring by ring into exactly the disc r² + 0.25 ≥ dx² + dy², logging each new cell once', () => {
    const world = fieldWorld();
    const log = world.detection.changes;
    let logged = 0;
    for (let tick = 0; tick <= 80; tick++) {
      world.tick = tick;
      stepHazards(world);
      const r = Math.min(12, 0.7 * tick * 0.25);
      let inside = 0;
      let wrong = 0;
      for (let y = 0; y < H; y++) {
        for (let x = 0; x < W; x++) {
          const want = (x - 20) ** 2 + (y - 15) ** 2 <= r * r + 0.25;
          const c = y * W + x;
          if ((world.hazardIntensity[c] === 1) !== want || world.hazardCue[c] !== (want ? Cue.Fire : 0)) wrong++;
          if (want) inside++;
        }
      }
      expect(wrong).toBe(0);
      // Every cell logged once, with its value before: nothing (intensity 0, no cue).
      for (let k = 0; k < log.count; k++) expect(log.prevIntensity[k] + log.prevCue[k]).toBe(0);
      logged += log.count;
      expect(logged).toBe(inside);
      clearHazardChanges(log);
    }
  });

  it('does not log writes that change nothing, and keeps the first previous value of a cell', () => {
    const world = fieldWorld();
    const log = world.detection.changes;
    setHazardCell(world, 5, 0, 0);
    expect(log.count).toBe(0);
    setHazardCell(world, 5, 0.5, Cue.Gas);
    setHazardCell(world, 5, 0.8, Cue.Gas);
    expect(log.count).toBe(1);
    expect(log.prevIntensity[0]).toBe(0);
    expect(world.hazardIntensity[5]).toBeCloseTo(0.8, 6);
  });
});

describe('notice discs', () => {
  it('cover the cells whose centres are within range', () => {
    expect(Array.from(discHalfWidths(3, 1))).toEqual([3, 2, 2, 0]);
    expect(Array.from(discHalfWidths(0, 1))).toEqual([0]);
    // 15 m at 0.3 m cells is 50 cells: the rounding of 15 / 0.3 must not lose the last one.
    expect(discHalfWidths(15, 0.3).length).toBe(51);
  });
});

describe('sensor heat', () => {
  it('counts the watched cells over the threshold, for the cues the sensor sees, as cells change', () => {
    const world = fieldWorld();
    const grid = world.grid;
    const sensor = (id: string, kind: Sensor['kind'], x: number): Sensor => ({
      id,
      kind,
      at: { x, y: 15 },
      coverageM: 2,
      threshold: 0.4,
      delayS: 0,
      missProbability: 0,
      falseAlarmsPerDay: 0,
      outages: [],
    });
    const s = buildSensors([sensor('gas', 'gas', 10), sensor('smoke', 'smoke', 10), sensor('far', 'gas', 30)], grid, createRandom(1, 't'));
    const log = world.detection.changes;
    const update = () => {
      updateSensorHeat(s, log, W, world.hazardIntensity, world.hazardCue);
      clearHazardChanges(log);
    };
    const at = (x: number, y: number) => y * W + x;
    setHazardCell(world, at(11, 16), 0.3, Cue.Gas); // within 2 m (√2), under the threshold
    update();
    expect(Array.from(s.hot)).toEqual([0, 0, 0]);
    setHazardCell(world, at(11, 16), 0.5, Cue.Gas);
    setHazardCell(world, at(12, 15), 0.9, Cue.Gas); // exactly 2 m: watched
    setHazardCell(world, at(13, 15), 0.9, Cue.Gas); // 3 m: not watched
    update();
    expect(Array.from(s.hot)).toEqual([2, 0, 0]);
    setHazardCell(world, at(12, 15), 0.9, Cue.Gas | Cue.Smoke);
    update();
    expect(Array.from(s.hot)).toEqual([2, 1, 0]);
    setHazardCell(world, at(11, 16), 0, 0);
    setHazardCell(world, at(12, 15), 0.1, Cue.Gas | Cue.Smoke);
    update();
    expect(Array.from(s.hot)).toEqual([0, 0, 0]);
  });
});
