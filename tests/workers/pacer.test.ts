import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPacer } from '../../workers/pacer';

/** A run of `tickS` ticks that counts the ticks taken, ending after `endTick` ticks. */
function countingRun(tickS: number, endTick = Number.POSITIVE_INFINITY) {
  return {
    tick: 0,
    tickS,
    advance(n: number): number {
      const taken = Math.min(n, endTick - this.tick);
      this.tick += taken;
      return taken;
    },
  };
}

describe('real-time pacing of the drill and review hosts', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('takes speed × wall time ÷ tick length ticks, and publishes only when time moved', () => {
    const run = countingRun(0.5);
    let frames = 0;
    const pacer = createPacer({ run: () => run, onFrame: (advanced) => advanced && frames++ });
    pacer.speed = 4;
    pacer.play();
    vi.advanceTimersByTime(10_000);
    // 4 simulated seconds a second for 10 s, in half-second ticks: 80, less what is still owed at the last frame.
    expect(run.tick).toBeGreaterThanOrEqual(79);
    expect(run.tick).toBeLessThanOrEqual(80);
    // 8 ticks a second at 30 frames a second: a frame only for those that took a tick.
    expect(frames).toBeLessThanOrEqual(run.tick);
    pacer.stop();
    const stopped = run.tick;
    vi.advanceTimersByTime(5_000);
    expect(run.tick).toBe(stopped);
  });

  it('stands still while held, and stops at the end of a review with a last frame', () => {
    const run = countingRun(1, 30);
    let held = true;
    let ended = 0;
    const pacer = createPacer({ run: () => run, held: () => held, atEnd: () => run.tick >= 30, ticksPerCall: 16, onFrame: (_, end) => end && ended++ });
    pacer.speed = 10;
    pacer.play();
    vi.advanceTimersByTime(2_000);
    expect(run.tick).toBe(0);
    held = false;
    vi.advanceTimersByTime(10_000);
    expect(run.tick).toBe(30);
    expect(pacer.playing).toBe(false);
    expect(ended).toBe(1);
  });
});
