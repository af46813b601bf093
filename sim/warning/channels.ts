import { Trait } from '../agents/Residents';
import { hashUnit } from '../random/hashUnit';

export { hashUnit };

import type { Channel } from '../scenario/schemaWarning';
import type { Grid } from '../space/Grid';

/** Bits of the `service` argument of channelRate: what is out at the resident's cell. */
export const NO_POWER = 1;
export const NO_TELECOM = 2;

/** Channel kinds as small integers. */
export const ChannelKind = { App: 0, Sms: 1, Loudspeaker: 2, Broadcast: 3 } as const;
const KIND_INDEX = { app: ChannelKind.App, sms: ChannelKind.Sms, loudspeaker: ChannelKind.Loudspeaker, broadcast: ChannelKind.Broadcast } as const;

/** Defaults by kind: noticing rate per minute and the factor for residents asleep. */
const DEFAULT_RATE_PER_MIN = [0.3, 0.5, 1, 0.2];
const DEFAULT_ASLEEP_FACTOR = [0.05, 0.1, 0.4, 0];

/** A channel resolved for the run: rates per second and, for loudspeakers, the cells in range. */
export interface ChannelRuntime {
  id: string;
  kind: number;
  ratePerS: number;
  asleepFactor: number;
  reliability: number;
  /** 1 for cells a loudspeaker covers; null when it covers everything or is not a loudspeaker. */
  coverage: Uint8Array | null;
  /** 1 for each scenario language the channel speaks. */
  speaks: Uint8Array;
  /** Salt of the channel's reliability draw, so each channel misses different residents. */
  salt: number;
}

export function buildChannel(channel: Channel, index: number, grid: Grid, languages: readonly string[]): ChannelRuntime {
  const kind = KIND_INDEX[channel.kind];
  let coverage: Uint8Array | null = null;
  if (kind === ChannelKind.Loudspeaker && channel.speakers?.length) {
    coverage = new Uint8Array(grid.width * grid.height);
    const reach = channel.rangeM / grid.cellSizeM;
    const r = Math.ceil(reach);
    for (const { x, y } of channel.speakers) {
      for (let dy = -r; dy <= r; dy++) {
        for (let dx = -r; dx <= r; dx++) {
          const cx = x + dx;
          const cy = y + dy;
          if (cx < 0 || cy < 0 || cx >= grid.width || cy >= grid.height || dx * dx + dy * dy > reach * reach) continue;
          coverage[cy * grid.width + cx] = 1;
        }
      }
    }
  }
  return {
    id: channel.id,
    kind,
    ratePerS: (channel.ratePerMin ?? DEFAULT_RATE_PER_MIN[kind]) / 60,
    asleepFactor: channel.asleepFactor ?? DEFAULT_ASLEEP_FACTOR[kind],
    reliability: channel.reliability,
    coverage,
    speaks: Uint8Array.from(languages, (l) => (!channel.languages || channel.languages.includes(l) ? 1 : 0)),
    salt: Math.imul(index + 1, 0x9e3779b1),
  };
}

/**
 * Rate (per second) at which a channel's messages reach resident `i` with these traits, language and cell.
 * Hot path: no allocation.
 */
export function channelRate(ch: ChannelRuntime, i: number, traits: number, language: number, cell: number, seed: number, service: number): number {
  if (!ch.speaks[language]) return 0;
  // Phones need the network; loudspeakers and television need power.
  if (service & NO_TELECOM && (ch.kind === ChannelKind.App || ch.kind === ChannelKind.Sms)) return 0;
  if (service & NO_POWER && (ch.kind === ChannelKind.Loudspeaker || ch.kind === ChannelKind.Broadcast)) return 0;
  switch (ch.kind) {
    case ChannelKind.App:
      if ((traits & (Trait.Phone | Trait.GroupChat)) !== (Trait.Phone | Trait.GroupChat)) return 0;
      break;
    case ChannelKind.Sms:
      if (!(traits & Trait.Phone)) return 0;
      break;
    case ChannelKind.Loudspeaker:
      if (ch.coverage && !ch.coverage[cell]) return 0;
      break;
  }
  if (ch.reliability < 1 && hashUnit(i ^ seed, ch.salt) >= ch.reliability) return 0;
  return traits & Trait.Asleep ? ch.ratePerS * ch.asleepFactor : ch.ratePerS;
}
