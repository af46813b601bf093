import type { VariantSummary } from './compareStats';

/** A comparison row as tests read it: which run, and the state it ended in. */
export interface RowView {
  variant: string;
  strategy: string;
  seed: number;
  ticks: number;
  stateHash: string;
  refusedCommands: number;
}

/** What browser tests may read from the comparison, instead of reading pixels. Read-only. */
export interface CompareTestHook {
  readonly open: boolean;
  readonly tab: 'same' | 'seeds' | 'maps' | 'branch';
  readonly variants: { id: string; label: string; reviewed: boolean }[];
  /** One row per variant with the reviewed seed, once they ran. */
  readonly sameSeed: RowView[] | null;
  /** The many-seeds runs: progress, then rows in variant then seed order, and their summaries. */
  readonly seeds: { done: number; total: number; workers: number; wallS: number; rows: RowView[] | null; summaries: VariantSummary[] | null };
  /** The two maps: the shared clock's tick, each side's latest frame and drawn tick, the difference map. */
  readonly maps: {
    open: boolean;
    tick: number;
    endTick: number;
    playing: boolean;
    frameTicks: number[];
    drawnTicks: number[];
    layer: string;
    diffCells: number;
    diffMax: number;
  };
  /** The last branch compared, or null. */
  readonly branch: {
    tick: number;
    commands: number;
    keepLater: boolean;
    originalHash: string;
    branchHash: string;
    refused: string[];
    differences: { column: string; a: number | null; b: number | null; delta: number | null; verdict: string }[];
  } | null;
  /** Tick the branch panel starts from, or null. */
  readonly branchTick: number | null;
  readonly errors: string[];
}

declare global {
  interface Window {
    __compare?: CompareTestHook;
  }
}

export function installCompareHook(hook: CompareTestHook): void {
  Object.defineProperty(window, '__compare', { value: Object.freeze(hook), writable: false, configurable: false });
}
