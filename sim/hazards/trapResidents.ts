import { Content, Trait } from '../agents/Residents';
import { ResidentState } from '../core/Simulation';
import type { World } from '../core/World';
import type { Random } from '../random/Random';
import { fieldSlotFor } from '../systems/geometry';
import { setState } from '../warning/decide';
import { type Earthquake, trappedShare } from './earthquake/index';

/**
 * After a shock, trap the earthquake's share of the residents inside each damaged building (by its damage
 * state), chosen by the run's random stream. A trapped resident waits for help like a bedridden one:
 * volunteers escorting the vulnerable free it and lead it out. Residents already trapped, safe or dead stay
 * as they are, so an aftershock traps only the difference.
 * `placeOfBuilding[b]` is the place index of the earthquake's building b.
 */
export function trapResidents(world: World, eq: Earthquake, placeOfBuilding: readonly number[], random: Random): void {
  const r = world.residents;
  const { grid } = world;
  const byPlace = new Map<number, number[]>();
  for (let i = 0; i < r.count; i++) {
    const s = r.state[i];
    if (s === ResidentState.Safe || s === ResidentState.Deceased) continue;
    const place = grid.placeOfCell[r.cell[i]];
    if (place < 0) continue;
    const list = byPlace.get(place);
    if (list) list.push(i);
    else byPlace.set(place, [i]);
  }
  const safeSlot = fieldSlotFor(world, { kind: 'safe' });
  placeOfBuilding.forEach((place, b) => {
    const inside = byPlace.get(place);
    const share = trappedShare(eq, b);
    if (!inside || share <= 0) return;
    const already = inside.filter((i) => r.traits[i] & Trait.Trapped).length;
    let toTrap = Math.round(share * inside.length) - already;
    for (let k = 0; k < inside.length && toTrap > 0; k++) {
      const i = inside[k];
      if (r.traits[i] & Trait.Trapped || random.next() >= share) continue;
      r.traits[i] |= Trait.Trapped;
      if (r.intent[i] === Content.None) world.warning.acting++;
      r.intent[i] = Content.Evacuate;
      r.field[i] = safeSlot;
      setState(world, i, ResidentState.AwaitingHelp);
      world.harm.trapped++;
      toTrap--;
    }
  });
}
