import * as Comlink from 'comlink';
import { HEAT_LAYERS, HEAT_UNITS, type HeatLayerId, isHeatLayer } from '../../workers/reviewHeat';
import type { ReviewFrame, ReviewRequest } from '../../workers/reviewHost';
import { el } from '../dom';
import { formatClock, formatSpeed } from '../format';
import { type MessageKey, t } from '../i18n/index';
import { MapView } from '../map/MapView';
import { placesOnMap } from '../map/placeCells';
import { DiffMap, differenceOf, divergingGradientCss, divergingValueAt, legendNumber } from './compareDiffMap';
import { type ReviewWorker, startReviewWorker } from './reviewClient';

/** Simulated seconds per real second the two maps can play at. */
const SPEEDS = [1, 4, 16, 64, 256] as const;
/** How often the shared clock moves the two runs on while playing, ms. */
const PLAY_STEP_MS = 50;

const LAYER_KEYS: Record<HeatLayerId, MessageKey> = {
  crowd: 'review.heat.crowd',
  exposure: 'review.heat.exposure',
  harm: 'review.heat.harm',
  waiting: 'review.heat.waiting',
  unreached: 'review.heat.unreached',
};

const UNIT_KEYS: Record<(typeof HEAT_UNITS)[HeatLayerId], MessageKey> = {
  personMinutes: 'review.unit.personMinutes',
  injuriesAndDeaths: 'review.unit.injuriesAndDeaths',
  households: 'review.unit.households',
};

/** One of the two runs shown: its worker, map and the heat map of its last frame. */
interface Side {
  worker: ReviewWorker | null;
  map: MapView | null;
  run: number;
  frameTick: number;
  heat: { tick: number; values: Float32Array } | null;
}

export interface SideBySideRun {
  request: ReviewRequest;
  label: string;
}

/**
 * Two runs of the same scenario on two maps, on one clock: a scrubber and a play button move both to the same
 * tick (each step waits for both), and a difference heat map (A − B) of the chosen layer with a diverging
 * legend. Each run replays in its own review worker, with the review's checkpoints, so seeking is quick.
 */
export class SideBySide {
  readonly element: HTMLElement;
  private readonly sides: [Side, Side] = [this.emptySide(), this.emptySide()];
  private readonly hosts: [HTMLElement, HTMLElement];
  private readonly titles: [HTMLElement, HTMLElement];
  private readonly diff = new DiffMap();
  private readonly layerSelect: HTMLSelectElement;
  private readonly legend: HTMLElement;
  private readonly play: HTMLButtonElement;
  private readonly speedSelect: HTMLSelectElement;
  private readonly scrubber: HTMLInputElement;
  private readonly clock: HTMLElement;
  private layer: HeatLayerId = 'crowd';
  private tickS = 1;
  private endTick = 0;
  private tick = 0;
  private target: number | null = null;
  private driving: Promise<void> | null = null;
  private playing = false;
  private diffMax = 0;
  private generation = 0;
  /** Both runs are open and shown at the same tick. */
  private ready = false;

  constructor(private readonly onProblem: (message: string) => void) {
    this.hosts = [
      el('div', { className: 'compare-map', attrs: { id: 'compare-map-a' } }),
      el('div', { className: 'compare-map', attrs: { id: 'compare-map-b' } }),
    ];
    this.titles = [el('div', { className: 'compare-map-title' }), el('div', { className: 'compare-map-title' })];
    this.layerSelect = el('select', { attrs: { id: 'compare-diff-layer' } });
    this.legend = el('div', { className: 'heat-legend compare-diff-legend', attrs: { id: 'compare-diff-legend' } });
    this.play = el('button', { className: 'primary', attrs: { id: 'compare-play', type: 'button' } });
    this.speedSelect = el('select', { attrs: { id: 'compare-speed' } });
    for (const s of SPEEDS) this.speedSelect.append(el('option', { text: formatSpeed(s), attrs: { value: String(s) } }));
    this.speedSelect.value = '16';
    this.scrubber = el('input', { className: 'compare-scrubber', attrs: { id: 'compare-scrubber', type: 'range', min: '0', max: '1', step: '1', value: '0' } });
    this.clock = el('span', { className: 'review-clock compare-clock', attrs: { id: 'compare-clock', role: 'timer' } });
    this.scrubber.disabled = true;
    const diffPanel = el('div', { className: 'compare-diff' }, [
      el('div', { className: 'compare-map-title' }, [
        el('label', { className: 'field' }, [el('span', { text: t('compare.diff'), attrs: { 'data-i18n': 'compare.diff' } }), this.layerSelect]),
      ]),
      this.diff.canvas,
      this.legend,
    ]);
    this.element = el('div', { className: 'compare-side-by-side' }, [
      el('div', { className: 'compare-maps' }, [
        el('div', { className: 'compare-map-cell' }, [this.titles[0], this.hosts[0]]),
        el('div', { className: 'compare-map-cell' }, [this.titles[1], this.hosts[1]]),
        diffPanel,
      ]),
      el('div', { className: 'review-transport compare-transport' }, [
        this.play,
        el('label', { className: 'field' }, [el('span', { text: t('review.speed'), attrs: { 'data-i18n': 'review.speed' } }), this.speedSelect]),
        this.scrubber,
        this.clock,
      ]),
    ]);
    this.play.addEventListener('click', () => this.togglePlay());
    this.scrubber.addEventListener('input', () => {
      this.playing = false;
      this.renderPlay();
      this.seek(Number(this.scrubber.value));
    });
    this.layerSelect.addEventListener('change', () => {
      if (!isHeatLayer(this.layerSelect.value)) return;
      this.layer = this.layerSelect.value;
      for (const side of this.sides) side.heat = null;
      this.diffMax = 0;
      this.diff.draw(null, 0);
      this.renderLegend();
      for (const side of this.sides) this.tell(side, (remote) => remote.setHeatLayer(this.layer));
    });
    this.renderTexts();
  }

