import type { FireIgnition } from './fireSpec';

/**
 * Cells (row-major indexes) where an ignition starts on a width × height grid of `cellSizeM` cells, or a
 * message saying why it is not on the map. A point in metres lies in the cell containing it; a rectangle
 * is clipped to the map (it must overlap it).
 */
export function ignitionCells(ignition: FireIgnition, width: number, height: number, cellSizeM: number): { cells: number[] } | { error: string } {
  switch (ignition.kind) {
    case 'point': {
      const x = Math.floor(ignition.xM / cellSizeM);
      const y = Math.floor(ignition.yM / cellSizeM);
      if (x >= width || y >= height) {
        return {
          error: `the point (${ignition.xM} m, ${ignition.yM} m) is off the map, which is ${width * cellSizeM} m wide and ${height * cellSizeM} m high`,
        };
      }
      return { cells: [y * width + x] };
    }
    case 'cells': {
      const cells: number[] = [];
      for (const [k, { x, y }] of ignition.cells.entries()) {
        if (x >= width || y >= height) return { error: `cell ${k} (x ${x}, y ${y}) is off the map of ${width} × ${height} cells` };
        cells.push(y * width + x);
      }
      return { cells };
    }
    case 'rect': {
      const { x, y, w, h } = ignition.rect;
      if (x >= width || y >= height) return { error: `the rectangle starts at (x ${x}, y ${y}), off the map of ${width} × ${height} cells` };
      const cells: number[] = [];
      for (let row = y; row < Math.min(height, y + h); row++) for (let col = x; col < Math.min(width, x + w); col++) cells.push(row * width + col);
      return { cells };
    }
  }
}
