import { Application, Container } from 'pixi.js';
import type { LoadedInfo } from '../../workers/simHost';
import type { RunFrame } from '../../workers/simWorker';
import { AgentLayer } from './agentLayer';
import { HazardLayer } from './hazardLayer';
// command-post knowledge: begin
import { KnowledgeLayer } from './knowledgeLayer';
// command-post knowledge: end
import { BACKGROUND_COLOR } from './palette';
import type { PlaceOnMap } from './placeCells';
import { PlaceLabels } from './placeLabels';
import { SensorLayer } from './sensorLayer';
import { TerrainLayer } from './terrainLayer';
import { Viewport } from './viewport';

/**
 * The community map: terrain, hazard field, sensors, agents and place labels in one world container
 * measured in metres.
 * It renders on demand (a new frame, a pan, a resize) rather than every display refresh, to leave the
 * CPU to the simulation on modest machines.
 */
export class MapView {
  private readonly world = new Container();
  private readonly terrain = new TerrainLayer();
  private readonly hazard = new HazardLayer();
  private readonly sensors = new SensorLayer();
  private readonly agents = new AgentLayer();
  private readonly labels = new PlaceLabels();
  // command-post knowledge: begin
  private readonly knowledge = new KnowledgeLayer();
  /** A knowledge picture received but not drawn yet (it comes only when it changed). */
  private pendingKnowledge: NonNullable<RunFrame['knowledge']> | null = null;
  private truthVisible = true;
  // command-post knowledge: end
  private readonly viewport: Viewport;
  private pendingFrame: RunFrame | null = null;
  /** The latest cell kinds of the current run. */
  private cells: Uint8Array | null = null;
  /** A hazard field received but not drawn yet (it comes only when it changed). */
  private pendingHazard: Uint8Array | null = null;
  /** Tick of the frame on screen, -1 before the first. */
  private shownTick = -1;
  private renderQueued = false;
  private pixelsPerMetre = 0;

  private constructor(
    private readonly app: Application,
    host: HTMLElement,
  ) {
    this.world.addChild(
      this.terrain.sprite,
      this.hazard.sprite,
      this.knowledge.area,
      this.sensors.coverage,
      this.agents.view,
      this.knowledge.markers,
      this.sensors.markers,
      this.labels.view,
      this.knowledge.labels,
    );
    app.stage.addChild(this.world);
    host.append(app.canvas);
    this.viewport = new Viewport(this.world, app.canvas, (ppm) => this.onViewChange(ppm));
    new ResizeObserver(() => this.onResize(host)).observe(host);
    this.onResize(host);
  }

  /** Create the renderer inside `host`. WebGL is asked for first: WebGPU is unavailable headless. */
  static async create(host: HTMLElement): Promise<MapView> {
    const app = new Application();
    await app.init({
      preference: 'webgl',
      background: BACKGROUND_COLOR,
      antialias: false,
      autoStart: false,
      resolution: window.devicePixelRatio || 1,
      autoDensity: true,
      width: Math.max(host.clientWidth, 1),
      height: Math.max(host.clientHeight, 1),
    });
    return new MapView(app, host);
  }

  /** 'webgl', 'webgpu' or 'canvas'. */
  get rendererName(): string {
    return this.app.renderer.name;
  }

  // browser bench: begin
  /** Properties the resident particles upload every frame. */
  get particleDynamicProperties(): string[] {
    return this.agents.dynamicProperties;
  }
  // browser bench: end

  get residentsDrawn(): number {
    return this.agents.residentCount;
  }

  get volunteersDrawn(): number {
    return this.agents.volunteerCount;
  }

  samplePositions(n: number): number[] {
    return this.agents.samplePositions(n);
  }

  /** Tick of the frame on screen, -1 before the first. */
  get drawnTick(): number {
    return this.shownTick;
  }

  /** Resident dots per ResidentLook, read from the colours drawn; the last entry counts unknown colours. */
  residentsByLook(): number[] {
    return this.agents.residentsByLook();
  }

  volunteersByState(): number[] {
    return this.agents.volunteersByState();
  }

  /** Rings around residents waiting for help. */
  get helpRingsDrawn(): number {
    return this.agents.haloCount;
  }

  get hazardCellsDrawn(): number {
    return this.hazard.cellsDrawn;
  }

  get sensorsDrawn(): number {
    return this.sensors.markerCount;
  }

  // command-post knowledge: begin
  /** Markers of reports and needs the command post knows of. */
  get knowledgeMarkersDrawn(): number {
    return this.knowledge.markerCount;
  }

