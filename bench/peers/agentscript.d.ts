/** The few parts of the agentscript package (plain JavaScript, no types) that the benchmark's peer model uses. */
declare module 'agentscript' {
  /** An array of agents with NetLogo's `ask`. */
  export interface AgentList<A> extends Array<A> {
    ask(fn: (agent: A, index: number) => void): void;
  }
  export interface Patch {
    id: number;
    x: number;
    y: number;
    /** The turtles on this patch (kept up to date by the turtles' moves once first read). */
    readonly turtlesHere: AgentList<Turtle>;
  }
  export interface Turtle {
    id: number;
    x: number;
    y: number;
    readonly patch: Patch;
    setxy(x: number, y: number): void;
    face(agent: { x: number; y: number }): void;
    forward(distance: number): void;
    distance(agent: { x: number; y: number }): number;
    die(): void;
  }
  export interface Patches extends AgentList<Patch> {
    patchXY(x: number, y: number): Patch;
  }
  export interface Turtles extends AgentList<Turtle> {
    create(count: number, init: (turtle: Turtle) => void): Turtle[];
  }
  export interface WorldOptions {
    minX: number;
    maxX: number;
    minY: number;
    maxY: number;
    minZ: number;
    maxZ: number;
  }
  export class Model {
    constructor(world?: WorldOptions);
    patches: Patches;
    turtles: Turtles;
    ticks: number;
    setup(): void;
    step(): void;
  }
}
