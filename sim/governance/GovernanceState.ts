import type { Random } from '../random/Random';
import type { Decision, Governance, Organisation, SupportUnit } from '../scenario/schemaGovernance';
import type { Levers } from '../scenario/schemaWarning';

/** Phases of a run: watching for hazards, responding to one, recovering after it. */
export type Phase = 'monitoring' | 'response' | 'recovery';

/** One line of the accountability trail: who did or said what, when, to whom. */
export interface TrailEntry {
  timeS: number;
  kind: 'report' | 'request' | 'approval' | 'refusal' | 'decision' | 'action' | 'dispatch' | 'arrival' | 'delivery' | 'care' | 'rescue' | 'repair' | 'phase';
  /** Organisation id of the author (or "residents"). */
  author: string;
  /** Organisation id of the addressee, for reports and requests. */
  to?: string;
  content: string;
}

/** A report travelling between organisations: its route, delay and whether it arrived garbled. */
export interface ReportRecord {
  seq: number;
  from: string;
  to: string;
  content: string;
  sentS: number;
  /** When it arrives (known at sending: the hops' delays are drawn then). */
  arrivesS: number;
  hops: number;
  /** Garbled on the way: wrong place or size. */
  wrong: boolean;
  /** Times it was lost on the way and sent again. */
  losses: number;
}

/** A key decision from the moment the community wants it to the moment it takes effect. */
export interface DecisionRecord {
  decision: Decision;
  /** Shelter or support unit it is about, if any. */
  subject: string | null;
  requestedS: number;
  /** When the community may act: at once, or when the approval arrives; -1 before. */
  authorisedS: number;
  /** When it took effect; -1 before. */
  effectiveS: number;
  /** Organisation that approved it, or null when the community took it alone. */
  approver: string | null;
  refusals: number;
  /** Carry it out (once): set when it is requested. */
  carryOut: () => void;
}

/** External support asked for: when, and when it was sent and arrived. */
export interface SupportRecord {
  unit: string;
  kind: SupportUnit['kind'];
  owner: string;
  requestedS: number;
  dispatchedS: number;
  arrivedS: number;
  /** The request reached its owner garbled: the unit lost time finding the right place. */
  misdirected: boolean;
}

/** Something a shelter or a household needs carried to it. */
export interface Need {
  seq: number;
  /** Shelter place index, or -1 for a household. */
  shelter: number;
  /** Household id for a household's need, else -1. */
  household: number;
  cell: number;
  /** Units per item (SUPPLY_ITEMS order). */
  items: Float64Array;
  createdS: number;
  /** When the community learns of it (a report from the household), s. */
  knownS: number;
  /** The report was garbled: the carrier goes to the wrong door first. */
  wrong: boolean;
  /** Carrier on the way; -1 when nobody is. */
  carrier: number;
  metS: number;
}

/** Someone who can carry supplies: an organisation's staff member or a support volunteer. */
export interface Carrier {
  org: string;
  cell: number;
  freeAtS: number;
}

/** A support unit on site working through its tasks (rescue, care, repair). */
export interface UnitAtWork {
  record: SupportRecord;
  spec: SupportUnit;
  /** When each member is free again. */
  freeAtS: Float64Array;
}

/** Something the organisations will do at a time: a report arriving, an approval, a delivery. */
export interface Due {
  dueS: number;
  seq: number;
  run: () => void;
}

export interface GovernanceState {
  spec: Governance;
  levers: Levers;
  orgs: Organisation[];
  orgIndex: Map<string, number>;
  /** Parent (reportsTo) of each organisation, -1 for the top of a chain. */
  parent: Int32Array;
  community: number;
  units: Map<string, { unit: SupportUnit; owner: number }>;
  random: Random;
  autonomous: ReadonlySet<Decision>;
  /** Walking factor and handling time factor of volunteers and staff by training. */
  speedFactor: number;
  workFactor: number;

  queue: Due[];
  seq: number;
  trail: TrailEntry[];
  reports: ReportRecord[];
  decisions: DecisionRecord[];
  support: SupportRecord[];
  atWork: UnitAtWork[];

  /** Stock per store (SUPPLY_ITEMS order), the store cells, and whether stores may be used. */
  storeStock: Float64Array[];
  storeCell: Int32Array;
  suppliesReleased: boolean;
  /** Tracked shelters: place index, stock, and the open resupply need (or null). */
  shelters: { place: number; stock: Float64Array; need: Need | null }[];
  needs: Need[];
  carriers: Carrier[];
  /** Units needed and delivered so far (shelter use met from stock counts as delivered). */
  suppliesNeeded: number;
  suppliesDelivered: number;
  shelterPersonS: number;
  shelterUnmetPersonS: number;
  /** [timeS, needed, delivered, shelter occupancy] every logistics step. */
  overTime: [number, number, number, number][];
  /** Household check: the next time households' needs are counted, s. */
  nextHouseholdCheckS: number;
  /** Per resident: 1 once cared for by a medical team (empty until one arrives). */
  caredFor: Uint8Array;
  injuredCaredFor: number;
  /** Injured residents a medical team has taken on (cared for or in care). */
  careTaken: number;
  /** Residents a rescue crew member is already on, so two do not go for one. */
  rescueBooked: Set<number>;
  /** Outages a utility crew is repairing. */
  repairing: Set<string>;
  servicesRestored: number;

  phase: Phase;
  responseStartS: number;
  recoveryStartS: number;
  nextStepS: number;
}
