import { Container, Text, TextStyle } from 'pixi.js';
import { t } from '../i18n/index';
import type { PlaceOnMap } from './placeCells';

/** More labels than this clutter the map and cost text textures; larger scenarios keep the first ones. */
const MAX_LABELS = 120;

const openStyle = new TextStyle({
  fontFamily: 'system-ui, sans-serif',
  fontSize: 14,
  fontWeight: '600',
  fill: 0xffffff,
  stroke: { color: 0x000000, width: 4 },
});
const closedStyle = openStyle.clone();
closedStyle.fill = 0xff9df8;

/**
 * Names of exits and shelters on the map, a constant size on screen whatever the zoom. Pixi draws
 * text into a canvas, so scenario names never reach the page as HTML.
 */
export class PlaceLabels {
  readonly view = new Container();
  private labels: { place: PlaceOnMap; text: Text }[] = [];
  private closedKey = '';

  /** Replace the labels for a new scenario; positions in metres. */
  reset(places: PlaceOnMap[], width: number, cellSizeM: number): void {
    for (const { text } of this.labels) text.destroy();
    this.labels = [];
    this.closedKey = '';
    for (const place of places.slice(0, MAX_LABELS)) {
      let sx = 0;
      let sy = 0;
      for (const c of place.cells) {
        sx += (c % width) + 0.5;
        sy += Math.floor(c / width) + 0.5;
      }
      const cx = sx / place.cells.length;
      // Gates sit on the boundary: grow labels near the left or right edge inwards, not off the map.
      const anchorX = cx < width * 0.15 ? 0 : cx > width * 0.85 ? 1 : 0.5;
      const text = new Text({ text: place.label, style: openStyle, anchor: { x: anchorX, y: 1.2 } });
      text.position.set(cx * cellSizeM, (sy / place.cells.length) * cellSizeM);
      this.view.addChild(text);
      this.labels.push({ place, text });
    }
  }

  /** Mark closed places; cheap when nothing changed. */
  setClosed(closedPlaces: readonly string[]): void {
    const key = closedPlaces.join(',');
    if (key === this.closedKey) return;
    this.closedKey = key;
    const closed = new Set(closedPlaces);
    for (const { place, text } of this.labels) {
      const isClosed = closed.has(place.id);
      text.text = isClosed ? t('map.closed', { place: place.label }) : place.label;
      text.style = isClosed ? closedStyle : openStyle;
    }
  }

  /** Counter-scale so labels keep their screen size. */
  setZoom(pixelsPerMetre: number): void {
    for (const { text } of this.labels) text.scale.set(1 / pixelsPerMetre);
  }
}
