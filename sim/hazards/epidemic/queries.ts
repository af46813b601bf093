import { type Epidemic, Stage } from './Epidemic';

/** Whether resident `i` is infectious now (can pass the disease on). */
export function isInfectious(ep: Epidemic, i: number): boolean {
  return ep.stage[i] === Stage.Infectious;
}

/** Whether resident `i` is infected now (exposed or infectious). */
export function isInfected(ep: Epidemic, i: number): boolean {
  const s = ep.stage[i];
  return s === Stage.Exposed || s === Stage.Infectious;
}

/** Whether resident `i` stays at home now (a found case, or in a quarantined household). */
export function isIsolated(ep: Epidemic, i: number): boolean {
  return ep.isolation[i] !== 0;
}

/** Share of residents ever infected (exposed, infectious or removed), 0 to 1: the attack rate so far. */
export function attackRate(ep: Epidemic): number {
  return ep.count > 0 ? 1 - ep.counts.susceptible / ep.count : 0;
}

/** Whether the epidemic is over: no one exposed or infectious. */
export function isEpidemicOver(ep: Epidemic): boolean {
  return ep.counts.exposed + ep.counts.infectious === 0;
}

/** Supplies the residents at home need now, units per day (each needs `supplyUnitsPerPersonPerDay`). */
export function supplyNeedPerDay(ep: Epidemic): number {
  return ep.counts.isolated * ep.params.supplyPerPersonPerDay;
}

/**
 * Supplies resident `i`'s household needs now, units per day: its members at home × the daily need per
 * person. Logistics can walk the quarantined households (`ep.quarantined`, first `ep.quarantinedCount`) or
 * ask per resident.
 */
export function householdSupplyNeedPerDay(ep: Epidemic, i: number): number {
  return ep.householdAtHome[ep.householdOf[i]] * ep.params.supplyPerPersonPerDay;
}
