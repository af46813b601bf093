import { type CanvasSource, Sprite } from 'pixi.js';
import { resetCellCanvas } from '../map/cellCanvas';
import { heatAlpha, heatColor, heatPosition } from './heatPalette';

/** Colours of 256 legend positions as 0xAABBGGRR pixels (ImageData's byte order on little-endian machines). */
const PIXELS = (() => {
  const table = new Uint32Array(256);
  for (let k = 0; k < 256; k++) {
    const rgb = heatColor(k / 255);
    const bgr = ((rgb & 0xff) << 16) | (rgb & 0xff00) | ((rgb >> 16) & 0xff);
    table[k] = ((Math.round(heatAlpha(k / 255) * 255) << 24) | bgr) >>> 0;
  }
  return table;
})();

/**
 * A review heat map over the terrain: one pixel per cell, coloured by its value on the legend's ramp, drawn in
 * a canvas shown as a sprite scaled to metres with nearest filtering, like the hazard layer.
 */
export class HeatLayer {
  readonly sprite = new Sprite();
  private canvas: HTMLCanvasElement | null = null;
  private source: CanvasSource | null = null;
  private width = 0;
  private height = 0;
  private cellsShown = 0;

  /** Cells with a value, as last drawn (0 when hidden). */
  get cellsDrawn(): number {
    return this.sprite.visible ? this.cellsShown : 0;
  }

  /** Prepare for a map of `width` × `height` cells of `cellSizeM`; nothing shows until `draw`. */
  reset(width: number, height: number, cellSizeM: number): void {
    this.width = width;
    this.height = height;
    this.cellsShown = 0;
    ({ canvas: this.canvas, source: this.source } = resetCellCanvas(this.sprite, width, height, cellSizeM));
  }

  /** Draw one value per cell against the legend's `max`; values of the wrong size (a stale frame) are ignored. */
  draw(values: Float32Array, max: number): void {
    if (!this.canvas || !this.source || values.length !== this.width * this.height) return;
    const context = this.canvas.getContext('2d');
    if (!context) return;
    const image = context.createImageData(this.width, this.height);
    const pixels = new Uint32Array(image.data.buffer);
    let shown = 0;
    for (let c = 0; c < values.length; c++) {
      if (!(values[c] > 0)) continue;
      shown++;
      pixels[c] = PIXELS[Math.round(heatPosition(values[c], max) * 255)];
    }
    context.putImageData(image, 0, 0);
    this.source.update();
    this.cellsShown = shown;
    this.sprite.visible = shown > 0;
  }

  hide(): void {
    this.sprite.visible = false;
  }
}