  /** Cells of the known hazard area drawn. */
  get knownAreaCellsDrawn(): number {
    return this.knowledge.areaCellsDrawn;
  }

  /** Whether the true hazard field and the residents are drawn (else only what the command post knows). */
  get truthShown(): boolean {
    return this.truthVisible;
  }

  /**
   * Show the truth (the hazard field and every resident), or only what the command post knows: a trainee's
   * map hides both, and labels exits and shelters with head counts instead.
   */
  setTruthVisible(visible: boolean): void {
    if (visible === this.truthVisible) return;
    this.truthVisible = visible;
    this.hazard.setHidden(!visible);
    this.agents.setResidentsVisible(visible);
    this.knowledge.setCountsVisible(!visible);
    this.requestRender();
  }
  // command-post knowledge: end

  /** A new scenario: resize the terrain, place labels and fit the view. Frames of it follow. */
  setScenario(info: LoadedInfo, places: PlaceOnMap[]): void {
    this.terrain.reset(info.width, info.height, info.cellSizeM, places);
    this.hazard.reset(info.width, info.height, info.cellSizeM);
    this.sensors.reset(info.sensors, info.sensorsInstalled);
    this.labels.reset(places, info.width, info.cellSizeM);
    // command-post knowledge: begin
    this.knowledge.reset(info, places);
    this.knowledge.setCountsVisible(!this.truthVisible);
    this.pendingKnowledge = null;
    // command-post knowledge: end
    this.pendingFrame = null;
    this.pendingHazard = null;
    this.cells = null;
    this.shownTick = -1;
    // Force the zoom to be applied again: the new labels start at scale 1, even if the zoom is unchanged.
    this.pixelsPerMetre = 0;
    this.viewport.setWorld(info.width * info.cellSizeM, info.height * info.cellSizeM);
  }

  /** Show a frame at the next animation frame; frames arriving faster than the display are skipped. */
  showFrame(frame: RunFrame): void {
    // Cells come only when the geometry changed; keep them here, as a later frame may replace this one unrendered.
    if (frame.cells) this.cells = frame.cells;
    if (frame.hazard) this.pendingHazard = frame.hazard;
    // command-post knowledge: begin
    if (frame.knowledge) this.pendingKnowledge = frame.knowledge;
    // command-post knowledge: end
    this.pendingFrame = frame;
    this.requestRender();
  }

  // review overlays: begin
  /** Draw `layer` (in metres, like the map) over the hazard field and under the people: the review's heat map. */
  addOverlay(layer: Container): void {
    this.world.addChildAt(layer, this.world.getChildIndex(this.hazard.sprite) + 1);
    this.requestRender();
  }

  /** Render again now that an overlay changed. */
  redraw(): void {
    this.requestRender();
  }
  // review overlays: end

  private onViewChange(pixelsPerMetre: number): void {
    if (pixelsPerMetre !== this.pixelsPerMetre) {
      this.pixelsPerMetre = pixelsPerMetre;
      this.agents.setZoom(pixelsPerMetre);
      this.sensors.setZoom(pixelsPerMetre);
      this.labels.setZoom(pixelsPerMetre);
      // command-post knowledge: begin
      this.knowledge.setZoom(pixelsPerMetre);
      // command-post knowledge: end
    }
    this.requestRender();
  }

  private onResize(host: HTMLElement): void {
    const width = Math.max(host.clientWidth, 1);
    const height = Math.max(host.clientHeight, 1);
    this.app.renderer.resize(width, height);
    this.viewport.setView(width, height);
    this.requestRender();
  }

  private requestRender(): void {
    if (this.renderQueued) return;
    this.renderQueued = true;
    requestAnimationFrame(() => {
      this.renderQueued = false;
      const frame = this.pendingFrame;
      this.pendingFrame = null;
      if (frame) {
        if (this.cells) this.terrain.draw(this.cells, frame.geometryVersion, frame.closedPlaces);
        if (this.pendingHazard) this.hazard.draw(this.pendingHazard);
        this.pendingHazard = null;
        this.labels.setClosed(frame.closedPlaces);
        // command-post knowledge: begin
        if (this.pendingKnowledge) {
          this.knowledge.show(this.pendingKnowledge);
          this.sensors.setStates(this.pendingKnowledge.sensors);
          this.pendingKnowledge = null;
        }
        this.knowledge.update(frame.timeS, frame.metrics.safeByPlace ?? {});
        // command-post knowledge: end
        this.agents.update(frame);
        this.shownTick = frame.tick;
      }
      this.app.render();
    });
  }
}
