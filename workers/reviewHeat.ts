import type { HeatMaps } from '../sim/index';

/** The heat maps a review can draw on the map. */
export const HEAT_LAYERS = ['crowd', 'exposure', 'harm', 'waiting', 'unreached'] as const;
export type HeatLayerId = (typeof HEAT_LAYERS)[number];

/** Units of each layer's values, for its legend. */
export const HEAT_UNITS: Record<HeatLayerId, 'personMinutes' | 'injuriesAndDeaths' | 'households'> = {
  crowd: 'personMinutes',
  exposure: 'personMinutes',
  harm: 'injuriesAndDeaths',
  waiting: 'personMinutes',
  unreached: 'households',
};

/** One layer's value per cell, in its unit (person-minutes, injuries and deaths, or households). */
export function heatLayerValues(heat: HeatMaps, layer: HeatLayerId, tickS: number): Float32Array {
  const out = new Float32Array(heat.width * heat.height);
  for (let c = 0; c < out.length; c++) {
    switch (layer) {
      case 'crowd':
        out[c] = (heat.crowdPersonTicks[c] * tickS) / 60;
        break;
      case 'exposure':
        out[c] = heat.exposurePersonS[c] / 60;
        break;
      case 'harm':
        out[c] = heat.injured[c] + heat.deceased[c];
        break;
      case 'waiting':
        out[c] = heat.waitingPersonS[c] / 60;
        break;
      case 'unreached':
        out[c] = heat.unreachedHouseholds[c];
        break;
    }
  }
  return out;
}

export function isHeatLayer(value: unknown): value is HeatLayerId {
  return typeof value === 'string' && (HEAT_LAYERS as readonly string[]).includes(value);
}
