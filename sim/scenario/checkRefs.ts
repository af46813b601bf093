import type { Grid } from '../space/Grid';
import type { ScenarioError } from './ScenarioError';
import type { Rect } from './schema';

/** Most errors the semantic check reports at once. */
export const MAX_CHECK_ERRORS = 50;

/** Report a rectangle that reaches beyond the map. */
export function checkRect(rect: Rect, path: string, grid: Grid, errors: ScenarioError[]): boolean {
  if (rect.x + rect.w <= grid.width && rect.y + rect.h <= grid.height) return true;
  errors.push({
    path,
    message: `the rectangle reaches beyond the map (${grid.width} columns × ${grid.height} rows)`,
    hint: 'x + w must be at most the row length and y + h at most the number of rows',
  });
  return false;
}

/** Report an id that names no place, or a place of the wrong kind; `kinds` lists the kinds accepted. */
export function requirePlace(grid: Grid, id: string, kinds: readonly string[], path: string, errors: ScenarioError[]): boolean {
  const place = grid.placeById.get(id);
  const known = () => grid.places.filter((p) => kinds.includes(p.kind)).map((p) => p.id);
  if (!place) {
    const ids = known();
    errors.push({
      path,
      message: `no ${kinds.join(' or ')} has the id "${id}"`,
      hint: ids.length ? `use one of: ${ids.slice(0, 10).join(', ')}${ids.length > 10 ? ', …' : ''}` : `add a ${kinds[0]} to places`,
    });
    return false;
  }
  if (!kinds.includes(place.kind)) {
    const ids = known();
    errors.push({
      path,
      message: `"${id}" is a ${place.kind}, but ${/^[aeiou]/.test(kinds[0]) ? 'an' : 'a'} ${kinds.join(' or ')} is needed here`,
      hint: ids.length ? `use one of: ${ids.slice(0, 10).join(', ')}${ids.length > 10 ? ', …' : ''}` : undefined,
    });
    return false;
  }
  return true;
}

/** Report every id that repeats an earlier one in the same list. */
export function checkUnique(ids: readonly string[], path: string, what: string, errors: ScenarioError[]): void {
  const seen = new Set<string>();
  ids.forEach((id, i) => {
    if (seen.has(id)) errors.push({ path: `${path}[${i}].id`, message: `another ${what} already has the id "${id}"`, hint: 'give each one its own id' });
    seen.add(id);
  });
}
