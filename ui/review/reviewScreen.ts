import * as Comlink from 'comlink';
import type { ScenarioError } from '../../sim/index';
import { HEAT_LAYERS, HEAT_UNITS, type HeatLayerId, isHeatLayer } from '../../workers/reviewHeat';
import type { ReviewFrame, ReviewOverview, ReviewRequest } from '../../workers/reviewHost';
import { el } from '../dom';
import type { DrillSession } from '../drill/drillSession';
import type { DrillController } from '../drillController';
import { formatClock, formatCount, formatSpeed } from '../format';
import { type MessageKey, t } from '../i18n/index';
import { isTypingTarget } from '../keyboard';
import { MapView } from '../map/MapView';
import { placesOnMap } from '../map/placeCells';
import { translateStaticTexts } from '../panels/languageSwitch';
import { type DrillStore, watch } from '../store';
import { chartsOf } from './chartData';
import { ReviewCharts } from './charts';
// strategy comparison: begin
import { mountComparison } from './compareScreen';
// strategy comparison: end
import { HeatLayer } from './heatLayer';
import { heatGradientCss, heatValueAt } from './heatPalette';
import { projectorOn, projectorRequested, setProjector } from './projector';
import { mountReport } from './reportPanel'; // after-action report
import { type ReviewWorker, startReviewWorker } from './reviewClient';
import { installReviewHook } from './reviewHook';
import { drillSource, headlessSource, type ReviewSource, recordFileSource } from './reviewSources';
import { type JUMP_GROUPS, ReviewTimeline } from './timeline';
import './review.css';

/** Speeds of the review's playback, simulated seconds per real second. */
export const REVIEW_SPEEDS = [0.25, 0.5, 1, 2, 4, 8, 16, 32, 64, 128, 256] as const;

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

/** A button with a dictionary text (data-i18n keeps it translated). */
function button(id: string, key: MessageKey, className = ''): HTMLButtonElement {
  return el('button', { className, text: t(key), attrs: { id, type: 'button', 'data-i18n': key } });
}

function labelled(key: MessageKey, control: HTMLElement): HTMLLabelElement {
  return el('label', { className: 'field' }, [el('span', { text: t(key), attrs: { 'data-i18n': key } }), control]);
}

/**
 * The review mode: a screen over the drill that replays the current drill, a record file or a headless run in
 * its own worker, with a timeline of markers, playback at any speed, charts linked to the timeline, heat maps
 * on its own map, and a projector layout. The drill itself is paused while the review is open and untouched.
 */
