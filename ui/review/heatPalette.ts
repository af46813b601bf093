import { interpolateInferno, rgb } from 'd3';

/** Part of the colour ramp a heat map uses: the darkest end of Inferno is lost on the dark map. */
const RAMP_FROM = 0.3;

/**
 * Position of a value on the legend, 0 to 1: the square root of its share of the largest value, so a few
 * crowded cells do not wash the rest of the map out. 0 for cells with nothing.
 */
export function heatPosition(value: number, max: number): number {
  if (!(value > 0) || !(max > 0)) return 0;
  return Math.sqrt(Math.min(1, value / max));
}

/** The value at a legend position (the inverse of heatPosition). */
export function heatValueAt(position: number, max: number): number {
  return position * position * max;
}

/** Colour of a legend position as 0xRRGGBB. */
export function heatColor(position: number): number {
  const { r, g, b } = rgb(interpolateInferno(RAMP_FROM + (1 - RAMP_FROM) * Math.min(1, Math.max(0, position))));
  return (Math.round(r) << 16) | (Math.round(g) << 8) | Math.round(b);
}

/** Opacity of a legend position: faint cells let the map show through, the hottest hide it. */
export function heatAlpha(position: number): number {
  return 0.35 + 0.6 * position;
}

/** A CSS gradient of the ramp, for the legend bar. */
export function heatGradientCss(): string {
  const stops: string[] = [];
  for (let k = 0; k <= 10; k++)
    stops.push(
      `#${heatColor(k / 10)
        .toString(16)
        .padStart(6, '0')} ${k * 10}%`,
    );
  return `linear-gradient(to right, ${stops.join(', ')})`;
}
