import { Container, Graphics, GraphicsContext } from 'pixi.js';
import type { SensorKnowledge } from '../../sim/index';
import type { LoadedInfo } from '../../workers/simHost';
import { SENSOR_ALERT_COLOR, SENSOR_OFF_SWATCH, SENSOR_SILENT_COLOR, SENSOR_SWATCH } from './palette';

/** More markers than this cost more than they tell; larger scenarios show the first ones. */
const MAX_SENSOR_MARKERS = 500;
/** Half the marker's edge on screen, px. */
const MARKER_PX = 6;

/** A working sensor: a filled square with a dark edge and a dark centre, like a small device. */
const workingMarker = new GraphicsContext()
  .rect(-MARKER_PX, -MARKER_PX, 2 * MARKER_PX, 2 * MARKER_PX)
  .fill(SENSOR_SWATCH.color)
  .stroke({ width: 2, color: 0x000000 })
  .circle(0, 0, 2)
  .fill(0x000000);

/** A sensor the strategy does without: a hollow grey square, crossed out. */
const missingMarker = new GraphicsContext()
  .rect(-MARKER_PX, -MARKER_PX, 2 * MARKER_PX, 2 * MARKER_PX)
  .fill({ color: 0x000000, alpha: 0.5 })
  .stroke({ width: 2, color: SENSOR_OFF_SWATCH.color })
  .moveTo(-MARKER_PX, -MARKER_PX)
  .lineTo(MARKER_PX, MARKER_PX)
  .moveTo(MARKER_PX, -MARKER_PX)
  .lineTo(-MARKER_PX, MARKER_PX)
  .stroke({ width: 2, color: SENSOR_OFF_SWATCH.color });

// command-post knowledge: begin
/** A sensor whose alert the command post received: red, as on a platform's dashboard. */
const alertMarker = new GraphicsContext()
  .rect(-MARKER_PX, -MARKER_PX, 2 * MARKER_PX, 2 * MARKER_PX)
  .fill(SENSOR_ALERT_COLOR)
  .stroke({ width: 2, color: 0xffffff })
  .circle(0, 0, 2)
  .fill(0xffffff);

/** A sensor that went silent (outage or power cut): dark, without its centre dot. */
const silentMarker = new GraphicsContext()
  .rect(-MARKER_PX, -MARKER_PX, 2 * MARKER_PX, 2 * MARKER_PX)
  .fill(SENSOR_SILENT_COLOR)
  .stroke({ width: 2, color: 0x000000 });
// command-post knowledge: end

/**
 * Sensors of the scenario: a thin ring for the area each one watches (in metres, under the agents) and a
 * marker of constant screen size (over them). Positions come from the worker's LoadedInfo.
 */
export class SensorLayer {
  /** Coverage rings; add below the agents. */
  readonly coverage = new Graphics();
  /** Markers; add above the agents. */
  readonly markers = new Container();

  get markerCount(): number {
    return this.markers.children.length;
  }

  // command-post knowledge: begin
  /** Sensor id of each marker, in marker order, and whether the strategy installed them. */
  private markerIds: string[] = [];
  private installed = true;

  /** Show each sensor's last state as the command post knows it: alert, silent, or as installed. */
  setStates(states: readonly SensorKnowledge[]): void {
    if (!this.installed) return;
    const byId = new Map(states.map((s) => [s.id, s.status]));
    this.markers.children.forEach((marker, k) => {
      const status = byId.get(this.markerIds[k]);
      (marker as Graphics).context = status === 'alert' ? alertMarker : status === 'offline' ? silentMarker : workingMarker;
    });
  }
  // command-post knowledge: end

  /** Replace the sensors for a new run; `installed` false draws them as missing and without rings. */
  reset(sensors: LoadedInfo['sensors'], installed: boolean): void {
    this.coverage.clear();
    for (const marker of this.markers.removeChildren()) marker.destroy();
    this.markerIds = [];
    this.installed = installed;
    for (const sensor of sensors.slice(0, MAX_SENSOR_MARKERS)) {
      if (!Number.isFinite(sensor.xM) || !Number.isFinite(sensor.yM)) continue;
      if (installed && sensor.coverageM > 0) {
        this.coverage.circle(sensor.xM, sensor.yM, sensor.coverageM).stroke({ width: 1, color: SENSOR_SWATCH.color, alpha: 0.7, pixelLine: true });
      }
      const marker = new Graphics(installed ? workingMarker : missingMarker);
      marker.position.set(sensor.xM, sensor.yM);
      this.markers.addChild(marker);
      this.markerIds.push(sensor.id);
    }
  }

  /** Counter-scale the markers so they keep their screen size. */
  setZoom(pixelsPerMetre: number): void {
    for (const marker of this.markers.children) marker.scale.set(1 / pixelsPerMetre);
  }
}
