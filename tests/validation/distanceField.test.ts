import { describe, expect, it } from 'vitest';
import { computeDistanceField, createDistanceField } from '../../sim/index';
import { isWalkableKind } from '../../sim/space/CellKind';
import { buildGrid } from '../../sim/space/Grid';
import { loadValidation } from '../support/scenarios';

// VALIDATION V9: distance field on open ground 100 m × 100 m toward the centre.
describe('V9 distance-field accuracy', () => {
  const scenario = loadValidation('v09-distance-field');
  const grid = buildGrid(scenario);
  const passable = Uint8Array.from(grid.baseKinds, (k) => (isWalkableKind(k) ? 1 : 0));
  const goal = grid.placeById.get('centre')?.cells as Int32Array;
  const gx = goal[0] % grid.width;
  const gy = Math.floor(goal[0] / grid.width);

  const maxRelativeError = (field: Float32Array) => {
    let worst = 0;
    for (let y = 0; y < grid.height; y++) {
      for (let x = 0; x < grid.width; x++) {
        const exact = Math.hypot(x - gx, y - gy) * grid.cellSizeM;
        if (exact === 0) continue;
        worst = Math.max(worst, Math.abs(field[y * grid.width + x] - exact) / exact);
      }
    }
    return worst;
  };

  it('is within 8.3% of the straight-line distance everywhere', () => {
    const field = createDistanceField(passable.length);
    computeDistanceField(grid.width, grid.height, grid.cellSizeM, passable, goal, field);
    expect(grid.width).toBe(101);
    expect(maxRelativeError(field.distanceM)).toBeLessThanOrEqual(0.083);
  });

  it('the bound is meaningful: a 4-connected field (diagonals forbidden by walls) would fail it', () => {
    // Manhattan distance is what 4-connectivity gives on open ground: 41% off on the diagonals.
    const manhattan = new Float32Array(passable.length);
    for (let y = 0; y < grid.height; y++) for (let x = 0; x < grid.width; x++) manhattan[y * grid.width + x] = Math.abs(x - gx) + Math.abs(y - gy);
    expect(maxRelativeError(manhattan)).toBeGreaterThan(0.4);
  });
});
