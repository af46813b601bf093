/** Frames per second a host aims to publish while playing. */
export const FRAME_RATE = 30;
/** Wall-clock budget for stepping in one frame, ms, so a high speed never freezes the host. */
export const STEP_BUDGET_MS = 25;

/** What a pacer plays: a run whose ticks it takes in real time. */
export interface PacedRun {
  /** Simulated seconds per tick. */
  readonly tickS: number;
  /** Take up to `ticks` ticks now; returns how many were taken (fewer at the end of a review). */
  advance(ticks: number): number;
}

export interface PacerOptions {
  /** The run to play; null stops the pacer. */
  run(): PacedRun | null;
  /** Called after a frame's ticks: `advanced` whether time moved, `ended` whether playing stopped at the end. */
  onFrame(advanced: boolean, ended: boolean): void;
  /** Whether time stands still for now (a drill's command being applied); the pacer waits. */
  held?(): boolean;
  /** Whether the run is at its end (a review); playing stops there. */
  atEnd?(): boolean;
  /** Most ticks taken in one call between checks of the budget (1: check after every tick). */
  ticksPerCall?: number;
}

/**
 * Real-time pacing shared by the drill and review hosts: while playing, every 1/30 s it takes the ticks that
 * the wall time since the last frame owes at the chosen speed, within a step budget, and drops the debt
 * rather than spiral when it falls behind. Long ticks (days-long scenarios) play one tick per real second at x1.
 */
export function createPacer(options: PacerOptions) {
  const now = () => performance.now();
  const ticksPerCall = Math.max(1, options.ticksPerCall ?? 1);
  let playing = false;
  let speed = 1;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let lastWallMs = 0;
  let debtS = 0;

  function loop(): void {
    timer = null;
    const run = options.run();
    if (!playing || !run) return;
    const wall = now();
    if (options.held?.()) {
      lastWallMs = wall;
      timer = setTimeout(loop, 1000 / FRAME_RATE);
      return;
    }
    debtS += ((wall - lastWallMs) / 1000) * speed * Math.max(1, run.tickS);
    lastWallMs = wall;
    const started = now();
    let advanced = false;
    while (debtS >= run.tickS && now() - started < STEP_BUDGET_MS) {
      const moved = run.advance(Math.min(ticksPerCall, Math.max(1, Math.floor(debtS / run.tickS))));
      if (moved === 0) break;
      debtS -= moved * run.tickS;
      advanced = true;
    }
    // Behind after the budget: drop the debt rather than spiral; the clock shows the real pace.
    if (debtS > run.tickS * 4) debtS = 0;
    const ended = options.atEnd?.() ?? false;
    if (ended) playing = false;
    options.onFrame(advanced, ended);
    if (playing) timer = setTimeout(loop, 1000 / FRAME_RATE);
  }

  return {
    get playing(): boolean {
      return playing;
    },
    get speed(): number {
      return speed;
    },
    set speed(multiple: number) {
      speed = multiple;
    },
    play(): void {
      if (playing || !options.run()) return;
      playing = true;
      lastWallMs = now();
      loop();
    },
    stop(): void {
      playing = false;
      if (timer) clearTimeout(timer);
      timer = null;
    },
    /** Forget the time owed (a new run, a seek). */
    resetDebt(): void {
      debtS = 0;
    },
  };
}

export type Pacer = ReturnType<typeof createPacer>;
