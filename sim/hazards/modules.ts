import type { Residents } from '../agents/Residents';
import type { StateHasher } from '../core/hash';
import type { World } from '../core/World';
import { Cue } from '../detection/hazards';
import { createRandom } from '../random/Random';
import type { Scenario } from '../scenario/schema';
import type { Levers } from '../scenario/schemaWarning';
import { CellKind } from '../space/CellKind';
import type { Grid } from '../space/Grid';
import {
  createEarthquake,
  type Earthquake,
  type EarthquakeSpec,
  earthquakeReport,
  forEachChangedCell as forEachQuakeCell,
  hashEarthquake,
  isDebris,
  intensityAt as quakeIntensity,
  type Shock,
  stepEarthquake,
} from './earthquake/index';
import { attackRate, createEpidemic, type Epidemic, type EpidemicSpec, stepEpidemic } from './epidemic/index';
import {
  BurnState,
  blocksCell,
  createFire,
  type Fire,
  intensityAt as fireIntensity,
  forEachChangedCell,
  fuelFromCellKinds,
  hashFire,
  igniteCell,
  ignitionCells,
  stepFire,
  totalSmoke,
} from './fire/index';
import {
  buildBedElevation,
  createFlood,
  type Flood,
  floodBalance,
  forEachChangedCell as forEachFloodCell,
  hashFlood,
  stepFlood,
  walkingSpeedFactor,
} from './flood/index';
import { createHazardLayer, type HazardLayer, layerIntensity, setLayerCell } from './HazardLayer';
import { createPlume, type Plume, intensityAt as plumeIntensity, plumeMassKg, stepPlume } from './plume/index';
import { trapResidents } from './trapResidents';

/**
 * A hazard engine running inside a world: it advances with the ticks, writes what people and sensors
 * perceive into the world's hazard field, and may block cells (burning ones) for walking.
 */
export interface HazardModule {
  id: string;
  kind: 'fire' | 'gas' | 'flood' | 'epidemic' | 'earthquake';
  /** Figures of the engine for reports and validation: balances, extents, concentrations (plain numbers). */
  report(): Record<string, number>;
  /** The engine's value at a cell in its own unit (fire: burn state; gas: kg/m³; flood: depth m); for an epidemic, a resident's stage. */
  valueAt(cell: number): number;
  /** Advance one tick and publish changed cells. */
  step(world: World): void;
  /** Start now (a facilitator's inject or a timeline event); modules with a start time start by themselves. */
  start(world: World): void;
  hash(h: StateHasher): void;
  /** An epidemic's isolation bits per resident (non-zero: stays at home); absent for other hazards. */
  isolation?: Uint8Array;
  /** The engine's own state, read only to count its memory (sim.memoryParts). */
  engine?: object;
}

/** Walking factor over debris, in 1/255: about a third of the usual speed. */
const DEBRIS_WALK = 85;

/** Share of walking speed lost in the thickest smoke. */
const SMOKE_SLOWDOWN = 0.5;

/** The fire, gas, flood and epidemic hazards of a scenario, ready to run. Area hazards run in sim/detection/hazards.ts. */
export function createHazardModules(
  scenario: Scenario,
  grid: Grid,
  seed: number,
  residents: Residents,
  levers: Levers,
): { modules: HazardModule[]; layers: HazardLayer[] } {
  const modules: HazardModule[] = [];
  const layers: HazardLayer[] = [];
  const cells = grid.width * grid.height;
  // One engine alone (and no area hazard) is the hazard field: its layer needs no arrays of its own.
  const layered = scenario.hazards.filter((h) => h.kind === 'fire' || h.kind === 'gas' || h.kind === 'flood' || h.kind === 'earthquake').length;
  const direct = layered === 1 && !scenario.hazards.some((h) => h.kind === 'area');
  const layer = (slows: boolean, blocks: boolean) => {
    layers.push(createHazardLayer(cells, slows, blocks, direct));
    return layers.length - 1;
  };
  for (const h of scenario.hazards) {
    if (h.kind === 'fire') modules.push(fireModule(h.id, grid, seed, h.fire, layer(true, true)));
    else if (h.kind === 'gas') modules.push(gasModule(h.id, grid, h.plume, layer(false, false)));
    else if (h.kind === 'flood') modules.push(floodModule(h.id, grid, h.flood, layer(true, true)));
    else if (h.kind === 'earthquake') modules.push(earthquakeModule(h.id, grid, seed, h.earthquake, layer(true, true)));
    else if (h.kind === 'epidemic') modules.push(epidemicModule(h.id, residents, seed, withResponse(h.epidemic, levers)));
  }
  return { modules, layers };
}

