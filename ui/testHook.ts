import type { DrillSession } from './drill/drillSession';
import type { Language } from './i18n/index';
import type { MapView } from './map/MapView';
import type { ActiveDrill, CommandStatus, DrillStore, GovernanceSummary, MetricsSummary, ResumeOffer } from './store';

/**
 * What browser tests may read from the page, instead of reading pixels. Read-only, except `resumeDrill`,
 * which does what the resume dialog's button does.
 */
export interface DrillTestHook {
  /** 'webgl', 'webgpu' or 'canvas'. */
  readonly renderer: string;
  readonly residentsDrawn: number;
  readonly volunteersDrawn: number;
  // browser bench: begin
  /** Properties the resident particles upload every frame (ParticleContainer's dynamic properties). */
  readonly particleDynamicProperties: string[];
  // browser bench: end
  readonly timeS: number;
  /** Tick of the latest frame received, and of the frame on the map (-1 before the first). */
  readonly tick: number;
  readonly drawnTick: number;
  readonly playing: boolean;
  readonly speed: number;
  /** Scenario title, or null before the first load. */
  readonly title: string | null;
  /** The figures the panels show now (a copy), or null before the first frame. */
  readonly metrics: MetricsSummary | null;
  /** Cells of the hazard layer with some hazard, as drawn. */
  readonly hazardCellsDrawn: number;
  /** Sensor markers on the map. */
  readonly sensorsDrawn: number;
  /** Rings drawn around residents waiting for help. */
  readonly helpRingsDrawn: number;
  /** Drawn positions of the first `n` residents, [x0, y0, x1, y1, ...] in metres. */
  samplePositions(n?: number): number[];
  /** Resident dots per ResidentLook, read back from the colours on the map; the last entry counts unknown colours. */
  residentsByLook(): number[];
  /** Volunteer diamonds per volunteer state, read back from their colours. */
  volunteersByState(): number[];
  readonly language: Language;
  /** The drill under way (a copy), or null. */
  readonly drill: ActiveDrill | null;
  /** The unfinished drill the page offers to resume, or null. */
  readonly resumeOffer: ResumeOffer | null;
  readonly actingRole: string;
  readonly commandStatus: CommandStatus | null;
  // command-post knowledge and governance panel: begin
  /** Whether the map draws the true hazard and the residents (else only what the command post knows). */
  readonly truthShown: boolean;
  /** Markers of reports and needs the command post knows of, and cells of the known hazard area drawn. */
  readonly knowledgeMarkersDrawn: number;
  readonly knownAreaCellsDrawn: number;
  /** The co-governance figures the panel shows (a copy), or null without organisations. */
  readonly governance: GovernanceSummary | null;
  // command-post knowledge and governance panel: end
  /** The simulation's state hash now, from the worker. */
  stateHash(): Promise<string>;
  /** Accept the resume offer: replay the unfinished drill's record; false when there is none or it fails. */
  resumeDrill(): Promise<boolean>;
}

declare global {
  interface Window {
    __drill?: DrillTestHook;
  }
}

/** Install `window.__drill`: getters over the map and store; only `resumeDrill` acts, as its button would. */
export function installTestHook(map: MapView, store: DrillStore, session: DrillSession): void {
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
    // browser bench: begin
    get particleDynamicProperties() {
      return map.particleDynamicProperties;
    },
    // browser bench: end
    get timeS() {
      return store.getState().timeS;
    },
    get tick() {
      return store.getState().tick;
    },
    get drawnTick() {
      return map.drawnTick;
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
    get metrics() {
      const m = store.getState().metrics;
      return m ? structuredClone(m) : null;
    },
    get hazardCellsDrawn() {
      return map.hazardCellsDrawn;
    },
    get sensorsDrawn() {
      return map.sensorsDrawn;
    },
    get helpRingsDrawn() {
      return map.helpRingsDrawn;
    },
    get language() {
      return store.getState().language;
    },
    get drill() {
      const d = store.getState().drill;
      return d ? structuredClone(d) : null;
    },
    get resumeOffer() {
      const offer = store.getState().resumeOffer;
      return offer ? structuredClone(offer) : null;
    },
    get actingRole() {
      return store.getState().actingRole;
    },
    get commandStatus() {
      const status = store.getState().commandStatus;
      return status ? { ...status } : null;
    },
    // command-post knowledge and governance panel: begin
    get truthShown() {
      return map.truthShown;
    },
    get knowledgeMarkersDrawn() {
      return map.knowledgeMarkersDrawn;
    },
    get knownAreaCellsDrawn() {
      return map.knownAreaCellsDrawn;
    },
    get governance() {
      const g = store.getState().governance;
      return g ? structuredClone(g) : null;
    },
    // command-post knowledge and governance panel: end
    stateHash: () => session.stateHash(),
    resumeDrill: async () => {
      const offer = store.getState().resumeOffer;
      return offer ? session.resume(offer.id) : false;
    },
    samplePositions: (n = 50) => map.samplePositions(n),
    residentsByLook: () => map.residentsByLook(),
    volunteersByState: () => map.volunteersByState(),
  });
  Object.defineProperty(window, '__drill', { value: hook, writable: false, configurable: false });
}
