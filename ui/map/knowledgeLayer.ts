import { CanvasSource, Container, Graphics, GraphicsContext, Sprite, Text, TextStyle, Texture } from 'pixi.js';
import type { CommandPostKnowledge, HazardSpot, SpotStatus } from '../../sim/index';
import type { LoadedInfo } from '../../workers/simHost';
import { t } from '../i18n/index';
import { KNOWN_AREA_MAX_ALPHA, KNOWN_AREA_SWATCH, NEED_SWATCH, REPORT_SWATCHES } from './palette';
import type { PlaceOnMap } from './placeCells';

/** Labels beyond this many clutter the map; the most recent reports keep theirs. */
const MAX_LABELS = 80;
/** A report's marker fades from full to this opacity over FADE_S: old news looks old. */
const OLDEST_ALPHA = 0.35;
const FADE_S = 900;
/** Marker sizes on screen, px. */
const REPORT_PX = 5;
const SENSOR_RING_PX = 11;
const NEED_PX = 4;

/** Labels hang under their marker: a sensor's below its ring, a report's below its dot (anchors in text sizes). */
const SENSOR_LABEL_ANCHOR = { x: 0.5, y: -0.9 };
const REPORT_LABEL_ANCHOR = { x: 0.5, y: -0.5 };

const labelStyle = new TextStyle({
  fontFamily: 'system-ui, sans-serif',
  fontSize: 12,
  fontWeight: '600',
  fill: 0xfff3b0,
  stroke: { color: 0x000000, width: 3 },
});
const countStyle = labelStyle.clone();
countStyle.fill = 0xbff7e6;

/** Marker shapes by source and status, drawn once and shared. */
const contexts = new Map<string, GraphicsContext>();
function markerContext(source: HazardSpot['source'] | 'need', status: SpotStatus): GraphicsContext {
  const key = `${source}:${status}`;
  let context = contexts.get(key);
  if (context) return context;
  const color = source === 'need' ? NEED_SWATCH.color : REPORT_SWATCHES[status].color;
  context = new GraphicsContext();
  if (source === 'sensor') context.circle(0, 0, SENSOR_RING_PX).stroke({ width: 3, color });
  else if (source === 'volunteer')
    context
      .poly([0, -REPORT_PX - 1, REPORT_PX + 1, 0, 0, REPORT_PX + 1, -REPORT_PX - 1, 0])
      .fill({ color: 0x000000, alpha: 0.4 })
      .stroke({ width: 2, color });
  else if (source === 'need')
    context
      .rect(-NEED_PX, -NEED_PX, 2 * NEED_PX, 2 * NEED_PX)
      .fill(color)
      .stroke({ width: 1.5, color: 0x000000 });
  else context.circle(0, 0, REPORT_PX).fill({ color: 0x000000, alpha: 0.4 }).stroke({ width: 2, color });
  if (status === 'falseAlarm') context.moveTo(-REPORT_PX, -REPORT_PX).lineTo(REPORT_PX, REPORT_PX).stroke({ width: 2, color });
  contexts.set(key, context);
  return context;
}

/** "just now", "4 min ago". */
function ageText(ageS: number): string {
  const minutes = Math.floor(Math.max(0, ageS) / 60);
  return minutes < 1 ? t('knowledge.justNow') : t('knowledge.minutesAgo', { n: minutes });
}

interface Label {
  text: Text;
  /** The label's words at a simulated time (ages change as time goes on). */
  words(nowS: number): string;
}

/**
 * What the command post knows, on the map: the area its reports point to (a hatched fill, one pixel per
 * cell like the hazard layer), a marker for each report received (residents' calls as rings, patrols as
 * diamonds, sensor alerts as a ring around the sensor; yellow until verified, orange once confirmed,
 * crossed grey for a false alarm; fading with age), needs for supplies reported, and labels with who
 * reported and how long ago. With the truth hidden it also labels exits and shelters with the people
 * counted there: the command post knows head counts at its gates and shelters, not where each resident is.
 */
export class KnowledgeLayer {
  /** The known area; add under the agents. */
  readonly area = new Sprite();
  /** Report and need markers; add over the agents. */
  readonly markers = new Container();
  /** Labels; add on top. */
  readonly labels = new Container();
  private canvas: HTMLCanvasElement | null = null;
  private source: CanvasSource | null = null;
  private width = 0;
  private cellSizeM = 1;
  private info: LoadedInfo | null = null;
  private places: PlaceOnMap[] = [];
  private spotAges: { marker: Graphics; receivedS: number }[] = [];
  private reportLabels: Label[] = [];
  private countLabels: { place: string; text: Text }[] = [];
  private countsVisible = false;
  private areaShown = 0;
  private zoom = 1;
  private lastNowS = Number.NaN;