function fireModule(id: string, grid: Grid, seed: number, spec: Parameters<typeof createFire>[1], layerIndex: number): HazardModule {
  const fuel = fuelFromCellKinds(grid.baseKinds, grid.width, grid.height, spec);
  const fire: Fire = createFire({ width: grid.width, height: grid.height, cellSizeM: grid.cellSizeM, fuel }, spec, createRandom(seed, `fire:${id}`));
  return {
    id,
    kind: 'fire',
    engine: fire,
    report: () => {
      let burning = 0;
      let burnt = 0;
      for (let c = 0; c < fire.state.length; c++) {
        if (fire.state[c] === BurnState.Burning) burning++;
        else if (fire.state[c] === BurnState.Burnt) burnt++;
      }
      const l = fire.smokeLedger;
      return {
        burningCells: burning,
        burntCells: burnt,
        smokeProduced: l.produced,
        smokeOnGrid: totalSmoke(fire),
        smokeDecayed: l.decayed,
        smokeOutflow: l.outflow,
        smokeTrimmed: l.trimmed,
      };
    },
    valueAt: (cell) => fire.state[cell],
    step(world) {
      stepFire(fire, world.tickS);
      const layer = world.hazardLayers[layerIndex];
      forEachChangedCell(fire, (c) => {
        const burning = blocksCell(fire, c);
        const intensity = fireIntensity(fire, c);
        const cue = burning ? Cue.Fire : intensity > 0 ? Cue.Smoke : 0;
        // Smoke slows walking (people stoop and feel their way), down to half speed in the thickest smoke.
        const walk = Math.round((1 - SMOKE_SLOWDOWN * (burning ? 0 : intensity)) * 255);
        setLayerCell(world, layer, c, intensity, cue, walk, burning ? 1 : 0);
      });
    },
    start(world) {
      const nowS = world.tick * world.tickS;
      const ignition = ignitionCells(spec.ignition, grid.width, grid.height, grid.cellSizeM);
      if ('cells' in ignition) for (const c of ignition.cells) igniteCell(fire, c, nowS);
      world.events.push({ tick: world.tick, timeS: nowS, kind: 'startHazard', title: `Fire started: ${id}` });
    },
    hash: (h) => hashFire(fire, h),
  };
}

function gasModule(id: string, grid: Grid, spec: Parameters<typeof createPlume>[1], layerIndex: number): HazardModule {
  const wall = Uint8Array.from(grid.baseKinds, (k) => (k === CellKind.Wall ? 1 : 0));
  const plume: Plume = createPlume({ width: grid.width, height: grid.height, cellSizeM: grid.cellSizeM, wall }, spec);
  // Cells published last tick, so cells the gas left are cleared too.
  let shown = new Int32Array(0);
  return {
    id,
    kind: 'gas',
    engine: plume,
    report: () => ({ ...plume.ledger, onGridKg: plumeMassKg(plume) }),
    valueAt: (cell) => plume.concentration[cell],
    step(world) {
      stepPlume(plume, world.tickS);
      const layer = world.hazardLayers[layerIndex];
      const [x0, y0, x1, y1] = plume.box;
      const next: number[] = [];
      for (let y = y0; y <= y1; y++) {
        for (let x = x0; x <= x1; x++) {
          const c = y * grid.width + x;
          const intensity = plumeIntensity(plume, c);
          if (intensity > 0) next.push(c);
          if (layerIntensity(world, layer, c) === Math.fround(intensity)) continue;
          setLayerCell(world, layer, c, intensity, intensity > 0 ? Cue.Gas : 0, 255, 0);
        }
      }
      for (const c of shown) {
        if (plumeIntensity(plume, c) !== 0 || layerIntensity(world, layer, c) === 0) continue;
        setLayerCell(world, layer, c, 0, 0, 255, 0);
      }
      shown = Int32Array.from(next);
    },
    start(world) {
      // Started early by a command: the release begins now and lasts as long as planned.
      const nowS = world.tick * world.tickS;
      if (plume.timeS >= plume.startS || nowS >= plume.startS) return;
      const shift = nowS - plume.startS;
      plume.startS = nowS;
      if (plume.endS < Infinity) plume.endS += shift;
      world.events.push({ tick: world.tick, timeS: nowS, kind: 'startHazard', title: `Gas release started: ${id}` });
    },
    hash: (h) => {
      h.array(plume.concentration).array(plume.dose);
    },
  };
}