  private emptySide(): Side {
    return { worker: null, map: null, run: 0, frameTick: -1, heat: null };
  }

  /** Open run A and run B, both at `startTick`; any earlier pair is closed first. */
  async open(a: SideBySideRun, b: SideBySideRun, startTick: number): Promise<void> {
    this.close();
    const generation = ++this.generation;
    const runs = [a, b];
    this.titles[0].textContent = `A · ${a.label}`;
    this.titles[1].textContent = `B · ${b.label}`;
    for (const [i, side] of this.sides.entries()) {
      side.map ??= await MapView.create(this.hosts[i]);
      side.worker = startReviewWorker((message) => this.onProblem(message));
      await side.worker.remote.subscribe(Comlink.proxy((frame: ReviewFrame) => this.onFrame(i, frame)));
    }
    const replies = await Promise.all(this.sides.map((side, i) => (side.worker as ReviewWorker).remote.open(runs[i].request)));
    if (generation !== this.generation) return;
    for (const [i, reply] of replies.entries()) {
      if (!reply.ok) throw new Error(reply.errors.map((e) => `${e.path}: ${e.message}`).join('; '));
      const side = this.sides[i];
      side.run = reply.run;
      (side.map as MapView).setScenario(reply.overview.info, placesOnMap(reply.overview.info));
    }
    const overview = replies[0].ok ? replies[0].overview : null;
    if (!overview) return;
    this.tickS = overview.tickS;
    this.endTick = Math.min(overview.endTick, replies[1].ok ? replies[1].overview.endTick : overview.endTick);
    this.scrubber.max = String(this.endTick);
    this.diff.reset(overview.info.width, overview.info.height);
    this.renderLegend();
    for (const side of this.sides) this.tell(side, (remote) => remote.setHeatLayer(this.layer));
    await this.seek(Math.min(this.endTick, Math.max(0, startTick)));
    if (generation !== this.generation) return;
    this.ready = true;
    this.scrubber.disabled = false;
  }

  /** Stop both workers; the maps stay for the next pair. */
  close(): void {
    this.generation++;
    this.ready = false;
    this.scrubber.disabled = true;
    this.playing = false;
    this.renderPlay();
    this.target = null;
    for (const side of this.sides) {
      side.worker?.stop();
      side.worker = null;
      side.run = 0;
      side.frameTick = -1;
      side.heat = null;
    }
    this.diffMax = 0;
  }

  /** Both runs are open and on screen (false while they open). */
  get isOpen(): boolean {
    return this.ready;
  }

  /** Opening or open: workers are running. */
  get isStarted(): boolean {
    return this.sides[0].worker !== null;
  }

  /** For the test hook: where each side is, on screen and in its worker, and the difference map. */
  state() {
    return {
      open: this.isOpen,
      tick: this.tick,
      endTick: this.endTick,
      playing: this.playing,
      frameTicks: this.sides.map((s) => s.frameTick),
      drawnTicks: this.sides.map((s) => s.map?.drawnTick ?? -1),
      layer: this.layer,
      diffCells: this.diff.cellsDrawn,
      diffMax: this.diffMax,
    };
  }

  /** Move both runs to `tick`; requests made while a step is under way collapse into the latest. */
  seek(tick: number): Promise<void> {
    this.target = Math.min(this.endTick, Math.max(0, Math.round(tick)));
    this.scrubber.value = String(this.target);
    this.driving ??= this.drive().finally(() => {
      this.driving = null;
      // A seek asked for just as the last step ended.
      if (this.target !== null) void this.seek(this.target);
    });
    return this.driving;
  }