export function mountReview(store: DrillStore, drill: DrillController, session: DrillSession) {
  if (projectorRequested(location.search)) setProjector(true);

  const openButton = button('review-open', 'review.open');
  const toolbar = document.querySelector('.toolbar');
  toolbar?.insertBefore(openButton, document.getElementById('drill-bar'));

  // Source of the run to review.
  const fromDrill = button('review-from-drill', 'review.fromDrill');
  const fromFile = button('review-from-file', 'review.fromFile');
  const fileInput = el('input', { attrs: { id: 'review-file', type: 'file', accept: '.json,application/json', hidden: '' } });
  const strategy = el('select', { attrs: { id: 'review-strategy' } });
  const seed = el('input', { attrs: { id: 'review-seed', type: 'text', inputmode: 'numeric', size: '8', spellcheck: 'false' } });
  const minutes = el('input', { attrs: { id: 'review-minutes', type: 'text', inputmode: 'decimal', size: '5', spellcheck: 'false' } });
  const runButton = button('review-run', 'review.run');
  const projectorButton = button('review-projector', 'review.projector');
  const closeButton = button('review-close', 'review.close');
  const title = el('span', { className: 'review-title', attrs: { id: 'review-title' } });
  const top = el('header', { className: 'review-top' }, [
    el('h2', { text: t('review.title'), attrs: { 'data-i18n': 'review.title' } }),
    title,
    el('span', { className: 'spacer' }),
    fromDrill,
    fromFile,
    fileInput,
    el('span', { className: 'review-run-fields' }, [
      labelled('top.strategy', strategy),
      labelled('review.seed', seed),
      labelled('review.minutes', minutes),
      runButton,
    ]),
    projectorButton,
    closeButton,
  ]);
  const status = el('div', { className: 'review-status', attrs: { id: 'review-status', role: 'status', 'aria-live': 'polite' } });

  // Map with heat maps, and charts.
  const mapHost = el('div', { className: 'review-map', attrs: { id: 'review-map' } });
  const layerSelect = el('select', { attrs: { id: 'review-heat' } });
  const legend = el('div', { className: 'heat-legend', attrs: { id: 'heat-legend' } });
  const mapArea = el('div', { className: 'review-map-area' }, [
    mapHost,
    el('div', { className: 'heat-controls' }, [labelled('review.heat', layerSelect), legend]),
  ]);
  const chartHost = el('div', { className: 'review-charts', attrs: { id: 'review-charts' } });
  const body = el('div', { className: 'review-body' }, [mapArea, chartHost]);

  // Transport and timeline.
  const play = el('button', { className: 'primary', attrs: { id: 'review-play', type: 'button' } });
  const speedSelect = el('select', { attrs: { id: 'review-speed' } });
  for (const s of REVIEW_SPEEDS) speedSelect.append(el('option', { text: formatSpeed(s), attrs: { value: String(s) } }));
  speedSelect.value = '8';
  const clock = el('div', { className: 'review-clock', attrs: { id: 'review-clock', role: 'timer' } });
  const jumps = el('span', { className: 'review-jumps' });
  for (const group of ['decision', 'inject', 'alert'] as const) {
    const previous = el('button', { text: '◀', attrs: { type: 'button', id: `review-prev-${group}`, 'data-i18n-title': `review.prev.${group}` } });
    const next = el('button', { text: '▶', attrs: { type: 'button', id: `review-next-${group}`, 'data-i18n-title': `review.next.${group}` } });
    previous.addEventListener('click', () => jump(group, -1));
    next.addEventListener('click', () => jump(group, 1));
    jumps.append(
      el('span', { className: `jump jump-${group}` }, [
        previous,
        el('span', { text: t(`review.jump.${group}`), attrs: { 'data-i18n': `review.jump.${group}` } }),
        next,
      ]),
    );
  }
  const timeline = new ReviewTimeline((tick) => seek(tick));
  const footer = el('footer', { className: 'review-footer' }, [
    el('div', { className: 'review-transport' }, [play, labelled('review.speed', speedSelect), jumps, el('span', { className: 'spacer' }), clock]),
    timeline.element,
  ]);

  const screen = el('section', { className: 'review', attrs: { id: 'review', 'aria-label': t('review.title'), 'data-i18n-aria-label': 'review.title' } }, [
    top,
    status,
    body,
    footer,
  ]);
  screen.hidden = true;
  document.body.append(screen);

  const charts = new ReviewCharts(chartHost, (timeS) => seek(Math.round(timeS / (overview?.tickS ?? 1))));
  const heat = new HeatLayer();

  let worker: ReviewWorker | null = null;
  let map: MapView | null = null;
  let overview: ReviewOverview | null = null;
  let run = 0;
  let tick = 0;
  let playing = false;
  let layer: HeatLayerId | null = null;
  let heatMax = 0;
  let errors: ScenarioError[] = [];
  /** The tick asked for while a seek is under way, and whether one is. */
  let seekTarget: number | null = null;
  let seeking = false;
  let heatAdded = false;
  // strategy comparison: begin
  let reviewed: { request: ReviewRequest; label: string } | null = null;
  const comparison = mountComparison({
    store,
    screen,
    context: () => (overview && reviewed ? { request: reviewed.request, overview, label: reviewed.label, tick: seekTarget ?? tick } : null),
    pause: () => {
      if (playing) togglePlay();
    },
  });
  // strategy comparison: end
  // after-action report: begin
  let reportRequest: ReviewRequest | null = null;
  const report = mountReport({ screen, context: () => (overview && reportRequest ? { request: reportRequest } : null), remote: () => worker?.remote ?? null });
  // after-action report: end

  /** Ask the worker for something whose answer nobody waits for; a worker stopped meanwhile is not an error. */
  function tell(ask: (remote: ReviewWorker['remote']) => Promise<unknown>): void {
    const current = worker;
    if (!current) return;
    ask(current.remote).catch((error: unknown) => {
      if (worker === current) setStatus(t('review.workerStopped', { message: error instanceof Error ? error.message : String(error) }));
    });
  }

  function setStatus(text: string, problems: ScenarioError[] = []): void {
    errors = problems;
    status.replaceChildren();
    if (text) status.append(el('p', { text }));
    if (problems.length) {
      const list = el('ul', { className: 'review-errors' });
      for (const e of problems) list.append(el('li', { text: `${e.path}: ${e.message}${e.hint ? ` — ${e.hint}` : ''}` }));
      status.append(list);
    }
    status.hidden = !text && !problems.length;
  }

  function renderClock(): void {
    const tickS = overview?.tickS ?? 1;
    clock.textContent = overview ? `${formatClock(tick * tickS)} / ${formatClock(overview.endTick * tickS)}` : '—';
  }

  function renderPlay(): void {
    play.textContent = playing ? `❚❚ ${t('transport.pause')}` : `▶ ${t('transport.play')}`;
    play.setAttribute('aria-pressed', String(playing));
    play.classList.toggle('playing', playing);
  }

  function renderLayers(): void {
    const chosen = layerSelect.value;
    layerSelect.replaceChildren(el('option', { text: t('review.heat.none'), attrs: { value: '' } }));
    for (const id of HEAT_LAYERS) layerSelect.append(el('option', { text: t(LAYER_KEYS[id]), attrs: { value: id } }));
    layerSelect.value = chosen;
  }

  function renderLegend(): void {
    legend.replaceChildren();
    legend.hidden = layer === null;
    if (layer === null) return;
    const unit = t(UNIT_KEYS[HEAT_UNITS[layer]]);
    const bar = el('div', { className: 'heat-bar' });
    bar.style.background = heatGradientCss();
    const value = (position: number) => formatCount(Math.round(heatValueAt(position, heatMax) * 10) / 10);
    legend.append(
      el('div', { className: 'heat-legend-title', text: `${t(LAYER_KEYS[layer])} (${unit})` }),
      bar,
      el('div', { className: 'heat-scale' }, [el('span', { text: '0' }), el('span', { text: value(0.5) }), el('span', { text: value(1) })]),
      el('div', {
        className: 'heat-note',
        text: heatMax > 0 ? t('review.heat.until', { time: formatClock(tick * (overview?.tickS ?? 1)) }) : t('review.heat.empty'),
      }),
    );
  }

  function renderSources(): void {
    const info = store.getState().info;
    const chosen = strategy.value;
    strategy.replaceChildren();
    for (const s of info?.strategies ?? []) strategy.append(el('option', { text: s.name, attrs: { value: s.id } }));
    strategy.value = chosen || info?.strategy || '';
    if (!seed.value) seed.value = String(info?.seed ?? drill.seed);
    fromDrill.disabled = store.getState().drill === null;
  }

  function onFrame(frame: ReviewFrame): void {
    if (frame.run !== run || !map) return;
    tick = frame.tick;
    map.showFrame(frame);
    if (playing !== frame.playing) {
      playing = frame.playing;
      renderPlay();
    }
    // While a seek is on its way, the cursor stays where the hand put it.
    if (!seeking) {
      timeline.setTick(frame.tick);
      charts.setCursor(frame.timeS);
    }
    if (frame.heat && frame.heat.layer === layer) {
      heat.draw(frame.heat.values, frame.heat.max);
      map.redraw();
      if (frame.heat.max !== heatMax || !playing) {
        heatMax = frame.heat.max;
        renderLegend();
      }
    }
    renderClock();
  }

  /** Seek to `target`; requests made while one is under way collapse into the latest. */
  async function seek(target: number): Promise<void> {
    if (!worker || !overview) return;
    const clamped = Math.min(overview.endTick, Math.max(0, Math.round(target)));
    timeline.setTick(clamped);
    charts.setCursor(clamped * overview.tickS);
    seekTarget = clamped;
    if (seeking) return;
    seeking = true;
    const current = worker;
    try {
      while (seekTarget !== null && worker === current) {
        const next = seekTarget;
        seekTarget = null;
        await current.remote.seek(next);
      }
    } catch (error) {
      if (worker === current) setStatus(t('review.workerStopped', { message: error instanceof Error ? error.message : String(error) }));
    } finally {
      seeking = false;
    }
  }

  function jump(group: keyof typeof JUMP_GROUPS, direction: 1 | -1): void {
    const from = seekTarget ?? tick;
    const marker = timeline.adjacent(group, from, direction);
    if (marker) void seek(marker.tick);
  }

  async function openRun(source: ReviewSource): Promise<void> {
    if (!source.ok) {
      setStatus(t('review.cannotOpen'), source.errors);
      return;
    }
    const current = worker;
    if (!current || !map) return;
    setStatus(t('review.preparing'));
    screen.classList.add('busy');
    let reply: Awaited<ReturnType<ReviewWorker['remote']['open']>>;
    try {
      reply = await current.remote.open(source.request as ReviewRequest);
    } catch (error) {
      reply = { ok: false, errors: [{ path: '(worker)', message: error instanceof Error ? error.message : String(error) }] };
    } finally {
      screen.classList.remove('busy');
    }
    if (worker !== current) return;
    if (!reply.ok) {
      setStatus(t('review.cannotOpen'), reply.errors);
      return;
    }
    overview = reply.overview;
    // strategy comparison: begin
    reviewed = { request: source.request as ReviewRequest, label: source.label };
    comparison.reset();
    // strategy comparison: end
    // after-action report: begin
    reportRequest = source.request as ReviewRequest;
    report.reset();
    // after-action report: end
    run = reply.run;
    tick = 0;
    heatMax = 0;
    title.textContent = `${overview.info.title} · ${source.label}`;
    title.title = title.textContent;
    map.setScenario(overview.info, placesOnMap(overview.info));
    heat.reset(overview.info.width, overview.info.height, overview.info.cellSizeM);
    timeline.show(overview.markers, overview.endTick, overview.tickS);
    charts.show(chartsOf(overview.metrics), overview.endTick * overview.tickS);
    setStatus('');
    // Both answer with a frame: the first of the run, with the map's cells.
    tell((remote) => remote.setSpeed(Number(speedSelect.value)));
    tell((remote) => remote.setHeatLayer(layer));
    renderClock();
    renderLegend();
  }

  async function open(): Promise<void> {
    if (!screen.hidden) return;
    screen.hidden = false;
    document.body.classList.add('reviewing');
    await drill.pause();
    renderSources();
    translateStaticTexts(screen);
    map ??= await MapView.create(mapHost);
    if (!heatAdded) {
      map.addOverlay(heat.sprite);
      heatAdded = true;
    }
    worker = startReviewWorker((message) => setStatus(t('review.workerStopped', { message })));
    await worker.remote.subscribe(Comlink.proxy(onFrame));
    const request = drill.currentRequest;
    // The drill under way if there is one, else the loaded scenario as it stands.
    if (store.getState().drill) await openRun(await drillSource(session, request?.text ?? null));
    else await openRun(headlessSource(request?.text ?? null, strategy.value || null, seed.value, minutes.value));
  }

  function close(): void {
    if (screen.hidden) return;
    // strategy comparison: begin
    comparison.reset();
    // strategy comparison: end
    // after-action report: begin
    reportRequest = null;
    report.reset();
    // after-action report: end
    worker?.stop();
    worker = null;
    overview = null;
    run = 0;
    playing = false;
    seekTarget = null;
    renderPlay();
    screen.hidden = true;
    document.body.classList.remove('reviewing');
  }

  openButton.addEventListener('click', () => {
    open().catch((error: unknown) =>
      setStatus(t('review.cannotOpen'), [{ path: '(review)', message: error instanceof Error ? error.message : String(error) }]),
    );
  });
  closeButton.addEventListener('click', close);
  fromDrill.addEventListener('click', async () => openRun(await drillSource(session, drill.currentRequest?.text ?? null)));
  fromFile.addEventListener('click', () => fileInput.click());
  fileInput.addEventListener('change', async () => {
    const file = fileInput.files?.[0];
    fileInput.value = '';
    if (file) await openRun(await recordFileSource(file, drill.currentRequest?.text ?? null));
  });
  runButton.addEventListener('click', () => openRun(headlessSource(drill.currentRequest?.text ?? null, strategy.value || null, seed.value, minutes.value)));
  play.addEventListener('click', () => togglePlay());
  speedSelect.addEventListener('change', () => tell((remote) => remote.setSpeed(Number(speedSelect.value))));
  layerSelect.addEventListener('change', () => {
    layer = isHeatLayer(layerSelect.value) ? layerSelect.value : null;
    heatMax = 0;
    if (layer === null) {
      heat.hide();
      map?.redraw();
    }
    renderLegend();
    tell((remote) => remote.setHeatLayer(layer));
  });
  projectorButton.addEventListener('click', () => {
    projectorButton.setAttribute('aria-pressed', String(setProjector(!projectorOn())));
    charts.queueRender();
  });
  projectorButton.setAttribute('aria-pressed', String(projectorOn()));

  function togglePlay(): void {
    if (!worker || !overview) return;
    playing = !playing;
    renderPlay();
    tell((remote) => (playing ? remote.play() : remote.pause()));
  }

  function speedStep(direction: 1 | -1): void {
    const index = REVIEW_SPEEDS.indexOf(Number(speedSelect.value) as (typeof REVIEW_SPEEDS)[number]);
    const next = REVIEW_SPEEDS[Math.min(REVIEW_SPEEDS.length - 1, Math.max(0, index + direction))];
    speedSelect.value = String(next);
    tell((remote) => remote.setSpeed(next));
  }

  // While the review is open its keys come first, and the drill's shortcuts stay off (the drill is paused).
  window.addEventListener(
    'keydown',
    (event) => {
      if (screen.hidden || event.ctrlKey || event.metaKey || event.altKey) return;
      // strategy comparison: begin
      if (comparison.isOpen) {
        if (event.key === 'Escape') {
          comparison.close();
          event.preventDefault();
        }
        return;
      }
      // strategy comparison: end
      if (event.key === 'Escape') {
        close();
        event.preventDefault();
        return;
      }
      if (isTypingTarget(event.target)) return;
      switch (event.key) {
        case ' ':
          if (!event.repeat) togglePlay();
          break;
        case ']':
        case '+':
        case '=':
          speedStep(1);
          break;
        case '[':
        case '-':
          speedStep(-1);
          break;
        case '.':
        case 'n':
        case 'N':
          break;
        default:
          return;
      }
      event.preventDefault();
    },
    { capture: true },
  );

  watch(
    store,
    (s) => s.language,
    () => {
      renderLayers();
      renderPlay();
      renderLegend();
      timeline.render();
      charts.queueRender();
      if (!screen.hidden) renderSources();
    },
  );
  watch(
    store,
    (s) => s.info,
    () => renderSources(),
  );
  watch(
    store,
    (s) => s.drill,
    () => renderSources(),
  );
  renderClock();

  installReviewHook({
    get open() {
      return !screen.hidden;
    },
    get ready() {
      return overview !== null && !screen.hidden;
    },
    get tick() {
      return tick;
    },
    get drawnTick() {
      return map?.drawnTick ?? -1;
    },
    get endTick() {
      return overview?.endTick ?? 0;
    },
    get playing() {
      return playing;
    },
    get markers() {
      return overview ? overview.markers.map((m) => ({ kind: m.kind, tick: m.tick })) : [];
    },
    get heatLayer() {
      return layer;
    },
    get heatCellsDrawn() {
      return heat.cellsDrawn;
    },
    get projector() {
      return projectorOn();
    },
    get errors() {
      return errors.map((e) => ({ ...e }));
    },
    cursorPositions: () => charts.cursorPositions(),
    hash: async () => (worker ? worker.remote.hash() : ''),
    finalHash: () => overview?.finalHash ?? null,
  });

  return { open, close };
}
