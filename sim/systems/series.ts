import type { World } from '../core/World';

/**
 * Most samples a series keeps. When full, every other sample is dropped and the interval doubles, so a
 * run of any length holds at most this many (a drill left playing for days cannot fill the memory).
 */
export const MAX_SERIES_SAMPLES = 2048;

/** Figures of a run sampled over time, one array per figure, all the same length (column-wise, cheap to copy). */
export interface RunSeries {
  /** End of the sampled tick, s. */
  t: number[];
  /** Residents who have heard a warning (official or from a neighbour). */
  informed: number[];
  /** Residents who reached an exit or shelter. */
  safe: number[];
  /** Person-seconds spent in danger so far (the exposure metric). */
  exposurePersonS: number[];
  /** Residents injured and killed by hazards so far. */
  injured: number[];
  deceased: number[];
  /** Mean panic and mean trust in official sources, 0 to 1. */
  meanPanic: number[];
  meanTrust: number[];
  /** Residents waiting for help now. */
  awaitingHelp: number[];
  /** Persons inside shelters now. */
  sheltered: number[];
}

export interface SeriesState extends RunSeries {
  /** Ticks between samples now: metricsEveryTicks, doubled each time the series was thinned. */
  everyTicks: number;
}

const COLUMNS = ['t', 'informed', 'safe', 'exposurePersonS', 'injured', 'deceased', 'meanPanic', 'meanTrust', 'awaitingHelp', 'sheltered'] as const;

export function createSeries(metricsEveryTicks: number): SeriesState {
  return {
    everyTicks: metricsEveryTicks,
    t: [],
    informed: [],
    safe: [],
    exposurePersonS: [],
    injured: [],
    deceased: [],
    meanPanic: [],
    meanTrust: [],
    awaitingHelp: [],
    sheltered: [],
  };
}

const r3 = (v: number) => Math.round(v * 1000) / 1000;

/** Add a sample at the end of this tick when it falls on the series' interval (after all systems ran). */
export function sampleSeries(world: World): void {
  const series = world.series;
  if ((world.tick + 1) % series.everyTicks !== 0) return;
  if (series.t.length >= MAX_SERIES_SAMPLES) {
    thin(series);
    if ((world.tick + 1) % series.everyTicks !== 0) return;
  }
  let sheltered = 0;
  // shelterCount also counts people through exits: only shelters hold people.
  for (const place of world.grid.places) if (place.kind === 'shelter') sheltered += world.shelterCount[place.index];
  series.t.push(r3((world.tick + 1) * world.tickS));
  series.informed.push(world.warning.informed);
  series.safe.push(world.counts.safe);
  series.exposurePersonS.push(r3(world.harm.exposurePersonS));
  series.injured.push(world.harm.injured);
  series.deceased.push(world.harm.deceased);
  series.meanPanic.push(r3(world.warning.meanPanic));
  series.meanTrust.push(r3(world.warning.meanTrust));
  series.awaitingHelp.push(world.counts.awaitingHelp);
  series.sheltered.push(sheltered);
}

/** Keep the samples at every second interval (those the doubled interval would have taken) and double it. */
function thin(series: SeriesState): void {
  for (const name of COLUMNS) {
    const column = series[name];
    let kept = 0;
    for (let k = 1; k < column.length; k += 2) column[kept++] = column[k];
    column.length = kept;
  }
  series.everyTicks *= 2;
}

/** A copy of the series, owned by the caller. */
export function readSeries(series: SeriesState): RunSeries {
  const copy = {} as RunSeries;
  for (const name of COLUMNS) copy[name] = series[name].slice();
  return copy;
}
