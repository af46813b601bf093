import { type CanvasSource, Sprite } from 'pixi.js';
import { resetCellCanvas } from './cellCanvas';
import { HAZARD_EDGE_ALPHA, HAZARD_MAX_ALPHA, HAZARD_SWATCH } from './palette';

/**
 * The hazard field over the terrain: one pixel per cell, its opacity the hazard's intensity (stronger on
 * the area's edge), in a canvas
 * shown as a sprite scaled up with nearest filtering like the terrain. Redrawn only when the worker sends
 * a changed field; scenarios without hazards never draw it.
 */
export class HazardLayer {
  readonly sprite = new Sprite();
  private canvas: HTMLCanvasElement | null = null;
  private source: CanvasSource | null = null;
  private width = 0;
  private height = 0;
  private cellsShown = 0;
  // command-post knowledge: begin
  /** Hidden while a trainee's map shows only what the command post knows. */
  private hidden = false;

  setHidden(hidden: boolean): void {
    this.hidden = hidden;
    this.sprite.visible = !hidden && this.cellsShown > 0;
  }
  // command-post knowledge: end

  /** Cells with some hazard, as last drawn (none while hidden). */
  get cellsDrawn(): number {
    return this.hidden ? 0 : this.cellsShown;
  }

  /** Prepare for a new scenario (size in cells, cell size in metres); nothing shows until `draw`. */
  reset(width: number, height: number, cellSizeM: number): void {
    this.width = width;
    this.height = height;
    this.cellsShown = 0;
    ({ canvas: this.canvas, source: this.source } = resetCellCanvas(this.sprite, width, height, cellSizeM));
  }

  /** Draw a hazard field (intensity 0 to 255 per cell); one of the wrong size (a stale frame) is ignored. */
  draw(intensity: Uint8Array): void {
    if (!this.canvas || !this.source || intensity.length !== this.width * this.height) return;
    const context = this.canvas.getContext('2d');
    if (!context) return;
    const image = context.createImageData(this.width, this.height);
    const pixels = new Uint32Array(image.data.buffer);
    // ImageData is RGBA in memory: on little-endian machines that is 0xAABBGGRR as a 32-bit word.
    const rgb = HAZARD_SWATCH.color;
    const bgr = ((rgb & 0xff) << 16) | (rgb & 0xff00) | ((rgb >> 16) & 0xff);
    const { width, height } = this;
    let shown = 0;
    for (let c = 0; c < intensity.length; c++) {
      const value = intensity[c];
      if (value === 0) continue;
      shown++;
      const x = c % width;
      const y = (c - x) / width;
      // A cell next to a hazard-free cell (or the map's edge) outlines the area.
      const edge =
        x === 0 || x === width - 1 || y === 0 || y === height - 1 || !intensity[c - 1] || !intensity[c + 1] || !intensity[c - width] || !intensity[c + width];
      pixels[c] = ((Math.round(value * (edge ? HAZARD_EDGE_ALPHA : HAZARD_MAX_ALPHA)) << 24) | bgr) >>> 0;
    }
    context.putImageData(image, 0, 0);
    this.source.update();
    this.cellsShown = shown;
    this.sprite.visible = !this.hidden && shown > 0;
  }
}
