import { CanvasSource, type Sprite, Texture } from 'pixi.js';

/**
 * Give `sprite` a fresh canvas of one pixel per cell, scaled to `cellSizeM` metres a pixel and hidden until
 * drawn; the previous texture is destroyed. Layers that paint a value per cell (hazard, heat) draw into it.
 */
export function resetCellCanvas(sprite: Sprite, width: number, height: number, cellSizeM: number): { canvas: HTMLCanvasElement; source: CanvasSource } {
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(width, 1);
  canvas.height = Math.max(height, 1);
  const oldTexture = sprite.texture;
  const source = new CanvasSource({ resource: canvas, scaleMode: 'nearest', autoGenerateMipmaps: false });
  sprite.texture = new Texture({ source });
  if (oldTexture !== Texture.EMPTY) oldTexture.destroy(true);
  sprite.scale.set(cellSizeM);
  sprite.visible = false;
  return { canvas, source };
}
