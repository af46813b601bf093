import { describe, expect, it } from 'vitest';
import {
  createFlood,
  DANGER_CLASS,
  dangerAt,
  dangerClass,
  floodIntensity,
  floodSpecSchema,
  forEachChangedCell,
  hazardRating,
  INTENSITY_STEP,
  intensityAt,
  stepFlood,
  walkingSpeedFactor,
} from '../../sim/hazards/flood/index';

describe('walkingSpeedFactor', () => {
  it('leaves walking unimpeded up to ankle depth, 0.6 at knee depth (0.35 m), stopped from 0.6 m', () => {
    expect(walkingSpeedFactor(0)).toBe(1);
    expect(walkingSpeedFactor(0.1)).toBe(1);
    expect(walkingSpeedFactor(0.2)).toBeCloseTo(0.84, 12);
    expect(walkingSpeedFactor(0.35)).toBeCloseTo(0.6, 12);
    expect(walkingSpeedFactor(0.5)).toBeCloseTo(0.24, 12);
    expect(walkingSpeedFactor(0.6)).toBe(0);
    expect(walkingSpeedFactor(2)).toBe(0);
  });

  it('never rises with depth and stays within 0 to 1, continuous', () => {
    let previous = 1;
    for (let d = 0; d <= 1; d += 0.001) {
      const f = walkingSpeedFactor(d);
      expect(f).toBeLessThanOrEqual(previous);
      expect(previous - f).toBeLessThan(0.003);
      expect(f).toBeGreaterThanOrEqual(0);
      previous = f;
    }
  });
});

describe('hazard rating (FD2321/TR2)', () => {
  it('is d·(v + 0.5) plus a debris factor of 1 over 0.25 m or 2 m/s', () => {
    expect(hazardRating(0, 3)).toBe(0);
    expect(hazardRating(0.2, 0)).toBeCloseTo(0.1, 12);
    expect(hazardRating(0.25, 1)).toBeCloseTo(0.375, 12);
    expect(hazardRating(0.3, 1)).toBeCloseTo(1.45, 12);
    expect(hazardRating(0.2, 2.5)).toBeCloseTo(1.6, 12);
  });

  it('falls in the four classes: low, danger for some, most, all', () => {
    expect(dangerClass(0.5)).toBe(0);
    expect(dangerClass(DANGER_CLASS.dangerForSome)).toBe(1);
    expect(dangerClass(1.45)).toBe(2);
    expect(dangerClass(2.5)).toBe(3);
  });
});

describe('floodIntensity', () => {
  it('is 0 without visible water, then grows with depth to 1 where walking stops', () => {
    expect(floodIntensity(0, 0)).toBe(0);
    expect(floodIntensity(0.009, 5)).toBe(0);
    expect(floodIntensity(0.01, 0)).toBeGreaterThan(0);
    expect(floodIntensity(0.22, 0)).toBeCloseTo(0.192, 12);
    expect(floodIntensity(0.35, 0)).toBeCloseTo(0.4, 12);
    expect(floodIntensity(0.6, 0)).toBe(1);
    expect(floodIntensity(3, 4)).toBe(1);
  });

  it('rises with speed: shallow fast water can be worse than deeper still water', () => {
    expect(floodIntensity(0.2, 2)).toBeCloseTo(0.25, 12);
    expect(floodIntensity(0.2, 2)).toBeGreaterThan(floodIntensity(0.25, 0));
    for (let v = 0; v < 5; v += 0.5) expect(floodIntensity(0.3, v + 0.5)).toBeGreaterThanOrEqual(floodIntensity(0.3, v));
  });
});

describe('a flood seen by people: danger, intensity and the changed-cell list', () => {
  /** A channel 30 cells long, sloping east, with a river of 2 m³/s entering at its west end. */
  function channel() {
    const width = 30;
    const height = 3;
    const bedElevationM = Float32Array.from({ length: width * height }, (_, c) => 1 - 0.01 * (c % width));
    const spec = floodSpecSchema.parse({
      sources: [{ id: 'river', rect: { x: 0, y: 0, w: 1, h: 3 }, inflowM3s: 2 }],
      outflows: [{ kind: 'edge', sides: ['east'] }],
    });
    return createFlood({ width, height, cellSizeM: 2, bedElevationM, wall: new Uint8Array(width * height) }, spec);
  }

  it('lists cells as the water arrives, with the intensity to publish', () => {
    const flood = channel();
    const published = new Map<number, number>();
    for (let tick = 0; tick < 120; tick++) {
      stepFlood(flood, 0.5);
      forEachChangedCell(flood, (cell, intensity) => {
        const before = published.get(cell) ?? 0;
        // Listed because it appeared, vanished, or moved by at least a step.
        if ((before === 0) === (intensity === 0)) expect(Math.abs(intensity - before)).toBeGreaterThanOrEqual(INTENSITY_STEP - 1e-7);
        published.set(cell, intensity);
      });
    }
    // Every cell with visible water has been listed, and what was published is within a step of now.
    let wet = 0;
    for (let c = 0; c < flood.depthM.length; c++) {
      expect(Math.abs((published.get(c) ?? 0) - intensityAt(flood, c))).toBeLessThan(INTENSITY_STEP);
      if (flood.depthM[c] >= 0.01) {
        expect(published.has(c)).toBe(true);
        wet++;
      }
    }
    expect(wet).toBeGreaterThan(30);
  });

  it('reports moving water: speed, hazard rating and intensity at a cell in the channel', () => {
    const flood = channel();
    for (let tick = 0; tick < 600; tick++) stepFlood(flood, 1);
    const c = 30 + 15;
    expect(flood.depthM[c]).toBeGreaterThan(0.05);
    expect(flood.speedMps[c]).toBeGreaterThan(0.1);
    expect(dangerAt(flood, c)).toBeCloseTo(hazardRating(flood.depthM[c], flood.speedMps[c]), 12);
    expect(intensityAt(flood, c)).toBeCloseTo(floodIntensity(flood.depthM[c], flood.speedMps[c]), 12);
    // Steady flow: speed × depth is the discharge per metre, 2 m³/s over the 6 m wide channel.
    expect(flood.speedMps[c] * flood.depthM[c]).toBeCloseTo(2 / 6, 2);
    // And all of it leaves over the east edge: row 1's last x-face (31 faces per row).
    expect(flood.flowXM2s[1 * 31 + 30]).toBeCloseTo(2 / 6, 2);
  });

  it('lists nothing once the flow is steady', () => {
    const flood = channel();
    for (let tick = 0; tick < 600; tick++) stepFlood(flood, 1);
    expect(flood.changedCount).toBe(0);
  });
});
