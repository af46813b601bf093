/**
 * Bytes of typed-array storage reachable from `root` (through plain objects, class instances, arrays, Maps
 * and Sets), each buffer counted once across calls sharing `seen`: a part that reuses another part's
 * arrays (a place's cells, a zone mask) is charged to whichever was counted first. Functions are skipped,
 * so state a closure holds must be handed in separately.
 */
export function reachableArrayBytes(root: unknown, seen: Set<object>): number {
  let bytes = 0;
  const stack: unknown[] = [root];
  while (stack.length) {
    const value = stack.pop();
    if (value === null || typeof value !== 'object') continue;
    if (ArrayBuffer.isView(value)) {
      const buffer = value.buffer;
      if (!seen.has(buffer)) {
        seen.add(buffer);
        bytes += buffer.byteLength;
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
  return bytes;
}
