import type { ScenarioError } from '../../scenario/ScenarioError';
import type { PlumeGrid } from './Plume';
import type { PlumeSpec } from './spec';

/**
 * The semantic check of a plume against its map, for the scenario check: the release point must be on the
 * map and not in a closed cell. Appends errors under `path` (the plume's JSON path, for example
 * `hazards[2].plume`) and returns whether there were none.
 */
export function checkPlumeSpec(grid: PlumeGrid, spec: PlumeSpec, path: string, errors: ScenarioError[]): boolean {
  const { x, y } = spec.release;
  if (x >= grid.width || y >= grid.height) {
    errors.push({
      path: `${path}.release`,
      message: `the release point (${x}, ${y}) is off the map`,
      hint: `the map has columns 0 to ${grid.width - 1} and rows 0 to ${grid.height - 1}`,
    });
    return false;
  }
  if (grid.wall?.[y * grid.width + x]) {
    errors.push({ path: `${path}.release`, message: `the release point (${x}, ${y}) is inside a wall`, hint: 'move it to an open cell next to the wall' });
    return false;
  }
  return true;
}
