import type { Patch, Turtle } from 'agentscript';
import type { PeerModel } from './baselineObjects';
import type { PeerEvacuationInput } from './evacuationInput';

/** A door's token bucket, as a patch variable of the exit patches. */
interface Door {
  tokens: number;
  refill: number;
  burst: number;
}

/** Patch variables of the evacuation model. */
interface EvacPatch extends Patch {
  passable: boolean;
  /** Distance to the nearest exit, in patches; the next patch downhill (null at exits). */
  dist: number;
  next: EvacPatch | null;
  door: Door | null;
  neighbors: EvacPatch[];
}

/** Turtle variables: free walking speed, patches per tick, and whether it got out. */
interface Walker extends Turtle {
  speed: number;
  safe: boolean;
  readonly patch: EvacPatch;
}

/** Margin of a waiting walker from the edge of its patch, in patches. */
const EDGE_MARGIN = 0.01;

/**
 * agentscript draws a 1 × 1 colour canvas when it is imported; Node has no canvas. A stub 2D context that
 * draws nothing is enough: the model never draws.
 */
class HeadlessCanvas {
  constructor(
    public width: number,
    public height: number,
  ) {}
  getContext() {
    return {
      canvas: this,
      fillStyle: '',
      clearRect() {},
      fillRect() {},
      drawImage() {},
      getImageData: (_x: number, _y: number, w: number, h: number) => ({ data: new Uint8ClampedArray(4 * w * h) }),
    };
  }
}

/** Import agentscript (ESM) headless. */
export async function loadAgentscript(): Promise<typeof import('agentscript')> {
  const g = globalThis as { OffscreenCanvas?: unknown };
  g.OffscreenCanvas ??= HeadlessCanvas;
  return import('agentscript');
}

/**
 * The evacuation model as an agentscript Model, run headless with `model.step()`: patches carry the
 * distance to the nearest exit and the next patch downhill, exit patches carry a door; each turtle faces
 * the next patch downhill and walks forward at its speed times Weidmann's factor for the turtles already on
 * that patch. A full patch ahead sends it to another neighbour closer to the exit, or it waits at the edge
 * of its own patch; a door lets one turtle through per token. The rules are the engine's (see
 * baselineObjects.ts). The world is one patch per cell, x to the east, y to the north (patch (x, −y) is cell
 * (x, y)), plus a column of patches east of the map where turtles that got out wait, off the exits: letting
 * them `die()` instead removes each from the turtles array by a splice, which took over 40% of a tick at
 * 100,000 and is not the model's work.
 * @example const model = await createAgentscriptModel(peerEvacuationInput(10_000, 1)); model.step()
 */
export async function createAgentscriptModel(input: PeerEvacuationInput): Promise<PeerModel> {
  const { Model } = await loadAgentscript();
  const { width, height, cellSizeM: cs, capacity } = input;
  const factor = Array.from(input.speedFactor);

  class EvacuationModel extends Model {
    doors: Door[] = [];
    safe = 0;

    override setup(): void {
      this.doors = Array.from(input.gateFlowPps, (pps) => ({ tokens: 1, refill: pps * input.tickS, burst: 1 + pps * input.tickS }));
      const patches = this.patches as unknown as EvacPatch[];
      for (const p of patches) {
        // The column east of the map: where those who got out wait.
        const onMap = p.x < width;
        const cell = p.x - p.y * width;
        p.passable = onMap && input.passable[cell] === 1;
        p.dist = onMap ? input.distanceM[cell] / cs : Infinity;
        const gate = onMap ? input.gateOfCell[cell] : -1;
        p.door = gate >= 0 ? this.doors[gate] : null;
      }
      for (const p of patches) {
        const next = p.x < width ? input.nextCell[p.x - p.y * width] : -1;
        p.next = next < 0 ? null : patchAt(this, next % width, -Math.floor(next / width));
      }
      // create() passes only the turtle to its init function: count them here.
      let i = 0;
      this.turtles.create(input.agents, (turtle) => {
        const t = turtle as Walker;
        t.setxy(input.x[i] / cs - 0.5, 0.5 - input.y[i] / cs);
        t.speed = (input.speedMps[i] * input.tickS) / cs;
        t.safe = false;
        i++;
      });
    }

    override step(): void {
      for (const door of this.doors) door.tokens = Math.min(door.tokens + door.refill, door.burst);
      this.turtles.ask((turtle) => {
        const t = turtle as Walker;
        if (t.safe) return;
        const here = t.patch;
        let ahead = here.next;
        if (!ahead) {
          ahead = this.detour(here);
          if (!ahead) return;
        } else if (ahead.turtlesHere.length >= capacity && !ahead.door) {
          ahead = this.detour(here) ?? ahead;
        }
        const d = t.distance(ahead);
        if (d === 0) return;
        const x = t.x;
        const y = t.y;
        t.face(ahead);
        t.forward(Math.min(d, t.speed * factor[ahead.turtlesHere.length]));
        const p = t.patch;
        if (p === here) return;
        if (!p.passable) {
          t.setxy(x, y);
        } else if (p.door) {
          if (p.door.tokens < 1) this.closeUp(t, here);
          else {
            p.door.tokens -= 1;
            t.safe = true;
            this.safe++;
            // Out of the gate, into the safe area beside the map on the gate's row.
            t.setxy(width, p.y);
          }
        } else if (p.turtlesHere.length > capacity) {
          // It is one of them now: the patch was full.
          this.closeUp(t, here);
        }
      });
    }

    /** Back to the edge of its own patch, on the side it was heading. */
    closeUp(t: Walker, here: EvacPatch): void {
      const lo = 0.5 - EDGE_MARGIN;
      t.setxy(Math.min(Math.max(t.x, here.x - lo), here.x + lo), Math.min(Math.max(t.y, here.y - lo), here.y + lo));
    }

    /** The neighbour with room (or a door) closest to the exit and closer than here, without cutting a wall's corner. */
    detour(here: EvacPatch): EvacPatch | null {
      let best: EvacPatch | null = null;
      for (const n of here.neighbors) {
        if (!n.passable || (n.turtlesHere.length >= capacity && !n.door) || n.dist >= (best ?? here).dist) continue;
        if (n.x !== here.x && n.y !== here.y && !(patchAt(this, n.x, here.y).passable && patchAt(this, here.x, n.y).passable)) continue;
        best = n;
      }
      return best;
    }
  }

  const model = new EvacuationModel({ minX: 0, maxX: width, minY: -(height - 1), maxY: 0, minZ: 0, maxZ: 0 });
  model.setup();
  return {
    step: () => model.step(),
    get ticks() {
      return model.ticks;
    },
    safeCount: () => model.safe,
    movingCount: () => model.turtles.length - model.safe,
  };
}

function patchAt(model: { patches: { patchXY(x: number, y: number): Patch } }, x: number, y: number): EvacPatch {
  return model.patches.patchXY(x, y) as EvacPatch;
}
