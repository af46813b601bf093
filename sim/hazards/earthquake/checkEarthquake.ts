import type { ScenarioError } from '../../scenario/ScenarioError';
import type { EarthquakeSpec } from './earthquakeSpec';

/**
 * The semantic check of a validated earthquake spec against its map, for the scenario check: every
 * building named in `vulnerability.byBuilding` exists. `path` is the JSON path of the spec (for example
 * `hazards[2].earthquake`); `buildingIds` the ids of the map's buildings.
 */
export function checkEarthquakeSpec(spec: EarthquakeSpec, buildingIds: readonly string[], path: string): ScenarioError[] {
  const known = new Set(buildingIds);
  const errors: ScenarioError[] = [];
  for (const building of Object.keys(spec.vulnerability.byBuilding)) {
    if (!known.has(building)) {
      errors.push({
        path: `${path}.vulnerability.byBuilding${/^[A-Za-z_$][\w$]*$/.test(building) ? `.${building}` : `[${JSON.stringify(building)}]`}`,
        message: `there is no building "${building}"`,
        hint: buildingIds.length > 0 ? `use the id of a building place, for example "${buildingIds[0]}"` : 'add the building to "places" or remove this line',
      });
    }
  }
  return errors;
}
