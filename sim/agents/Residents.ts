/** Residents as parallel typed arrays indexed by resident id (structure of arrays). */
export interface Residents {
  count: number;
  /** Position in metres from the map's top-left corner. */
  x: Float32Array;
  y: Float32Array;
  /** Cell index (row-major) of the position. */
  cell: Int32Array;
  /** ResidentState. */
  state: Uint8Array;
  /** Slot of the distance field the resident follows (see FieldSlots). */
  field: Uint8Array;
  /** Unobstructed walking speed, m/s. */
  speedMps: Float32Array;
  /** Pre-movement time drawn at creation, s. */
  preMovementS: Float32Array;
  /** Simulated time at which the resident starts (or started) to move, s; Infinity before an order. */
  startS: Float32Array;
  /** Simulated time at which the resident reached safety, s; Infinity before. */
  safeAtS: Float32Array;
  household: Int32Array;
  /** Index of the resident's group in scenario.population.groups. */
  group: Uint16Array;
  /** 0 under 30, 1 30 to 50, 2 over 50. */
  ageGroup: Uint8Array;
  /** Index in MOBILITY: 0 normal, 1 limited, 2 bedridden. */
  mobility: Uint8Array;
  /** Place index of the home building, or -1. */
  homeBuilding: Int16Array;
  /** Storey the resident lives on (0: ground floor). */
  floor: Uint8Array;

  /** Trait bits (Trait): phone, group chat, asleep, needs help, ... */
  traits: Uint8Array;
  /** Index of the resident's language in the scenario's list of languages. */
  language: Uint8Array;
  /** What the resident means to do (Intent), once it believes a warning. */
  intent: Uint8Array;
  /** Source of the last message it heard (Source). */
  source: Uint8Array;
  /** Messages heard so far (saturates at 255): repetition strengthens belief. */
  heardCount: Uint8Array;
  /** Knowledge bits (Knows): saw the hazard, heard or believes a rumour, debunked, reported. */
  knows: Uint8Array;
  /** Content of the last official or neighbour message heard (Content). */
  heardContent: Uint8Array;
  /**
   * What is left of the resident's Exp(1) wait for the next message, in units of accumulated rate: each
   * tick takes off rate × dt, and a message arrives when it reaches zero.
   */
  hearRemaining: Float32Array;
  /* hearRemaining and rumourRemaining stay empty until the run has channels, or a rumour: see initialWaits. */
  /** Bit k set: heard the official message in broadcast slot k (each message is heard once). */
  heardBroadcasts: Uint16Array;
  /** The same wait for hearing the rumour. */
  rumourRemaining: Float32Array;
  /** Trust in official sources and panic, 0 to 1 in units of 1/SHARE_UNIT (two bytes each, not four). */
  trust: Uint16Array;
  panic: Uint16Array;
  /** When it first heard a warning, s; Infinity before. */
  heardAtS: Float32Array;
  /** Minute (from the start) in which it last heard an official message, plus one; 0 before. Minutes suffice for the silence that feeds panic, in two bytes. */
  lastOfficialMin: Uint16Array;
}

/** Fixed-point unit of `trust` and `panic`: 65535 stands for 1. */
export const SHARE_UNIT = 65535;

/** Trait bits of `Residents.traits`. */
export const Trait = { Phone: 1, GroupChat: 2, Asleep: 4, NeedsHelp: 8, Vulnerable: 16, Injured: 32, Trapped: 64 } as const;
/** Knowledge bits of `Residents.knows`. */
export const Knows = { SawHazard: 1, HeardRumour: 2, BelievesRumour: 4, Debunked: 8, Reported: 16 } as const;
/** Message contents (and intents): the same numbers. */
export const Content = { None: 0, Evacuate: 1, ShelterInPlace: 2, AvoidArea: 3 } as const;
/** Message sources. */
export const Source = { None: 0, Official: 1, Neighbour: 2, Rumour: 3 } as const;

export function createResidents(count: number): Residents {
  return {
    count,
    x: new Float32Array(count),
    y: new Float32Array(count),
    cell: new Int32Array(count),
    state: new Uint8Array(count),
    field: new Uint8Array(count),
    speedMps: new Float32Array(count),
    preMovementS: new Float32Array(count),
    startS: new Float32Array(count).fill(Infinity),
    safeAtS: new Float32Array(count).fill(Infinity),
    household: new Int32Array(count),
    group: new Uint16Array(count),
    ageGroup: new Uint8Array(count),
    mobility: new Uint8Array(count),
    homeBuilding: new Int16Array(count),
    floor: new Uint8Array(count),
    traits: new Uint8Array(count),
    language: new Uint8Array(count),
    intent: new Uint8Array(count),
    source: new Uint8Array(count),
    heardCount: new Uint8Array(count),
    knows: new Uint8Array(count),
    heardContent: new Uint8Array(count),
    hearRemaining: new Float32Array(0),
    rumourRemaining: new Float32Array(0),
    heardBroadcasts: new Uint16Array(count),
    trust: new Uint16Array(count),
    panic: new Uint16Array(count),
    heardAtS: new Float32Array(count).fill(Infinity),
    lastOfficialMin: new Uint16Array(count),
  };
}

/** Volunteers: positions and state only, for now. */
export interface Volunteers {
  count: number;
  x: Float32Array;
  y: Float32Array;
  cell: Int32Array;
  state: Uint8Array;
  team: Uint16Array;
}

export function createVolunteers(count: number): Volunteers {
  return {
    count,
    x: new Float32Array(count),
    y: new Float32Array(count),
    cell: new Int32Array(count),
    state: new Uint8Array(count),
    team: new Uint16Array(count),
  };
}

/** Bytes held by a set of typed arrays. */
export function typedArrayBytes(holder: object): number {
  let bytes = 0;
  for (const value of Object.values(holder)) if (ArrayBuffer.isView(value)) bytes += value.byteLength;
  return bytes;
}
