import { PEER_NEIGHBOUR_DX, PEER_NEIGHBOUR_DY, type PeerEvacuationInput } from './evacuationInput';

/** One resident, the usual way: a plain object. */
interface Walker {
  x: number;
  y: number;
  cell: number;
  speedMps: number;
  safe: boolean;
}

/** A door's token bucket (see sim/systems/gates.ts). */
interface Door {
  tokens: number;
  refill: number;
  burst: number;
}

/** What the benchmark reads from a peer model between timed ticks. */
export interface PeerModel {
  /** Advance one tick. */
  step(): void;
  readonly ticks: number;
  /** Residents at an exit, and still walking. */
  safeCount(): number;
  movingCount(): number;
}

/** Margin of a waiting walker from the edge of its cell, m (the engine's). */
const EDGE_MARGIN_M = 0.01;

/**
 * The evacuation model written the usual way, as a reference for our engine's speed: one object per resident
 * in a plain array, a `Map` from cell to head count for the crowd, plain arrays for the route and a `Map`
 * from cell to door. The rules are the engine's (sim/systems/movement.ts): head for the centre of the next
 * cell on the shortest path at the free speed times Weidmann's factor for the head count there; a full cell
 * ahead sends the walker to another neighbour closer to the exit, or it closes up to the edge of its own
 * cell; doors let people through at their flow (a token bucket); each tick starts at a different walker.
 * @example const model = createBaselineModel(peerEvacuationInput(10_000, 1)); model.step()
 */
export function createBaselineModel(input: PeerEvacuationInput): PeerModel {
  return new BaselineEvacuation(input);
}

class BaselineEvacuation implements PeerModel {
  ticks = 0;
  private readonly walkers: Walker[] = [];
  private readonly occupancy = new Map<number, number>();
  private readonly doors = new Map<number, Door>();
  private readonly allDoors: Door[] = [];
  private readonly next: number[];
  private readonly dist: number[];
  private readonly passable: boolean[];
  private readonly speedFactor: number[];
  private readonly width: number;
  private readonly height: number;
  private readonly cellSizeM: number;
  private readonly tickS: number;
  private readonly capacity: number;
  private moving: number;

  constructor(input: PeerEvacuationInput) {
    this.width = input.width;
    this.height = input.height;
    this.cellSizeM = input.cellSizeM;
    this.tickS = input.tickS;
    this.capacity = input.capacity;
    this.next = Array.from(input.nextCell);
    this.dist = Array.from(input.distanceM);
    this.passable = Array.from(input.passable, (p) => p === 1);
    this.speedFactor = Array.from(input.speedFactor);
    for (let g = 0; g < input.gateFlowPps.length; g++) {
      const refill = input.gateFlowPps[g] * input.tickS;
      this.allDoors.push({ tokens: 1, refill, burst: 1 + refill });
    }
    input.gateOfCell.forEach((g, cell) => {
      if (g >= 0) this.doors.set(cell, this.allDoors[g]);
    });
    for (let i = 0; i < input.agents; i++) {
      const x = input.x[i];
      const y = input.y[i];
      const cell = this.cellAt(x, y);
      this.walkers.push({ x, y, cell, speedMps: input.speedMps[i], safe: false });
      this.occupancy.set(cell, (this.occupancy.get(cell) ?? 0) + 1);
    }
    this.moving = input.agents;
  }

  safeCount(): number {
    return this.walkers.length - this.moving;
  }

  movingCount(): number {
    return this.moving;
  }

  step(): void {
    for (const door of this.allDoors) door.tokens = Math.min(door.tokens + door.refill, door.burst);
    const count = this.walkers.length;
    const offset = count > 0 ? (this.ticks * 7919) % count : 0;
    for (let k = 0; k < count; k++) {
      const walker = this.walkers[(k + offset) % count];
      if (!walker.safe) this.move(walker);
    }
    this.ticks++;
  }

  private cellAt(x: number, y: number): number {
    return Math.floor(y / this.cellSizeM) * this.width + Math.floor(x / this.cellSizeM);
  }

  private headCount(cell: number): number {
    return this.occupancy.get(cell) ?? 0;
  }

  private move(walker: Walker): void {
    const here = walker.cell;
    let target = this.next[here];
    if (target < 0) {
      target = this.detour(here);
      if (target < 0) return;
    } else if (this.headCount(target) >= this.capacity && !this.doors.has(target)) {
      const other = this.detour(here);
      if (other >= 0) target = other;
    }
    const tx = ((target % this.width) + 0.5) * this.cellSizeM;
    const ty = (Math.floor(target / this.width) + 0.5) * this.cellSizeM;
    const dx = tx - walker.x;
    const dy = ty - walker.y;
    const d = Math.sqrt(dx * dx + dy * dy);
    if (d === 0) return;
    const step = Math.min(d, walker.speedMps * this.speedFactor[this.headCount(target)] * this.tickS);
    const nx = walker.x + (dx / d) * step;
    const ny = walker.y + (dy / d) * step;
    const cell = this.cellAt(nx, ny);
    if (cell === here) {
      walker.x = nx;
      walker.y = ny;
      return;
    }
    if (!this.passable[cell]) return;
    const door = this.doors.get(cell);
    if (door) {
      if (door.tokens < 1) {
        this.closeUp(walker, nx, ny);
        return;
      }
      door.tokens -= 1;
      walker.safe = true;
      this.moving--;
      this.occupancy.set(here, this.headCount(here) - 1);
      walker.x = nx;
      walker.y = ny;
      walker.cell = cell;
      return;
    }
    if (this.headCount(cell) >= this.capacity) {
      this.closeUp(walker, nx, ny);
      return;
    }
    this.occupancy.set(here, this.headCount(here) - 1);
    this.occupancy.set(cell, this.headCount(cell) + 1);
    walker.cell = cell;
    walker.x = nx;
    walker.y = ny;
  }

  /** Wait at the edge of its own cell, nearest to where it wanted to go. */
  private closeUp(walker: Walker, nx: number, ny: number): void {
    const cs = this.cellSizeM;
    const cx = walker.cell % this.width;
    const cy = Math.floor(walker.cell / this.width);
    walker.x = Math.min(Math.max(nx, cx * cs + EDGE_MARGIN_M), (cx + 1) * cs - EDGE_MARGIN_M);
    walker.y = Math.min(Math.max(ny, cy * cs + EDGE_MARGIN_M), (cy + 1) * cs - EDGE_MARGIN_M);
  }

  /** The passable neighbour with room (or a door) closest to the exit and closer than here, or -1. */
  private detour(cell: number): number {
    const x = cell % this.width;
    const y = Math.floor(cell / this.width);
    let best = -1;
    let bestDist = this.dist[cell];
    for (let k = 0; k < 8; k++) {
      const nx = x + PEER_NEIGHBOUR_DX[k];
      const ny = y + PEER_NEIGHBOUR_DY[k];
      if (nx < 0 || ny < 0 || nx >= this.width || ny >= this.height) continue;
      const n = ny * this.width + nx;
      if (!this.passable[n] || (this.headCount(n) >= this.capacity && !this.doors.has(n))) continue;
      // No cutting a wall's corner on a diagonal.
      if (k >= 4 && !(this.passable[y * this.width + nx] && this.passable[ny * this.width + x])) continue;
      if (this.dist[n] < bestDist) {
        bestDist = this.dist[n];
        best = n;
      }
    }
    return best;
  }
}
