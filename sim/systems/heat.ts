import { Trait } from '../agents/Residents';
import { ResidentState } from '../core/Simulation';
import type { World } from '../core/World';
import { Cue } from '../detection/hazards';

/**
 * Per-cell totals for review heat maps. Allocated only when a run asks for them (SimulationOptions.recordHeat),
 * so ordinary and benchmark runs carry none. They only watch the run: nothing reads them back into it.
 */
export interface HeatState {
  /** Ticks accumulated so far. */
  ticks: number;
  /** Person-ticks of living residents not yet safe, per cell: how crowded each cell was over time. */
  crowdPersonTicks: Uint32Array;
  /** Person-seconds spent where the hazard is at least the danger level, per cell (sums to exposurePersonS). */
  exposurePersonS: Float64Array;
  /** Residents injured and killed, by the cell they were in when it happened. */
  injured: Uint32Array;
  deceased: Uint32Array;
  /** Person-seconds residents spent waiting for help, per cell. */
  waitingPersonS: Float64Array;
  /** Per resident: bit 1 injury counted, bit 2 death counted. */
  harmCounted: Uint8Array;
  /** Each resident's cell at the start: home, for unreached households. */
  homeCell: Int32Array;
}

/** Heat maps of a run so far; arrays are row-major per cell and copies owned by the caller. */
export interface HeatMaps {
  width: number;
  height: number;
  ticks: number;
  crowdPersonTicks: Uint32Array;
  exposurePersonS: Float64Array;
  injured: Uint32Array;
  deceased: Uint32Array;
  waitingPersonS: Float64Array;
  /** Households none of whose members has heard a warning, at the home cell of their first member. */
  unreachedHouseholds: Uint32Array;
}

const INJURY_COUNTED = 1;
const DEATH_COUNTED = 2;

export function createHeat(world: World): HeatState {
  const cells = world.grid.width * world.grid.height;
  return {
    ticks: 0,
    crowdPersonTicks: new Uint32Array(cells),
    exposurePersonS: new Float64Array(cells),
    injured: new Uint32Array(cells),
    deceased: new Uint32Array(cells),
    waitingPersonS: new Float64Array(cells),
    harmCounted: new Uint8Array(world.residents.count),
    homeCell: world.residents.cell.slice(),
  };
}

/**
 * Add this tick to the heat maps. Runs after exposure (from stepMetrics), so it sees who was harmed this tick;
 * a resident killed this tick is counted in danger as exposure counted it, before it died.
 */
export function accumulateHeat(world: World): void {
  const heat = world.heat;
  if (!heat) return;
  heat.ticks++;
  const { state, cell, traits, count } = world.residents;
  const intensity = world.hazardIntensity;
  const cues = world.hazardCue;
  // Exposure only counts with hazards in the scenario (a dose per resident), as stepExposure does.
  const exposureCounted = world.harm.dose.length > 0;
  const danger = world.scenario.harm.dangerIntensity;
  const dt = world.tickS;
  const { crowdPersonTicks, exposurePersonS, injured, deceased, waitingPersonS, harmCounted } = heat;
  for (let i = 0; i < count; i++) {
    const s = state[i];
    if (s === ResidentState.Safe) continue;
    const c = cell[i];
    if (traits[i] & Trait.Injured && !(harmCounted[i] & INJURY_COUNTED)) {
      harmCounted[i] |= INJURY_COUNTED;
      injured[c]++;
    }
    const diedNow = s === ResidentState.Deceased && !(harmCounted[i] & DEATH_COUNTED);
    if (s === ResidentState.Deceased && !diedNow) continue;
    if (exposureCounted && cues[c] !== Cue.Debris && intensity[c] > 0 && intensity[c] >= danger) exposurePersonS[c] += dt;
    if (diedNow) {
      harmCounted[i] |= DEATH_COUNTED;
      deceased[c]++;
      continue;
    }
    crowdPersonTicks[c]++;
    if (s === ResidentState.AwaitingHelp) waitingPersonS[c] += dt;
  }
}

/** The heat maps now, with unreached households counted from who has heard a warning so far. */
export function readHeat(world: World, heat: HeatState): HeatMaps {
  const { household, heardAtS, count } = world.residents;
  const heard = new Set<number>();
  for (let i = 0; i < count; i++) if (heardAtS[i] < Infinity) heard.add(household[i]);
  const unreachedHouseholds = new Uint32Array(heat.crowdPersonTicks.length);
  const counted = new Set<number>();
  for (let i = 0; i < count; i++) {
    const h = household[i];
    if (heard.has(h) || counted.has(h)) continue;
    counted.add(h);
    unreachedHouseholds[heat.homeCell[i]]++;
  }
  return {
    width: world.grid.width,
    height: world.grid.height,
    ticks: heat.ticks,
    crowdPersonTicks: heat.crowdPersonTicks.slice(),
    exposurePersonS: heat.exposurePersonS.slice(),
    injured: heat.injured.slice(),
    deceased: heat.deceased.slice(),
    waitingPersonS: heat.waitingPersonS.slice(),
    unreachedHouseholds,
  };
}