  private async drive(): Promise<void> {
    const generation = this.generation;
    while (this.target !== null && generation === this.generation) {
      const next = this.target;
      this.target = null;
      try {
        await Promise.all(this.sides.map((side) => (side.worker ? side.worker.remote.seek(next) : null)));
      } catch (error) {
        if (generation === this.generation) this.onProblem(error instanceof Error ? error.message : String(error));
        return;
      }
      if (generation !== this.generation) return;
      this.tick = next;
      this.clock.textContent = `${formatClock(next * this.tickS)} / ${formatClock(this.endTick * this.tickS)}`;
    }
  }

  togglePlay(): void {
    if (!this.isOpen) return;
    this.playing = !this.playing;
    this.renderPlay();
    if (this.playing) void this.playLoop();
  }

  private async playLoop(): Promise<void> {
    const generation = this.generation;
    if (this.tick >= this.endTick) await this.seek(0);
    let last = performance.now();
    let debt = 0;
    while (this.playing && generation === this.generation && this.tick < this.endTick) {
      await new Promise((resolve) => setTimeout(resolve, PLAY_STEP_MS));
      const now = performance.now();
      // A slow step does not make the next one jump far: at most a second of wall time counts.
      debt += (Math.min(1000, now - last) / 1000) * (Number(this.speedSelect.value) / this.tickS);
      last = now;
      const whole = Math.floor(debt);
      if (whole < 1) continue;
      debt -= whole;
      await this.seek(this.tick + whole);
    }
    if (generation === this.generation) {
      this.playing = false;
      this.renderPlay();
    }
  }

  private onFrame(index: number, frame: ReviewFrame): void {
    const side = this.sides[index];
    if (frame.run !== side.run || !side.map) return;
    side.frameTick = frame.tick;
    if (index === 0 && frame.cells) this.diff.setCells(frame.cells);
    side.map.showFrame(frame);
    if (frame.heat && frame.heat.layer === this.layer) side.heat = { tick: frame.tick, values: frame.heat.values };
    const [a, b] = this.sides;
    if (a.heat && b.heat && a.heat.tick === b.heat.tick) {
      const { values, maxAbs } = differenceOf(a.heat.values, b.heat.values);
      this.diff.draw(values, maxAbs);
      if (maxAbs !== this.diffMax) {
        this.diffMax = maxAbs;
        this.renderLegend();
      }
    }
  }

  /** Ask a side's worker for something nobody waits for; a worker stopped meanwhile is not an error. */
  private tell(side: Side, ask: (remote: ReviewWorker['remote']) => Promise<unknown>): void {
    const worker = side.worker;
    if (!worker) return;
    ask(worker.remote).catch((error: unknown) => {
      if (side.worker === worker) this.onProblem(error instanceof Error ? error.message : String(error));
    });
  }

  private renderPlay(): void {
    this.play.textContent = this.playing ? `❚❚ ${t('transport.pause')}` : `▶ ${t('transport.play')}`;
    this.play.setAttribute('aria-pressed', String(this.playing));
  }

  private renderLegend(): void {
    const unit = t(UNIT_KEYS[HEAT_UNITS[this.layer]]);
    const bar = el('div', { className: 'heat-bar' });
    bar.style.background = divergingGradientCss();
    const at = (position: number) => legendNumber(divergingValueAt(position, this.diffMax));
    this.legend.replaceChildren(
      el('div', { className: 'heat-legend-title', text: t('compare.diffTitle', { layer: t(LAYER_KEYS[this.layer]), unit }) }),
      bar,
      el('div', { className: 'heat-scale' }, [
        el('span', { text: at(-1) }),
        el('span', { text: at(-0.5) }),
        el('span', { text: '0' }),
        el('span', { text: at(0.5) }),
        el('span', { text: at(1) }),
      ]),
      el('div', { className: 'heat-scale' }, [el('span', { text: t('compare.moreInB') }), el('span', { text: t('compare.moreInA') })]),
      ...(this.diffMax > 0 ? [] : [el('div', { className: 'heat-note', text: t('compare.noDifference') })]),
    );
  }

  /** Texts again in the current language. */
  renderTexts(): void {
    const chosen = this.layer;
    this.layerSelect.replaceChildren(...HEAT_LAYERS.map((id) => el('option', { text: t(LAYER_KEYS[id]), attrs: { value: id } })));
    this.layerSelect.value = chosen;
    this.scrubber.setAttribute('aria-label', t('review.scrubber'));
    this.renderPlay();
    this.renderLegend();
  }
}
