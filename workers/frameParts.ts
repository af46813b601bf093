import type { Snapshot } from '../sim/index';

/** The buffers of a frame that a host transfers to the page: typed arrays, never copied. */
interface FrameBuffers {
  residentXY: Float32Array;
  residentState: Uint8Array;
  residentHeard: Uint8Array;
  volunteerXY: Float32Array;
  volunteerState: Uint8Array;
  cells?: Uint8Array;
  hazard?: Uint8Array;
}

/**
 * What a host last sent of the map, so a frame carries the cells only when the geometry changed and the
 * hazard layer only when a byte of it did. Call `reset` for a new run.
 */
export function createMapSender() {
  let geometry = -1;
  let hazardSent: Uint8Array | null = null;
  return {
    reset(): void {
      geometry = -1;
      hazardSent = null;
    },
    /** The snapshot, its cells and hazard layer left out unless they changed since the last call. */
    trim(snapshot: Snapshot): Omit<Snapshot, 'cells' | 'hazard'> & { cells?: Uint8Array; hazard?: Uint8Array } {
      const { cells, hazard, ...rest } = snapshot;
      const withGeometry = rest.geometryVersion !== geometry;
      geometry = rest.geometryVersion;
      const withHazard = hazard !== undefined && (hazardSent === null || !sameBytes(hazard, hazardSent));
      // Keep a copy: the frame's array is transferred away.
      if (withHazard) hazardSent = hazard.slice();
      return { ...rest, ...(withGeometry ? { cells } : {}), ...(withHazard ? { hazard } : {}) };
    },
  };
}

/** The buffers to transfer with a frame. */
export function frameTransfers(frame: FrameBuffers): Transferable[] {
  const transfers: Transferable[] = [
    frame.residentXY.buffer,
    frame.residentState.buffer,
    frame.residentHeard.buffer,
    frame.volunteerXY.buffer,
    frame.volunteerState.buffer,
  ];
  if (frame.cells) transfers.push(frame.cells.buffer);
  if (frame.hazard) transfers.push(frame.hazard.buffer);
  return transfers;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