  get markerCount(): number {
    return this.markers.children.length;
  }

  get areaCellsDrawn(): number {
    return this.area.visible ? this.areaShown : 0;
  }

  /** A new run: size, places, sensors; nothing is known yet. */
  reset(info: LoadedInfo, places: PlaceOnMap[]): void {
    this.info = info;
    this.places = places;
    this.width = info.width;
    this.cellSizeM = info.cellSizeM;
    this.canvas = document.createElement('canvas');
    this.canvas.width = Math.max(info.width, 1);
    this.canvas.height = Math.max(info.height, 1);
    const oldTexture = this.area.texture;
    this.source = new CanvasSource({ resource: this.canvas, scaleMode: 'nearest', autoGenerateMipmaps: false });
    this.area.texture = new Texture({ source: this.source });
    if (oldTexture !== Texture.EMPTY) oldTexture.destroy(true);
    this.area.scale.set(info.cellSizeM);
    this.area.visible = false;
    this.areaShown = 0;
    this.clearMarkers();
    for (const { text } of this.countLabels) text.destroy();
    this.countLabels = places.map((place) => {
      const text = new Text({ text: '', style: countStyle, anchor: { x: 0.5, y: -0.2 } });
      const [x, y] = this.centreOf(place.cells);
      text.position.set(x, y);
      text.visible = false;
      this.labels.addChild(text);
      return { place: place.id, text };
    });
    this.lastNowS = Number.NaN;
    this.setZoom(this.zoom);
  }

  /** Draw a new picture of what the command post knows. */
  show(knowledge: CommandPostKnowledge): void {
    this.drawArea(knowledge.area);
    this.clearMarkers();
    const info = this.info;
    if (!info) return;
    const sensors = new Map(info.sensors.map((s) => [s.id, s]));
    for (const spot of knowledge.spots) {
      const sensor = spot.sensor === null ? undefined : sensors.get(spot.sensor);
      const [x, y] = sensor ? [sensor.xM, sensor.yM] : this.cellCentre(spot.cell);
      this.addMarker(markerContext(spot.source, spot.status), x, y, spot.receivedS);
    }
    for (const need of knowledge.needs) {
      const [x, y] = this.cellCentre(need.cell);
      this.addMarker(markerContext('need', 'reported'), x, y, need.knownS);
    }
    const labels: Label[] = [];
    for (const s of knowledge.sensors) {
      const sensor = sensors.get(s.id);
      if (!sensor || s.status === 'quiet' || s.status === 'notInstalled') continue;
      const lastS = s.lastAlertS ?? 0;
      const unverified = knowledge.spots.some((spot) => spot.sensor === s.id && spot.receivedS === lastS && spot.status === 'reported');
      labels.push(
        this.makeLabel(sensor.xM, sensor.yM, SENSOR_LABEL_ANCHOR, (nowS) => {
          if (s.status === 'offline') return t('knowledge.sensorOffline');
          if (s.status === 'falseAlarm') return t('knowledge.sensorFalseAlarm', { age: ageText(nowS - lastS) });
          return `${t('knowledge.sensorAlert', { age: ageText(nowS - lastS) })}${unverified ? ` ${t('knowledge.unverified')}` : ''}`;
        }),
      );
    }
    const groups = [...knowledge.groups].sort((a, b) => b.lastS - a.lastS).slice(0, Math.max(0, MAX_LABELS - labels.length));
    for (const group of groups) {
      const place = group.place === null ? '' : (info.places.find((p) => p.id === group.place)?.name ?? group.place);
      const [x, y] = this.cellCentre(group.cell);
      const key = group.source === 'resident' ? (place ? 'knowledge.callsAt' : 'knowledge.callsHere') : place ? 'knowledge.patrolAt' : 'knowledge.patrolHere';
      const unverified = group.status === 'reported';
      labels.push(
        this.makeLabel(x, y, REPORT_LABEL_ANCHOR, (nowS) => {
          const words = t(key, { place, n: group.count, age: ageText(nowS - group.lastS) });
          return unverified ? `${words} ${t('knowledge.unverified')}` : words;
        }),
      );
    }
    this.reportLabels = labels;
    this.setZoom(this.zoom);
    this.lastNowS = Number.NaN;
  }

