import type { CellKindName } from '../scenario/schema';

/** Cell kinds as small integers (stored in a Uint8Array). The order matches the schema's CELL_KINDS. */
export const CellKind = {
  Open: 0,
  Road: 1,
  Building: 2,
  Wall: 3,
  Water: 4,
  Exit: 5,
  Shelter: 6,
  /** Walkable ground closed by an event or command (a blocked road); shown only in snapshots. */
  Blocked: 7,
} as const;
export type CellKindValue = (typeof CellKind)[keyof typeof CellKind];

const BY_NAME: Record<CellKindName, CellKindValue> = {
  open: CellKind.Open,
  road: CellKind.Road,
  building: CellKind.Building,
  wall: CellKind.Wall,
  water: CellKind.Water,
  exit: CellKind.Exit,
  shelter: CellKind.Shelter,
};

export function cellKindFromName(name: CellKindName): CellKindValue {
  return BY_NAME[name];
}

/** Whether people can stand on a cell of this kind (ignoring blocks and closures). */
export function isWalkableKind(kind: number): boolean {
  return kind !== CellKind.Wall && kind !== CellKind.Water && kind !== CellKind.Blocked;
}
