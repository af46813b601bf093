import type { Random } from '../random/Random';
import type { ScenarioAction } from '../scenario/schema';
import { createHazardChanges, type HazardChanges } from './hazardChanges';
import type { SensorArrays } from './sensors';

/** Who raised an alert: a sensor (real or false alarm), a resident's call, or a volunteer on patrol. */
export type AlertSource = 'sensor' | 'resident' | 'volunteer';

/** One alert on its way to, or received by, the duty desk: what a UI shows in the alert log. */
export interface AlertRecord {
  /** Order in which alerts were raised, from 0. */
  seq: number;
  source: AlertSource;
  /** Id of the sensor for sensor alerts, else null. */
  sensor: string | null;
  /** Resident index for resident reports, volunteer index for volunteer reports (-1 when not given), else -1. */
  agent: number;
  /** Cell (row-major) the alert is about: the sensor's cell, the reporter's cell, the hazard a patrol saw. */
  cell: number;
  /** False for a sensor's false alarm: there was nothing there. */
  real: boolean;
  /** When the sensor tripped or the person started to report, s. */
  raisedS: number;
  /** When it is due at the duty desk, s. */
  dueS: number;
  /** When the duty desk received it (a tick time), s; -1 while on its way. */
  receivedS: number;
  /** Text for the feed and the alert log, e.g. "Smoke sensor S3 alert". */
  title: string;
}

/** A false alarm the duty desk is checking; `triggered` when it started the warning plan on its own. */
export interface FalseAlarmCheck {
  doneS: number;
  alert: AlertRecord;
  triggered: boolean;
}

/** What detection builds once it knows the world: sensors, the notice mask, random streams. */
export interface DetectionRuntime {
  sensors: SensorArrays;
  /** 1 for cells from which a hazard can be seen (within `detection.noticeRangeM` of a visible hazard cell). */
  seen: Uint8Array;
  /** Half-width in cells of each row of the notice disc, by row offset 0..R. */
  noticeHalfWidth: Int32Array;
  /** Cells where a hazard is visible now (cue set, intensity > 0). */
  visibleCells: number;
  /** Whether `seen` changed since residents were last checked against it. */
  seenGrew: boolean;
  /** Residents walking when residents were last checked: they may stand in new cells now. */
  movingAtLastScan: number;
  /** Whether a sensor misses a hazard (one draw per sensor and episode). */
  misses: Random;
  /** Times between false alarms. */
  falseAlarms: Random;
  /** Whether residents who see a hazard report it, and how long the call takes. */
  reports: Random;
}

/** What the monitoring phase keeps between ticks: the duty desk, its alert log and what it decided. */
export interface DetectionState {
  /** Built at the first step (it needs the world); null before. */
  runtime: DetectionRuntime | null;
  /** Cells of the hazard field changed since detection last looked, written by the hazard modules. */
  changes: HazardChanges;
  /** First alert of any kind (false alarms too) at the duty desk, s; -1 before. */
  firstDetectionS: number;
  /** First alert about a real hazard at the desk, s; -1 before. */
  firstRealDetectionS: number;
  /** When the desk first treated a real hazard as confirmed, s; -1 before. */
  confirmedS: number;
  /** Alerts on their way, sorted by due time, then by order raised. */
  queue: AlertRecord[];
  /** Alerts received, in the order the desk got them. */
  log: AlertRecord[];
  /** Alerts raised so far (the next `seq`). */
  raised: number;
  /** Resident reports received, and false alarms received. */
  residentReports: number;
  falseAlarms: number;
  /** Time the desk's decision to warn is scheduled for, s; Infinity when none is pending. */
  decisionS: number;
  /** The scheduled `activatePlan` action (so an earlier decision can replace it) and the alert behind it. */
  decisionAction: ScenarioAction | null;
  decisionCause: AlertRecord | null;
  /** False alarms being checked, in order of completion. */
  checks: FalseAlarmCheck[];
}

export function createDetectionState(): DetectionState {
  return {
    runtime: null,
    changes: createHazardChanges(),
    firstDetectionS: -1,
    firstRealDetectionS: -1,
    confirmedS: -1,
    queue: [],
    log: [],
    raised: 0,
    residentReports: 0,
    falseAlarms: 0,
    decisionS: Infinity,
    decisionAction: null,
    decisionCause: null,
    checks: [],
  };
}
