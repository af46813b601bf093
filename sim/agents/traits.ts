import { hashUnit } from '../random/hashUnit';
import { createRandom } from '../random/Random';
import type { Scenario } from '../scenario/schema';
import { type Residents, SHARE_UNIT, Trait } from './Residents';

/** Whether a clock time "HH:MM" falls in the night (23:00 to 06:00), when most residents sleep. */
export function isNight(clock: string): boolean {
  const hour = Number(clock.slice(0, 2));
  return hour >= 23 || hour < 6;
}

/** Languages of a scenario, in first-use order; residents store the index. */
export function languagesOf(scenario: Scenario): string[] {
  const out: string[] = [];
  for (const g of scenario.population.groups) if (!out.includes(g.language)) out.push(g.language);
  return out;
}

/**
 * Draw each resident's traits from its group's shares (phone, group chat, asleep at night), mark who is
 * vulnerable and who needs help to leave, and set the starting trust and the first hearing threshold.
 */
export function assignTraits(scenario: Scenario, residents: Residents, seed: number): void {
  const random = createRandom(seed, 'traits');
  const night = isNight(scenario.simulation.startClock);
  const languages = languagesOf(scenario);
  const trust = scenario.behaviour.initialTrust;
  const groups = scenario.population.groups;
  const { traits, group, mobility, household, count } = residents;
  for (let i = 0; i < count; i++) {
    const g = groups[group[i]];
    const older = g.ageGroup === 'over50';
    const phone = random.next() < (g.phoneShare ?? (older ? 0.6 : 0.95));
    const chat = phone && random.next() < (g.groupChatShare ?? (older ? 0.4 : 0.7));
    const asleep = night && random.next() < g.asleepAtNightShare;
    let bits = (phone ? Trait.Phone : 0) | (chat ? Trait.GroupChat : 0) | (asleep ? Trait.Asleep : 0);
    if (mobility[i] > 0) bits |= Trait.Vulnerable;
    traits[i] = bits;
    residents.language[i] = languages.indexOf(g.language);
    residents.trust[i] = Math.round(trust * SHARE_UNIT);
  }
  // Needing help is a household matter: a bedridden resident with nobody able at home cannot leave alone.
  let start = 0;
  for (let i = 1; i <= count; i++) {
    if (i < count && household[i] === household[start]) continue;
    let able = 0;
    for (let k = start; k < i; k++) if (!(traits[k] & Trait.Vulnerable)) able++;
    for (let k = start; k < i; k++) if (mobility[k] === 2 && able === 0) traits[k] |= Trait.NeedsHelp;
    start = i;
  }
}

/**
 * Fresh Exp(1) waits, one per resident, from a hash of the resident and the seed: the arrays are made
 * only when a run needs them (channels, a rumour), and need no random stream of their own.
 */
export function initialWaits(count: number, seed: number, salt: number): Float32Array {
  const waits = new Float32Array(count);
  for (let i = 0; i < count; i++) waits[i] = -Math.log(1 - hashUnit(i ^ seed, salt));
  return waits;
}
