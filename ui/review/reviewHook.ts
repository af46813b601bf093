import type { ScenarioError } from '../../sim/index';
import type { HeatLayerId } from '../../workers/reviewHeat';
import type { MarkerKind } from '../../workers/reviewMarkers';

/** What browser tests may read from the review screen, instead of reading pixels. Read-only. */
export interface ReviewTestHook {
  readonly open: boolean;
  /** A run is open for review. */
  readonly ready: boolean;
  /** Tick of the latest review frame, and of the frame on the review's map. */
  readonly tick: number;
  readonly drawnTick: number;
  readonly endTick: number;
  readonly playing: boolean;
  readonly markers: { kind: MarkerKind; tick: number }[];
  readonly heatLayer: HeatLayerId | null;
  /** Cells of the heat map drawn with a value (0 when none is shown). */
  readonly heatCellsDrawn: number;
  readonly projector: boolean;
  /** Problems with the last run asked for, as listed on the screen. */
  readonly errors: ScenarioError[];
  /** Each chart's cursor position, px from its plot's left edge. */
  cursorPositions(): { id: string; x: number }[];
  /** State hash of the run at the review's cursor, from the review worker. */
  hash(): Promise<string>;
  /** State hash at the end of the reviewed run, or null. */
  finalHash(): string | null;
}

declare global {
  interface Window {
    __review?: ReviewTestHook;
  }
}

export function installReviewHook(hook: ReviewTestHook): void {
  Object.defineProperty(window, '__review', { value: Object.freeze(hook), writable: false, configurable: false });
}
