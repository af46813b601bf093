import type { ScenarioError } from '../../scenario/ScenarioError';
import type { FireSpec } from './fireSpec';
import { ignitionCells } from './ignition';

/**
 * The semantic check of a validated fire spec against its map, for the scenario check: the ignition is on
 * the map and on fuel, fuel areas overlap the map, and a cell keeps burning while the front crosses the
 * next one (the model lets a cell pass the fire on when it catches, so a front slower than a cell's burn
 * would cross cells long burnt out). `path` is the JSON path of the spec (for example `hazards[0].fire`);
 * `fuel` is the map's fuel (`fuelFromCellKinds`).
 */
export function checkFireSpec(
  spec: FireSpec,
  map: { width: number; height: number; cellSizeM: number },
  fuel: ArrayLike<number>,
  path: string,
): ScenarioError[] {
  const errors: ScenarioError[] = [];
  const { width, height, cellSizeM } = map;
  const start = ignitionCells(spec.ignition, width, height, cellSizeM);
  if ('error' in start) {
    errors.push({ path: `${path}.ignition`, message: start.error, hint: 'put the ignition inside the map' });
  } else if (!start.cells.some((c) => fuel[c] > 0)) {
    errors.push({
      path: `${path}.ignition`,
      message: 'the fire starts where nothing burns',
      hint: 'start it in a building, or give that cell kind fuel in "fuelByCellKind" or a "fuelAreas" rectangle',
    });
  }
  spec.fuelAreas.forEach((area, k) => {
    if (area.rect.x >= width || area.rect.y >= height) {
      errors.push({
        path: `${path}.fuelAreas[${k}].rect`,
        message: `the rectangle is off the map of ${width} × ${height} cells`,
        hint: 'move it onto the map or remove it',
      });
    }
  });
  const crossS = (Math.SQRT2 * cellSizeM) / spec.spreadRateMps;
  if (crossS > spec.burnDurationS) {
    errors.push({
      path: `${path}.burnDurationS`,
      message: `cells burn for ${spec.burnDurationS} s but the front needs up to ${Math.ceil(crossS)} s to cross a ${cellSizeM} m cell`,
      hint: 'make burnDurationS longer or spreadRateMps faster',
    });
  }
  return errors;
}
