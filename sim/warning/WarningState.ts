import type { Random } from '../random/Random';
import type { Levers } from '../scenario/schemaWarning';
import type { ChannelRuntime } from './channels';

/** An official message being sent over a channel: a warning, or an update restating it. */
export interface Broadcast {
  /** Bit of `Residents.heardBroadcasts` that marks who heard it; at most 16 messages are live at once. */
  slot: number;
  channel: number;
  /** Content (Content); for an update, the content of the latest warning. */
  content: number;
  /** 1 for cells of the zone it is meant for; null for everyone. */
  zone: Uint8Array | null;
  /** The zone's id ("all" for everyone): a new message replaces the old one on the same channel and zone. */
  zoneKey: string;
  /** Distance-field slot people head for when the content is "evacuate". */
  targetSlot: number;
  isUpdate: boolean;
}

/** Everything the warning phase keeps between ticks. */
export interface WarningState {
  channels: ChannelRuntime[];
  channelById: Map<string, number>;
  broadcasts: Broadcast[];
  levers: Levers;
  night: boolean;
  /** Draws of belief when a message is heard. */
  decide: Random;
  /** Latest official content and target, passed on by word of mouth. */
  lastContent: number;
  lastTargetSlot: number;
  rumourActive: boolean;
  /** 1 for a "panic" rumour, 0 for "stay put". */
  rumourPanics: boolean;
  /** Residents who heard a warning, who acted on it, and who heard the rumour. */
  informed: number;
  acting: number;
  heardRumour: number;
  /** Residents who believe the rumour now: they pass it on. */
  rumourBelievers: number;
  /** Informed residents per home building (index of place; -1 homes are not counted). */
  informedByBuilding: Int32Array;
  residentsByBuilding: Int32Array;
  /** Residents currently leaving per building, for the social cue. */
  leavingByBuilding: Int32Array;
  firstOfficialWarningS: number;
  /** When the community decided to warn (the warning plan started); -1 before. */
  planStartedS: number;
  meanPanic: number;
  peakPanic: number;
  meanTrust: number;
  informedShareOverTime: [number, number][];
}