function floodModule(id: string, grid: Grid, spec: Parameters<typeof createFlood>[1], layerIndex: number): HazardModule {
  const wall = Uint8Array.from(grid.baseKinds, (k) => (k === CellKind.Wall ? 1 : 0));
  const bedElevationM = buildBedElevation(spec.elevation, grid.width, grid.height);
  const flood: Flood = createFlood({ width: grid.width, height: grid.height, cellSizeM: grid.cellSizeM, bedElevationM, wall }, spec);
  return {
    id,
    kind: 'flood',
    engine: flood,
    report: () => ({ ...floodBalance(flood) }),
    valueAt: (cell) => flood.depthM[cell],
    step(world) {
      stepFlood(flood, world.tickS);
      const layer = world.hazardLayers[layerIndex];
      forEachFloodCell(flood, (c, intensity) => {
        const factor = walkingSpeedFactor(flood.depthM[c]);
        // Water too deep to wade stops walking: such cells are routed around, like burning ones.
        setLayerCell(world, layer, c, intensity, intensity > 0 ? Cue.Water : 0, Math.round(factor * 255), factor === 0 ? 1 : 0);
      });
    },
    start(world) {
      // Started early by a command: sources that have not begun start now, keeping their hydrographs.
      const nowS = world.tick * world.tickS;
      for (const source of flood.sources) {
        if (source.startS <= nowS) continue;
        const shift = nowS - source.startS;
        source.startS = nowS;
        if (source.endS < Infinity) source.endS += shift;
      }
      world.events.push({ tick: world.tick, timeS: nowS, kind: 'startHazard', title: `Flood started: ${id}` });
    },
    hash: (h) => hashFlood(flood, h),
  };
}

/** The epidemic's isolation settings with the strategy's epidemic response laid over them. */
function withResponse(spec: EpidemicSpec, levers: Levers): EpidemicSpec {
  const response = levers.epidemicResponse;
  if (!response) return spec;
  const isolation = { ...spec.isolation };
  if (response.testingPerDay !== undefined) isolation.testingPerDay = response.testingPerDay;
  if (response.effectiveness !== undefined) isolation.effectiveness = response.effectiveness;
  if (response.quarantineHousehold !== undefined) isolation.quarantineHousehold = response.quarantineHousehold;
  return { ...spec, isolation };
}

function epidemicModule(id: string, residents: Residents, seed: number, spec: EpidemicSpec): HazardModule {
  const ep: Epidemic = createEpidemic(
    { count: residents.count, household: residents.household, building: residents.homeBuilding },
    spec,
    createRandom(seed, `epidemic:${id}`),
  );
  return {
    id,
    kind: 'epidemic',
    engine: ep,
    isolation: ep.isolation,
    report: () => ({ ...ep.counts, attackRate: attackRate(ep), supplyUnitsNeeded: ep.supplyUnitsNeeded }),
    valueAt: (resident) => ep.stage[resident],
    step(world) {
      stepEpidemic(ep, world.tickS);
    },
    start() {
      // The epidemic starts with its initial cases.
    },
    hash: (h) => {
      h.array(ep.stage).array(ep.stageEndS).array(ep.exposureLeft).array(ep.isolation);
    },
  };
}

function earthquakeModule(id: string, grid: Grid, seed: number, spec: EarthquakeSpec, layerIndex: number): HazardModule {
  const buildings = grid.places.filter((p) => p.kind === 'building');
  const walkable = Uint8Array.from(grid.baseKinds, (k) => (k === CellKind.Wall || k === CellKind.Water ? 0 : 1));
  const eq: Earthquake = createEarthquake(
    { width: grid.width, height: grid.height, cellSizeM: grid.cellSizeM, buildings: buildings.map((b) => ({ id: b.id, cells: b.cells })), walkable },
    spec,
    createRandom(seed, `earthquake:${id}`),
  );
  const trapRandom = createRandom(seed, `earthquake-trap:${id}`);
  let shocksSeen = 0;
  return {
    id,
    kind: 'earthquake',
    engine: eq,
    report: () => ({ ...earthquakeReport(eq) }),
    valueAt: (cell) => eq.perceived[cell],
    step(world) {
      stepEarthquake(eq, world.tick * world.tickS);
      if (eq.shocksApplied === shocksSeen) return;
      shocksSeen = eq.shocksApplied;
      const layer = world.hazardLayers[layerIndex];
      forEachQuakeCell(eq, (c) => {
        // Debris blocks roads until it is cleared (not modelled yet), so routes go round it; elsewhere
        // people climb over it slowly, so nobody is walled into a damaged block.
        const debris = isDebris(eq, c);
        const blocked = debris && grid.baseKinds[c] === CellKind.Road ? 1 : 0;
        setLayerCell(world, layer, c, quakeIntensity(eq, c), Cue.Debris, debris ? DEBRIS_WALK : 255, blocked);
      });
      trapResidents(
        world,
        eq,
        buildings.map((b) => b.index),
        trapRandom,
      );
      world.events.push({ tick: world.tick, timeS: world.tick * world.tickS, kind: 'startHazard', title: `Earthquake: ${id}` });
    },
    start(world) {
      // Triggered by a command: the next shock strikes now, and later aftershocks keep their spacing.
      const nowS = world.tick * world.tickS;
      const pending = eq.shocks.slice(eq.shocksApplied) as Shock[];
      if (pending.length === 0 || pending[0].atS <= nowS) return;
      const shift = nowS - pending[0].atS;
      for (const shock of pending) shock.atS += shift;
    },
    hash: (h) => hashEarthquake(eq, h),
  };
}
