import { Trait } from '../agents/Residents';
import { ResidentState } from '../core/Simulation';
import type { World } from '../core/World';
import { Cue } from '../detection/hazards';
import { setState } from '../warning/decide';

/** Harm done so far: dose per resident and the community totals. */
export interface HarmState {
  /** Dose per resident, seconds at full hazard intensity; empty when the scenario has no hazards. */
  dose: Float32Array;
  injured: number;
  deceased: number;
  /** Residents trapped by building damage, so far. */
  trapped: number;
  /** Person-seconds spent where the hazard intensity is at least `harm.dangerIntensity`. */
  exposurePersonS: number;
}

export function createHarmState(residents: number, hasHazards: boolean): HarmState {
  return { dose: new Float32Array(hasHazards ? residents : 0), injured: 0, deceased: 0, trapped: 0, exposurePersonS: 0 };
}

/**
 * Residents who are not safe take a dose from the hazard intensity of their cell (less when sheltering in
 * place). Past the injury dose they
 * walk at half speed; past the lethal dose they die where they stand.
 */
export function stepExposure(world: World): void {
  const harm = world.harm;
  const dose = harm.dose;
  if (dose.length === 0) return;
  const { injuredAtDose, deceasedAtDose, dangerIntensity, shelterFactor } = world.scenario.harm;
  const SHELTERING = ResidentState.Sheltering;
  const blocked = world.hazardBlocked;
  const r = world.residents;
  const { state, cell, traits, speedMps } = r;
  const intensity = world.hazardIntensity;
  const cues = world.hazardCue;
  const DEBRIS = Cue.Debris;
  const dt = world.tickS;
  const SAFE = ResidentState.Safe;
  const DECEASED = ResidentState.Deceased;
  const INJURED = Trait.Injured;
  for (let i = 0; i < r.count; i++) {
    const s = state[i];
    if (s === SAFE || s === DECEASED) continue;
    const c = cell[i];
    let level = intensity[c];
    // Earthquake damage and debris harm by trapping people, not by a dose: dust alone gives none.
    if (level <= 0 || cues[c] === DEBRIS) continue;
    if (level >= dangerIntensity) harm.exposurePersonS += dt;
    // Sheltering indoors cuts the dose, except in a burning cell.
    if (s === SHELTERING && !(blocked.length && blocked[c])) level *= shelterFactor;
    const d = dose[i] + level * dt;
    dose[i] = d;
    if (d >= injuredAtDose && !(traits[i] & INJURED)) {
      traits[i] |= INJURED;
      speedMps[i] *= 0.5;
      harm.injured++;
    }
    if (d >= deceasedAtDose) {
      world.occupancy[cell[i]]--;
      setState(world, i, DECEASED);
      harm.deceased++;
    }
  }
}
