/**
 * A binary min-heap of cells keyed by a Float32 (a distance, an arrival time), ties broken by the lower cell
 * index, so cells come off it in one order whatever order they went on: a distance field does not depend on
 * how it was built (see `repairDistanceField`), nor a fire on how its run is cut into steps. Stale entries
 * are the caller's to skip; the arrays double when full.
 */
export class CellHeap {
  private keys: Float32Array;
  private cells: Int32Array;
  size = 0;

  constructor(capacity = 1024) {
    this.keys = new Float32Array(capacity);
    this.cells = new Int32Array(capacity);
  }

  clear(): void {
    this.size = 0;
  }

  push(key: number, cell: number): void {
    if (this.size === this.keys.length) this.grow();
    const keys = this.keys;
    const cells = this.cells;
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pk = keys[parent];
      if (pk < key || (pk === key && cells[parent] < cell)) break;
      keys[i] = pk;
      cells[i] = cells[parent];
      i = parent;
    }
    keys[i] = key;
    cells[i] = cell;
  }

  /** Key of the first entry; only valid when size > 0. */
  peekKey(): number {
    return this.keys[0];
  }

  /** Remove the first entry and return its cell; only valid when size > 0. */
  pop(): number {
    const keys = this.keys;
    const cells = this.cells;
    const top = cells[0];
    const n = --this.size;
    const key = keys[n];
    const cell = cells[n];
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= n) break;
      const right = child + 1;
      if (right < n && (keys[right] < keys[child] || (keys[right] === keys[child] && cells[right] < cells[child]))) child = right;
      const ck = keys[child];
      if (ck > key || (ck === key && cells[child] > cell)) break;
      keys[i] = ck;
      cells[i] = cells[child];
      i = child;
    }
    keys[i] = key;
    cells[i] = cell;
    return top;
  }

  private grow(): void {
    const keys = new Float32Array(this.keys.length * 2);
    const cells = new Int32Array(this.cells.length * 2);
    keys.set(this.keys);
    cells.set(this.cells);
    this.keys = keys;
    this.cells = cells;
  }
}