  /** Ages and head counts at `nowS`: labels are rewritten only when their words change (time or language). */
  update(nowS: number, safeByPlace: Record<string, number>): void {
    if (nowS !== this.lastNowS) {
      this.lastNowS = nowS;
      for (const { marker, receivedS } of this.spotAges) marker.alpha = 1 - (1 - OLDEST_ALPHA) * Math.min(1, Math.max(0, nowS - receivedS) / FADE_S);
    }
    for (const label of this.reportLabels) {
      const words = label.words(nowS);
      if (label.text.text !== words) label.text.text = words;
    }
    for (const count of this.countLabels) {
      const n = safeByPlace[count.place] ?? 0;
      count.text.visible = this.countsVisible && n > 0;
      if (!count.text.visible) continue;
      // Compared as words, so a change of language shows at the next frame too.
      const words = t('knowledge.counted', { n });
      if (count.text.text !== words) count.text.text = words;
    }
  }

  /** Head counts at exits and shelters: shown when the residents themselves are not. */
  setCountsVisible(visible: boolean): void {
    this.countsVisible = visible;
    // Shown again at the next update, with the counts of that frame.
    if (!visible) for (const count of this.countLabels) count.text.visible = false;
  }

  /** Counter-scale markers and labels so they keep their screen size. */
  setZoom(pixelsPerMetre: number): void {
    this.zoom = pixelsPerMetre;
    const scale = 1 / pixelsPerMetre;
    for (const marker of this.markers.children) marker.scale.set(scale);
    for (const label of this.labels.children) label.scale.set(scale);
  }

  private drawArea(area: Uint8Array | null): void {
    const canvas = this.canvas;
    const context = canvas?.getContext('2d');
    if (!canvas || !context || !this.source) return;
    if (!area || area.length !== canvas.width * canvas.height) {
      context.clearRect(0, 0, canvas.width, canvas.height);
      this.source.update();
      this.areaShown = 0;
      this.area.visible = false;
      return;
    }
    const image = context.createImageData(canvas.width, canvas.height);
    const pixels = new Uint32Array(image.data.buffer);
    const rgb = KNOWN_AREA_SWATCH.color;
    // ImageData is RGBA in memory: 0xAABBGGRR as a little-endian word.
    const bgr = ((rgb & 0xff) << 16) | (rgb & 0xff00) | ((rgb >> 16) & 0xff);
    const width = this.width;
    let shown = 0;
    for (let c = 0; c < area.length; c++) {
      if (!area[c]) continue;
      shown++;
      const x = c % width;
      const y = (c - x) / width;
      // Diagonal hatching: a believed area, never to be mistaken for the solid true hazard.
      const stripe = (x + y) % 4 < 2 ? 1 : 0.55;
      pixels[c] = ((Math.round(area[c] * KNOWN_AREA_MAX_ALPHA * stripe) << 24) | bgr) >>> 0;
    }
    context.putImageData(image, 0, 0);
    this.source.update();
    this.areaShown = shown;
    this.area.visible = shown > 0;
  }

  private addMarker(context: GraphicsContext, x: number, y: number, receivedS: number): void {
    const marker = new Graphics(context);
    marker.position.set(x, y);
    this.markers.addChild(marker);
    this.spotAges.push({ marker, receivedS });
  }

  private makeLabel(x: number, y: number, anchor: { x: number; y: number }, words: (nowS: number) => string): Label {
    const text = new Text({ text: '', style: labelStyle, anchor });
    text.position.set(x, y);
    this.labels.addChild(text);
    return { text, words };
  }

  private clearMarkers(): void {
    for (const marker of this.markers.removeChildren()) marker.destroy();
    for (const label of this.reportLabels) label.text.destroy();
    this.reportLabels = [];
    this.spotAges = [];
  }

  private cellCentre(cell: number): [number, number] {
    const x = cell % this.width;
    return [(x + 0.5) * this.cellSizeM, (Math.floor(cell / this.width) + 0.5) * this.cellSizeM];
  }

  private centreOf(cells: readonly number[]): [number, number] {
    let sx = 0;
    let sy = 0;
    for (const c of cells) {
      sx += (c % this.width) + 0.5;
      sy += Math.floor(c / this.width) + 0.5;
    }
    const n = Math.max(1, cells.length);
    return [(sx / n) * this.cellSizeM, (sy / n) * this.cellSizeM];
  }
}
