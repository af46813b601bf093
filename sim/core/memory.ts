/**
 * Bytes of typed-array storage reachable from `root` (through plain objects, class instances, arrays, Maps
 * and Sets), each buffer counted once across calls sharing `seen`: a part that reuses another part's
 * arrays (a place's cells, a zone mask) is charged to whichever was counted first. Functions are skipped,
 * so state a closure holds must be handed in separately.
 */
export function reachableArrayBytes(root: unknown, seen: Set<object>): number {
  let bytes = 0;
  forEachReachableArray(root, seen, (view) => {
    bytes += view.buffer.byteLength;
  });
  return bytes;
}

/**
 * Call `visit` once for each typed array reachable from `root` (as `reachableArrayBytes` walks), the first
 * view found of each buffer, a buffer counted once across calls sharing `seen`.
 */
export function forEachReachableArray(root: unknown, seen: Set<object>, visit: (view: ArrayBufferView & { length: number }) => void): void {
  const stack: unknown[] = [root];
  while (stack.length) {
    const value = stack.pop();
    if (value === null || typeof value !== 'object') continue;
    if (ArrayBuffer.isView(value)) {
      const buffer = value.buffer;
      if (!seen.has(buffer)) {
        seen.add(buffer);
        visit(value as ArrayBufferView & { length: number });
      }
      continue;
    }
    if (seen.has(value)) continue;
    seen.add(value);
    if (Array.isArray(value)) {
      // Arrays of numbers or strings (series, rows of the map) hold no typed arrays: skip them quickly.
      if (value.length && typeof value[0] !== 'object') continue;
      for (const item of value) stack.push(item);
    } else if (value instanceof Map) {
      for (const item of value.values()) stack.push(item);
    } else if (value instanceof Set) {
      for (const item of value) stack.push(item);
    } else {
      for (const item of Object.values(value)) stack.push(item);
    }
  }
}

/** State bytes by what the arrays are indexed by: see `memoryShapeOf`. */
export interface MemoryShape {
  /** Arrays with one entry (or a few) per resident or volunteer. */
  agentBytes: number;
  /** Arrays with one entry (or a few) per map cell: the map's state and scratch. */
  cellBytes: number;
  /** Everything else: lists that grow with the hazard or the events, per household, per building. */
  otherBytes: number;
  residents: number;
  cells: number;
}

/**
 * Sort the typed arrays reachable from `roots` by length: a whole multiple of the map's cells is per-cell
 * state, else a whole multiple of the residents or volunteers per-agent state, else other. It tells the
 * state that grows with the population from the state that grows with the map.
 */
export function memoryShapeOf(roots: readonly unknown[], counts: { residents: number; volunteers: number; cells: number }): MemoryShape {
  const shape: MemoryShape = { agentBytes: 0, cellBytes: 0, otherBytes: 0, residents: counts.residents, cells: counts.cells };
  const multipleOf = (length: number, n: number) => n > 0 && length > 0 && length % n === 0;
  const seen = new Set<object>();
  for (const root of roots) {
    forEachReachableArray(root, seen, (view) => {
      const bytes = view.buffer.byteLength;
      const length = bytes / (view as unknown as { BYTES_PER_ELEMENT: number }).BYTES_PER_ELEMENT;
      if (multipleOf(length, counts.cells)) shape.cellBytes += bytes;
      else if (multipleOf(length, counts.residents) || multipleOf(length, counts.volunteers)) shape.agentBytes += bytes;
      else shape.otherBytes += bytes;
    });
  }
  return shape;
}
