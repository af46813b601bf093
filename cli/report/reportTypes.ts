import type { StrategyFile } from '../../sim/index';
import type { ObjectiveResult, ObjectiveStatus } from '../../sim/review/objectives';
import type { ObjectiveMetric } from '../../sim/scenario/schemaObjectives';
import type { LeverId } from './levers';

export const REPORT_FORMAT = 'resilience-drill-after-action-report';
export const REPORT_FORMAT_VERSION = 1;

/** A run of the report named for people: the drill, the drill's plan without its commands, or a strategy. */
export interface RunLabel {
  /** "drill", "as-planned", or a strategy id. */
  id: string;
  name: string;
}

/** A figure of each run at the end: the drill, its plan as written (no commands) and every strategy. */
export interface FigureRow {
  metric: ObjectiveMetric;
  label: string;
  better: 'higher' | 'lower' | null;
  /** By run id (see RunLabel). */
  values: Record<string, number | null>;
}

export type TimelineKind = 'alert' | 'decision' | 'warning' | 'governance' | 'missed' | 'command' | 'inject';

/** A moment of the drill that mattered, with what it led to measured against the reference strategy. */
export interface TimelineItem {
  timeS: number;
  kind: TimelineKind;
  title: string;
  /** Who acted: a trainee role, an organisation, or null. */
  who: string | null;
  /** The measured consequence in a sentence, or null when there is nothing to compare. */
  consequence: string | null;
  /** The numbers the sentence is made of, by name (s, residents, shares 0 to 1). */
  figures: Record<string, number | null>;
}

/** A strength or a gap: an objective met or not, or a figure better or worse than the reference's. */
export interface Finding {
  source: 'objective' | 'figure';
  metric: ObjectiveMetric;
  /** The objective, for findings from objectives. */
  objective: { id: string; title: string; status: ObjectiveStatus } | null;
  /** When the figure was judged, s (an objective's byS); null for the end of the run. */
  byS: number | null;
  drill: number | null;
  reference: number | null;
  text: string;
}

/** One item of the improvement plan: a gap, the lever change that answers it, and what that change did in a run. */
export interface PlanItem {
  /** 1-based, as printed and as `--save-strategy` takes it. */
  index: number;
  gap: Finding;
  lever: { id: LeverId; label: string; from: string; to: string };
  text: string;
  /**
   * What the change did in a run with the same seed: the drill replayed with the changed strategy (the same
   * commands at the same ticks) against the drill (basis "drill"), or, when the commands do not fit the
   * changed strategy, the changed strategy against the drill's strategy, both without commands (basis
   * "plan"); the figure is read when the gap was judged. Null when not run.
   */
  effect: { metric: ObjectiveMetric; byS: number | null; before: number | null; after: number | null; improves: boolean; basis: 'drill' | 'plan' } | null;
  /** The drill's strategy with the change, under a new id, as a strategy file (loadStrategyText reads it). */
  strategyFile: StrategyFile;
}

/** Figures over time of one run, sampled as the simulation's series. */
export interface ReportSeries {
  t: number[];
  informedShare: number[];
  safeShare: number[];
  exposurePersonS: number[];
  inDanger: number[];
  injured: number[];
  deceased: number[];
  /** [timeS, supplies needed, delivered, shelter occupancy], every 10 s; empty without organisations. */
  supplies: [number, number, number, number][];
}

/** The after-action report as data: what the HTML, CSV and text outputs show. */
export interface AfterActionReport {
  format: typeof REPORT_FORMAT;
  formatVersion: typeof REPORT_FORMAT_VERSION;
  scenario: { id: string; title: string };
  session: { name: string; startedAt: string | null } | null;
  seed: number;
  strategy: RunLabel;
  drill: {
    commands: number;
    /** Where the drill stopped (a record's last moment), s; null for a run without a record. */
    endedS: number | null;
    /** How far the report ran the drill on (without further commands), s. */
    runUntilS: number;
    stateHash: string;
  };
  keyMetric: { metric: ObjectiveMetric; label: string; better: 'higher' | 'lower' };
  reference: RunLabel & { why: string };
  runs: RunLabel[];
  figures: FigureRow[];
  objectives: (ObjectiveResult & { referenceStatus: ObjectiveStatus })[];
  timeline: TimelineItem[];
  strengths: Finding[];
  gaps: Finding[];
  plan: PlanItem[];
  series: { drill: ReportSeries; reference: ReportSeries };
}
