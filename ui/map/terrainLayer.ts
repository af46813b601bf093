import { CanvasSource, Sprite, Texture } from 'pixi.js';
import { CELL_SWATCHES, CLOSED_SWATCH, UNKNOWN_CELL_COLOR } from './palette';
import type { PlaceOnMap } from './placeCells';

/** RGBA bytes of each cell kind, little-endian packed for a Uint32Array view of ImageData. */
function packedColors(): Uint32Array {
  const packed = new Uint32Array(256).fill(toAbgr(UNKNOWN_CELL_COLOR));
  CELL_SWATCHES.forEach((swatch, kind) => {
    packed[kind] = toAbgr(swatch.color);
  });
  return packed;
}

function toAbgr(rgb: number): number {
  const r = (rgb >> 16) & 0xff;
  const g = (rgb >> 8) & 0xff;
  const b = rgb & 0xff;
  return (0xff000000 | (b << 16) | (g << 8) | r) >>> 0;
}

/**
 * The static map: one pixel per cell in a canvas, shown as a sprite scaled up with nearest filtering so
 * cells stay crisp at any zoom. Redrawn only when the geometry or the set of closed places changes.
 */
export class TerrainLayer {
  readonly sprite = new Sprite();
  private readonly colors = packedColors();
  private readonly closedColor = toAbgr(CLOSED_SWATCH.color);
  private canvas: HTMLCanvasElement | null = null;
  private source: CanvasSource | null = null;
  private width = 0;
  private height = 0;
  private places: PlaceOnMap[] = [];
  private drawnKey = '';

  /** Prepare for a new scenario: size in cells, cell size in metres, and its exits and shelters. */
  reset(width: number, height: number, cellSizeM: number, places: PlaceOnMap[]): void {
    this.width = width;
    this.height = height;
    this.places = places;
    this.drawnKey = '';
    this.canvas = document.createElement('canvas');
    this.canvas.width = width;
    this.canvas.height = height;
    const oldTexture = this.sprite.texture;
    this.source = new CanvasSource({ resource: this.canvas, scaleMode: 'nearest', autoGenerateMipmaps: false });
    this.sprite.texture = new Texture({ source: this.source });
    if (oldTexture !== Texture.EMPTY) oldTexture.destroy(true);
    this.sprite.scale.set(cellSizeM);
  }

  /**
   * Redraw if this frame's geometry differs from what is drawn. Returns whether it drew.
   * A frame whose cell count does not match the scenario (a stale frame) is ignored.
   */
  draw(cells: Uint8Array, geometryVersion: number, closedPlaces: readonly string[]): boolean {
    if (!this.canvas || !this.source || cells.length !== this.width * this.height) return false;
    const key = `${geometryVersion}|${closedPlaces.join(',')}`;
    if (key === this.drawnKey) return false;
    this.drawnKey = key;
    const context = this.canvas.getContext('2d');
    if (!context) return false;
    const image = context.createImageData(this.width, this.height);
    const pixels = new Uint32Array(image.data.buffer);
    const colors = this.colors;
    for (let c = 0; c < cells.length; c++) pixels[c] = colors[cells[c]];
    if (closedPlaces.length) {
      const closed = new Set(closedPlaces);
      for (const place of this.places) if (closed.has(place.id)) for (const c of place.cells) pixels[c] = this.closedColor;
    }
    context.putImageData(image, 0, 0);
    this.source.update();
    return true;
  }
}
