import { interpolateRdBu, rgb } from 'd3';
import { el } from '../dom';
import { formatCount } from '../format';
import { CELL_SWATCHES } from '../map/palette';

/** Per cell A − B, and the largest difference either way (the legend's end). */
export function differenceOf(a: Float32Array, b: Float32Array): { values: Float32Array; maxAbs: number } {
  if (a.length !== b.length) throw new RangeError(`the two heat maps differ in size (${a.length} and ${b.length} cells)`);
  const values = new Float32Array(a.length);
  let maxAbs = 0;
  for (let c = 0; c < a.length; c++) {
    const d = a[c] - b[c];
    values[c] = d;
    if (Math.abs(d) > maxAbs) maxAbs = Math.abs(d);
  }
  return { values, maxAbs };
}

/**
 * Position of a difference on the diverging legend, −1 (all in B) to 1 (all in A): the signed square root of
 * its share of the largest, so a few extreme cells do not wash out the rest (as the review's heat maps).
 */
export function divergingPosition(value: number, maxAbs: number): number {
  if (!(maxAbs > 0) || !Number.isFinite(value) || value === 0) return 0;
  return Math.sign(value) * Math.sqrt(Math.min(1, Math.abs(value) / maxAbs));
}

/** The difference at a legend position (inverse of divergingPosition). */
export function divergingValueAt(position: number, maxAbs: number): number {
  return Math.sign(position) * position * position * maxAbs;
}

/** Colour of a legend position as [r, g, b]: red where A had more, blue where B had more (ColorBrewer RdBu). */
export function divergingColour(position: number): [number, number, number] {
  const p = Math.min(1, Math.max(-1, position));
  // The scheme's near-white middle is skipped: any difference shows as a colour, the smallest as a light one.
  const away = p === 0 ? 0 : 0.1 + 0.4 * Math.abs(p);
  const { r, g, b } = rgb(interpolateRdBu(0.5 - Math.sign(p) * away));
  return [Math.round(r), Math.round(g), Math.round(b)];
}

/** CSS gradient of the legend, from "more in B" on the left to "more in A" on the right. */
export function divergingGradientCss(): string {
  const stops: string[] = [];
  for (let k = 0; k <= 10; k++) {
    const [r, g, b] = divergingColour(k / 5 - 1);
    stops.push(`rgb(${r} ${g} ${b}) ${k * 10}%`);
  }
  return `linear-gradient(to right, ${stops.join(', ')})`;
}

/** Terrain as dim greys, so the difference colours stand out on it. */
const GREYS = CELL_SWATCHES.map((s) => {
  const lum = 0.3 * ((s.color >> 16) & 0xff) + 0.59 * ((s.color >> 8) & 0xff) + 0.11 * (s.color & 0xff);
  return Math.round(lum * 0.55);
});

/**
 * The difference heat map: one pixel per cell on a canvas (scaled up without smoothing), terrain in greys
 * and each cell with a difference in the diverging colour of its position on the legend.
 */
export class DiffMap {
  readonly canvas: HTMLCanvasElement;
  private cells: Uint8Array | null = null;
  private width = 0;
  private height = 0;
  private shown = 0;

  constructor() {
    this.canvas = el('canvas', { className: 'compare-diff-canvas', attrs: { id: 'compare-diff' } });
  }

  /** Cells drawn with a difference (0 before the first draw). */
  get cellsDrawn(): number {
    return this.shown;
  }

  reset(width: number, height: number): void {
    this.width = width;
    this.height = height;
    this.cells = null;
    this.shown = 0;
    this.canvas.width = Math.max(1, width);
    this.canvas.height = Math.max(1, height);
  }

  setCells(cells: Uint8Array): void {
    if (cells.length === this.width * this.height) this.cells = cells;
  }

  /** Draw a difference (A − B per cell) against `maxAbs`; values of the wrong size are ignored. */
  draw(values: Float32Array | null, maxAbs: number): void {
    const context = this.canvas.getContext('2d');
    if (!context || this.width * this.height === 0) return;
    const image = context.createImageData(this.width, this.height);
    const data = image.data;
    let shown = 0;
    for (let c = 0; c < this.width * this.height; c++) {
      const grey = this.cells ? (GREYS[this.cells[c]] ?? 40) : 20;
      let r = grey;
      let g = grey;
      let b = grey;
      const v = values && values.length === this.width * this.height ? values[c] : 0;
      if (v !== 0 && maxAbs > 0) {
        shown++;
        const position = divergingPosition(v, maxAbs);
        const [cr, cg, cb] = divergingColour(position);
        // Small differences let the terrain show through; the largest cover it.
        const alpha = 0.45 + 0.55 * Math.abs(position);
        r = Math.round(cr * alpha + grey * (1 - alpha));
        g = Math.round(cg * alpha + grey * (1 - alpha));
        b = Math.round(cb * alpha + grey * (1 - alpha));
      }
      data[c * 4] = r;
      data[c * 4 + 1] = g;
      data[c * 4 + 2] = b;
      data[c * 4 + 3] = 255;
    }
    context.putImageData(image, 0, 0);
    this.shown = shown;
  }
}

/** Legend numbers: whole units above 10, one decimal below. */
export function legendNumber(value: number): string {
  const magnitude = Math.abs(value);
  const text = magnitude >= 10 ? formatCount(Math.round(magnitude)) : (Math.round(magnitude * 10) / 10).toString();
  return value < 0 ? `−${text}` : value > 0 ? `+${text}` : '0';
}
