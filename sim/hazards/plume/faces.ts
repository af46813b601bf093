/** Bits of `Plume.faceX` and `Plume.faceY`: what the sweep may use at each cell face. */
export const Face = {
  /** Gas can cross: both cells open (or, at the map's edge, the cell inside). */
  Open: 1,
  /** The cell two back (west of the west cell, north of the north cell) is on the map and open. */
  FarBack: 2,
  /** The cell two ahead (east of the east cell, south of the south cell) is on the map and open. */
  FarAhead: 4,
  /** The face is on the map's edge (clean air beyond). */
  Edge: 8,
} as const;

/**
 * Face flags for a grid with closed cells `wall`, so the sweep reads one byte per face instead of testing
 * up to four cells and the map's bounds. x-faces: (width + 1) per row, face x is the west face of cell x
 * (x = width: the east edge). y-faces: width per face row, face row y is the north face of row y (y =
 * height: the south edge). Walls are fixed for the plume's life.
 */
export function faceFlags(width: number, height: number, wall: Uint8Array): { faceX: Uint8Array; faceY: Uint8Array } {
  const open = (x: number, y: number) => x >= 0 && y >= 0 && x < width && y < height && wall[y * width + x] === 0;
  const faceX = new Uint8Array((width + 1) * height);
  const faceY = new Uint8Array(width * (height + 1));
  for (let y = 0; y < height; y++) {
    for (let x = 0; x <= width; x++) {
      let bits = 0;
      if (x === 0 || x === width) {
        if (open(x === 0 ? 0 : width - 1, y)) bits = Face.Open | Face.Edge;
      } else if (open(x - 1, y) && open(x, y)) {
        bits = Face.Open | (open(x - 2, y) ? Face.FarBack : 0) | (open(x + 1, y) ? Face.FarAhead : 0);
      }
      faceX[y * (width + 1) + x] = bits;
    }
  }
  for (let y = 0; y <= height; y++) {
    for (let x = 0; x < width; x++) {
      let bits = 0;
      if (y === 0 || y === height) {
        if (open(x, y === 0 ? 0 : height - 1)) bits = Face.Open | Face.Edge;
      } else if (open(x, y - 1) && open(x, y)) {
        bits = Face.Open | (open(x, y - 2) ? Face.FarBack : 0) | (open(x, y + 1) ? Face.FarAhead : 0);
      }
      faceY[y * width + x] = bits;
    }
  }
  return { faceX, faceY };
}
