import type { LoadedInfo } from '../../workers/simHost';

/** Where one exit or shelter lies on the map, for drawing it closed and labelling it. */
export interface PlaceOnMap {
  id: string;
  kind: 'exit' | 'shelter';
  /** Display name: the place's name, or its id. */
  label: string;
  /** Row-major cell indexes. */
  cells: number[];
}

/** The exits and shelters of a loaded run, with their cells as the worker reported them. */
export function placesOnMap(info: LoadedInfo): PlaceOnMap[] {
  const out: PlaceOnMap[] = [];
  for (const place of info.places) {
    if ((place.kind !== 'exit' && place.kind !== 'shelter') || !place.cells?.length) continue;
    out.push({ id: place.id, kind: place.kind, label: place.name ?? place.id, cells: place.cells });
  }
  return out;
}
