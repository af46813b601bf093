import type { MapView } from './map/MapView';
import type { DrillStore } from './store';

/** What browser tests may read from the page, instead of reading pixels. Read-only. */
export interface DrillTestHook {
  /** 'webgl', 'webgpu' or 'canvas'. */
  readonly renderer: string;
  readonly residentsDrawn: number;
  readonly volunteersDrawn: number;
  readonly timeS: number;
  readonly playing: boolean;
  readonly speed: number;
  /** Scenario title, or null before the first load. */
  readonly title: string | null;
  /** Drawn positions of the first `n` residents, [x0, y0, x1, y1, ...] in metres. */
  samplePositions(n?: number): number[];
}

declare global {
  interface Window {
    __drill?: DrillTestHook;
  }
}

/** Install `window.__drill`: getters over the map and store, nothing that can change the run. */
export function installTestHook(map: MapView, store: DrillStore): void {
  const hook: DrillTestHook = Object.freeze({
    get renderer() {
      return map.rendererName;
    },
    get residentsDrawn() {
      return map.residentsDrawn;
    },
    get volunteersDrawn() {
      return map.volunteersDrawn;
    },
    get timeS() {
      return store.getState().timeS;
    },
    get playing() {
      return store.getState().playing;
    },
    get speed() {
      return store.getState().speed;
    },
    get title() {
      return store.getState().info?.title ?? null;
    },
    samplePositions: (n = 50) => map.samplePositions(n),
  });
  Object.defineProperty(window, '__drill', { value: hook, writable: false, configurable: false });
}
