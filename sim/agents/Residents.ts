/** Residents as parallel typed arrays indexed by resident id (structure of arrays). */
export interface Residents {
  count: number;
  /** Position in metres from the map's top-left corner. */
  x: Float32Array;
  y: Float32Array;
  /** Cell index (row-major) of the position. */
  cell: Int32Array;
  /** ResidentState. */
  state: Uint8Array;
  /** Slot of the distance field the resident follows (see FieldSlots). */
  field: Uint8Array;
  /** Unobstructed walking speed, m/s. */
  speedMps: Float32Array;
  /** Pre-movement time drawn at creation, s. */
  preMovementS: Float32Array;
  /** Simulated time at which the resident starts (or started) to move, s; Infinity before an order. */
  startS: Float32Array;
  /** Simulated time at which the resident reached safety, s; Infinity before. */
  safeAtS: Float32Array;
  household: Int32Array;
  /** Index of the resident's group in scenario.population.groups. */
  group: Uint16Array;
  /** 0 under 30, 1 30 to 50, 2 over 50. */
  ageGroup: Uint8Array;
  /** 0 normal, 1 limited. */
  mobility: Uint8Array;
  /** Place index of the home building, or -1. */
  homeBuilding: Int16Array;
}

export function createResidents(count: number): Residents {
  return {
    count,
    x: new Float32Array(count),
    y: new Float32Array(count),
    cell: new Int32Array(count),
    state: new Uint8Array(count),
    field: new Uint8Array(count),
    speedMps: new Float32Array(count),
    preMovementS: new Float32Array(count),
    startS: new Float32Array(count).fill(Infinity),
    safeAtS: new Float32Array(count).fill(Infinity),
    household: new Int32Array(count),
    group: new Uint16Array(count),
    ageGroup: new Uint8Array(count),
    mobility: new Uint8Array(count),
    homeBuilding: new Int16Array(count),
  };
}

/** Volunteers: positions and state only, for now. */
export interface Volunteers {
  count: number;
  x: Float32Array;
  y: Float32Array;
  cell: Int32Array;
  state: Uint8Array;
  team: Uint16Array;
}

export function createVolunteers(count: number): Volunteers {
  return {
    count,
    x: new Float32Array(count),
    y: new Float32Array(count),
    cell: new Int32Array(count),
    state: new Uint8Array(count),
    team: new Uint16Array(count),
  };
}

/** Bytes held by a set of typed arrays. */
export function typedArrayBytes(holder: object): number {
  let bytes = 0;
  for (const value of Object.values(holder)) if (ArrayBuffer.isView(value)) bytes += value.byteLength;
  return bytes;
}
