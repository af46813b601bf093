import { rowsToCsv } from '../../cli/sweep/csv';
import { IDENTITY_COLUMNS } from '../../cli/sweep/sweepJob';
import type { CompareJob, CompareResult, CompareRow } from '../../workers/compareJob';
import type { ReviewOverview, ReviewRequest } from '../../workers/reviewHost';
import { el } from '../dom';
import { type MessageKey, t } from '../i18n/index';
import { type DrillStore, watch } from '../store';
import { BranchPanel } from './branchPanel';
import { DistributionCharts, OverlayCharts, runColour } from './compareCharts';
import { startCompareWorker } from './compareClient';
import { formatOne, formatSummary } from './compareFormat';
import { installCompareHook, type RowView } from './compareHook';
import { CompareCancelled, defaultWorkerCount, MAX_PAGE_WORKERS, runComparePool } from './comparePool';
import { SideBySide } from './compareSideBySide';
import { COMPARE_METRICS, displayValue, summariseVariants, type VariantSummary } from './compareStats';
import { type CompareVariant, MAX_SEEDS, manySeedJobs, type ReviewedRun, sameSeedJobs, variantsOf } from './compareVariants';
import './compare.css';

/** The run under review as the comparison needs it. */
export interface ReviewContext {
  request: ReviewRequest;
  overview: ReviewOverview;
  /** How the review names the run (the drill's session, or a headless run's strategy and seed). */
  label: string;
  /** The review's cursor. */
  tick: number;
}

export interface ComparisonHost {
  store: DrillStore;
  /** The review screen, with its top bar and transport row to put the buttons in. */
  screen: HTMLElement;
  context(): ReviewContext | null;
  /** Pause the review's playback (the comparison covers it). */
  pause(): void;
}

type Tab = 'same' | 'seeds' | 'maps' | 'branch';
const TABS: readonly { id: Tab; label: MessageKey }[] = [
  { id: 'same', label: 'compare.tab.same' },
  { id: 'seeds', label: 'compare.tab.seeds' },
  { id: 'maps', label: 'compare.tab.maps' },
  { id: 'branch', label: 'compare.tab.branch' },
];

/** Seeds per strategy offered at first. */
const DEFAULT_SEEDS = 20;

function button(id: string, key: MessageKey, className = ''): HTMLButtonElement {
  return el('button', { className, text: t(key), attrs: { id, type: 'button', 'data-i18n': key } });
}

function labelled(key: MessageKey, control: HTMLElement): HTMLLabelElement {
  return el('label', { className: 'field' }, [el('span', { text: t(key), attrs: { 'data-i18n': key } }), control]);
}

const reviewedRunOf = (ctx: ReviewContext): ReviewedRun => ({
  strategy: ctx.request.strategy ?? null,
  seed: ctx.request.seed,
  entries: ctx.request.entries,
  endTick: ctx.overview.endTick,
});

const viewOf = (row: CompareRow): RowView => ({
  variant: row.variant,
  strategy: row.strategy,
  seed: row.seed,
  ticks: row.ticks,
  stateHash: row.stateHash,
  refusedCommands: row.refusedCommands,
});

/**
 * Strategy comparison and branching, over the review: the reviewed scenario and seed run headless under every
 * strategy and under the trainees' decisions, side by side; then many seeds per strategy in a pool of Web
 * Workers with 95% confidence intervals; two runs on two maps on one clock with a difference heat map; and
 * "Branch from here", which runs the reviewed run on from a moment with other commands and compares the
 * futures.
 */
export function mountComparison(host: ComparisonHost) {
  const { screen } = host;
  const openButton = button('compare-open', 'compare.open');
  const branchButton = button('branch-open', 'branch.open');
  const top = screen.querySelector('.review-top');
  top?.insertBefore(openButton, top.querySelector('#review-projector'));
  const transport = screen.querySelector('.review-transport');
  transport?.insertBefore(branchButton, transport.querySelector('.spacer'));

  // Header with tabs.
  const tabButtons = new Map<Tab, HTMLButtonElement>();
  const tabBar = el('div', { className: 'compare-tabs', attrs: { role: 'tablist' } });
  for (const tab of TABS) {
    const b = button(`compare-tab-${tab.id}`, tab.label, 'compare-tab');
    b.setAttribute('role', 'tab');
    b.addEventListener('click', () => showTab(tab.id));
    tabButtons.set(tab.id, b);
    tabBar.append(b);
  }
  const closeButton = button('compare-close', 'compare.close');
  const subtitle = el('span', { className: 'review-title', attrs: { id: 'compare-subtitle' } });
  const problems = el('div', { className: 'review-status', attrs: { id: 'compare-problems', role: 'alert' } });
  problems.hidden = true;

  // Same seed.
  const sameStatus = el('p', { className: 'compare-status', attrs: { id: 'compare-same-status', role: 'status', 'aria-live': 'polite' } });
  const sameTable = el('div', { className: 'compare-table-host', attrs: { id: 'compare-same-table' } });
  const sameChartsHost = el('div', { className: 'compare-charts', attrs: { id: 'compare-same-charts' } });
  const sameCharts = new OverlayCharts(sameChartsHost);
  const samePane = el('div', { className: 'compare-pane', attrs: { id: 'compare-pane-same', role: 'tabpanel' } }, [sameStatus, sameTable, sameChartsHost]);

  // Many seeds.
  const seedsInput = el('input', {
    attrs: { id: 'compare-seeds', type: 'text', inputmode: 'numeric', size: '5', value: String(DEFAULT_SEEDS), spellcheck: 'false' },
  });
  const workersSelect = el('select', { attrs: { id: 'compare-workers' } });
  for (let w = 1; w <= MAX_PAGE_WORKERS; w++) workersSelect.append(el('option', { text: String(w), attrs: { value: String(w) } }));
  workersSelect.value = String(defaultWorkerCount(navigator.hardwareConcurrency));
  const runSeedsButton = button('compare-run-seeds', 'compare.runSeeds', 'primary');
  const stopButton = button('compare-stop', 'compare.stop');
  stopButton.disabled = true;
  const csvButton = button('compare-csv', 'compare.csv');
  csvButton.disabled = true;
  const progress = el('progress', { attrs: { id: 'compare-progress', max: '1', value: '0' } });
  const progressText = el('span', { className: 'compare-progress-text', attrs: { id: 'compare-progress-text', role: 'status', 'aria-live': 'polite' } });
  const seedsNote = el('p', { className: 'compare-note' });
  const seedsTable = el('div', { className: 'compare-table-host', attrs: { id: 'compare-seeds-table' } });
  const seedsChartsHost = el('div', { className: 'compare-charts compare-distributions', attrs: { id: 'compare-seeds-charts' } });
  const distributions = new DistributionCharts(seedsChartsHost);
  const seedsPane = el('div', { className: 'compare-pane', attrs: { id: 'compare-pane-seeds', role: 'tabpanel' } }, [
    el('div', { className: 'compare-controls' }, [
      labelled('compare.seeds', seedsInput),
      labelled('compare.workers', workersSelect),
      runSeedsButton,
      stopButton,
      progress,
      progressText,
      el('span', { className: 'spacer' }),
      csvButton,
    ]),
    seedsNote,
    seedsTable,
    seedsChartsHost,
  ]);

  // Side by side.
  const mapsSelect = el('select', { attrs: { id: 'compare-maps-b' } });
  const sideBySide = new SideBySide((message) => showProblem(t('compare.mapsFailed', { message })));
  const mapsPane = el('div', { className: 'compare-pane compare-pane-maps', attrs: { id: 'compare-pane-maps', role: 'tabpanel' } }, [
    el('div', { className: 'compare-controls' }, [labelled('compare.mapsB', mapsSelect)]),
    sideBySide.element,
  ]);

  // Branch.
  const branch = new BranchPanel((jobs) => runJobs(jobs));
  const branchPane = el('div', { className: 'compare-pane', attrs: { id: 'compare-pane-branch', role: 'tabpanel' } }, [branch.element]);

  const panes: Record<Tab, HTMLElement> = { same: samePane, seeds: seedsPane, maps: mapsPane, branch: branchPane };
  const panel = el(
    'section',
    { className: 'compare-panel', attrs: { id: 'compare', 'aria-label': t('compare.title'), 'data-i18n-aria-label': 'compare.title' } },
    [
      el('header', { className: 'review-top compare-top' }, [
        el('h2', { text: t('compare.title'), attrs: { 'data-i18n': 'compare.title' } }),
        subtitle,
        tabBar,
        el('span', { className: 'spacer' }),
        closeButton,
      ]),
      problems,
      samePane,
      seedsPane,
      mapsPane,
      branchPane,
    ],
  );
  panel.hidden = true;
  screen.append(panel);

  let tab: Tab = 'same';
  let context: ReviewContext | null = null;
  let variants: CompareVariant[] = [];
  let sameResults: CompareResult[] | null = null;
  let sameRunning = false;
  let seedRows: CompareRow[] | null = null;
  let seedSummaries: VariantSummary[] | null = null;
  let seedProgress = { done: 0, total: 0, workers: 0, wallS: 0 };
  let seedsController: AbortController | null = null;
  let mapsB: string | null = null;
  let errors: string[] = [];
  /** Every pool under way, to stop them all when the comparison closes. */
  const pools = new Set<AbortController>();

  function showProblem(message: string): void {
    errors.push(message);
    problems.replaceChildren(el('p', { text: message }));
    problems.hidden = false;
  }

  function clearProblems(): void {
    errors = [];
    problems.replaceChildren();
    problems.hidden = true;
  }

  function variantLabel(v: CompareVariant): string {
    const name = v.kind === 'drill' ? t('compare.variant.drill') : (v.name ?? t('compare.variant.asIs'));
    return v.reviewed && v.kind !== 'drill' ? `${name} ${t('compare.reviewedMark')}` : name;
  }

  /** Run jobs in a pool of Web Workers of the page; null when stopped. */
  async function runJobs(
    jobs: CompareJob[],
    options: { workers?: number; onProgress?: (done: number, total: number) => void; controller?: AbortController } = {},
  ) {
    const ctx = context;
    if (!ctx) return null;
    const controller = options.controller ?? new AbortController();
    pools.add(controller);
    try {
      return await runComparePool({
        scenarioText: ctx.request.text,
        jobs,
        workers: options.workers ?? defaultWorkerCount(navigator.hardwareConcurrency),
        start: startCompareWorker,
        onProgress: options.onProgress,
        signal: controller.signal,
      });
    } catch (error) {
      if (error instanceof CompareCancelled) return null;
      throw error;
    } finally {
      pools.delete(controller);
    }
  }

  function showTab(next: Tab): void {
    tab = next;
    for (const [id, b] of tabButtons) {
      b.setAttribute('aria-selected', String(id === next));
      b.classList.toggle('active', id === next);
      panes[id].hidden = id !== next;
    }
    if (next === 'same' && !sameResults && !sameRunning) void runSameSeed();
    if (next === 'maps') renderMapChoices();
    if (next === 'maps' && (!sideBySide.isStarted || mapsSelect.value !== mapsB)) void openMaps();
    if (next === 'branch' && branch.at === null && context) branch.setPoint({ run: reviewedRunOf(context), info: context.overview.info, tick: context.tick });
  }

  /** Row header of a table: the variant's colour and name. */
  function variantCell(v: CompareVariant, index: number): HTMLElement {
    const swatch = el('span', { className: 'compare-swatch' });
    swatch.style.background = runColour(index);
    return el('th', { attrs: { scope: 'row', 'data-variant': v.id } }, [swatch, el('span', { text: variantLabel(v) })]);
  }

  async function runSameSeed(): Promise<void> {
    const ctx = context;
    if (!ctx) return;
    sameRunning = true;
    sameStatus.textContent = t('compare.running', { done: 0, total: variants.length });
    try {
      const jobs = sameSeedJobs(reviewedRunOf(ctx), variants);
      const results = await runJobs(jobs, { onProgress: (done, total) => (sameStatus.textContent = t('compare.running', { done, total })) });
      if (!results || context !== ctx) return;
      sameResults = results;
      renderSameSeed();
    } catch (error) {
      if (context === ctx) showProblem(t('compare.failed', { message: error instanceof Error ? error.message : String(error) }));
    } finally {
      sameRunning = false;
    }
  }

  function renderSameSeed(): void {
    const ctx = context;
    if (!ctx || !sameResults) return;
    const minutes = Math.round(((ctx.overview.endTick * ctx.overview.tickS) / 60) * 10) / 10;
    sameStatus.textContent = t('compare.sameNote', { seed: ctx.request.seed, minutes });
    const head = el('tr', {}, [
      el('th', { text: t('compare.variant') }),
      ...COMPARE_METRICS.map((m) => el('th', { text: t(m.label), attrs: { 'data-metric': m.column } })),
      el('th', { text: t('compare.hash') }),
    ]);
    const results = sameResults;
    const body = variants.map((v, i) => {
      const row = results[i].row;
      return el('tr', { attrs: { 'data-variant': v.id } }, [
        variantCell(v, i),
        ...COMPARE_METRICS.map((m) => {
          const value = row[m.column];
          return el('td', { text: formatOne(m.unit, typeof value === 'number' ? displayValue(m.unit, value) : null), attrs: { 'data-metric': m.column } });
        }),
        el('td', { className: 'compare-hash', text: row.stateHash }),
      ]);
    });
    sameTable.replaceChildren(el('table', { className: 'compare-table' }, [el('thead', {}, [head]), el('tbody', {}, body)]));
    const refused = results.reduce((sum, r) => sum + r.refused.length, 0);
    if (refused) sameTable.append(el('p', { className: 'compare-note', text: t('compare.refusedNote', { count: refused }) }));
    sameCharts.show(
      variants.map((v, i) => ({ label: variantLabel(v), colour: runColour(i), metrics: results[i].metrics as NonNullable<CompareResult['metrics']> })),
      ctx.overview.endTick * ctx.overview.tickS,
    );
  }

  async function runManySeeds(): Promise<void> {
    const ctx = context;
    if (!ctx) return;
    const count = Number(seedsInput.value.trim());
    if (!Number.isInteger(count) || count < 1 || count > MAX_SEEDS) {
      progressText.textContent = t('compare.badSeeds', { max: MAX_SEEDS });
      seedsInput.focus();
      return;
    }
    const workers = Number(workersSelect.value);
    const jobs = manySeedJobs(reviewedRunOf(ctx), variants, count);
    const controller = new AbortController();
    seedsController = controller;
    runSeedsButton.disabled = true;
    stopButton.disabled = false;
    csvButton.disabled = true;
    seedRows = null;
    seedSummaries = null;
    seedsTable.replaceChildren();
    distributions.clear();
    const started = performance.now();
    seedProgress = { done: 0, total: jobs.length, workers: Math.min(workers, jobs.length), wallS: 0 };
    const onProgress = (done: number, total: number) => {
      const wallS = (performance.now() - started) / 1000;
      seedProgress = { ...seedProgress, done, total, wallS };
      progress.max = total;
      progress.value = done;
      progressText.textContent = t('compare.progress', {
        done,
        total,
        workers: seedProgress.workers,
        perMinute: Math.round((done / Math.max(wallS, 1e-3)) * 60),
      });
    };
    onProgress(0, jobs.length);
    try {
      const results = await runJobs(jobs, { workers, onProgress, controller });
      if (context !== ctx) return;
      if (!results) {
        progressText.textContent = t('compare.stopped');
        return;
      }
      seedRows = results.map((r) => r.row);
      seedSummaries = summariseVariants(
        seedRows,
        variants.map((v) => v.id),
      );
      seedProgress.wallS = (performance.now() - started) / 1000;
      renderSeeds();
      csvButton.disabled = false;
    } catch (error) {
      if (context === ctx) showProblem(t('compare.failed', { message: error instanceof Error ? error.message : String(error) }));
    } finally {
      if (seedsController === controller) seedsController = null;
      runSeedsButton.disabled = false;
      stopButton.disabled = true;
    }
  }

  function renderSeedsNote(): void {
    const ctx = context;
    if (!ctx) return;
    const minutes = Math.round(((ctx.overview.endTick * ctx.overview.tickS) / 60) * 10) / 10;
    seedsNote.textContent = t('compare.seedsNote', { minutes });
  }

  function renderSeeds(): void {
    renderSeedsNote();
    const summaries = seedSummaries;
    if (!summaries) return;
    const { done, total, wallS, workers } = seedProgress;
    progressText.textContent = t('compare.finished', {
      total,
      seconds: Math.round(wallS * 10) / 10,
      workers,
      perMinute: Math.round((done / Math.max(wallS, 1e-3)) * 60),
    });
    const head = el('tr', {}, [
      el('th', { text: t('compare.variant') }),
      el('th', { text: t('compare.runs') }),
      ...COMPARE_METRICS.map((m) => el('th', { text: t(m.label), attrs: { 'data-metric': m.column } })),
    ]);
    const body = summaries.map((s, i) =>
      el('tr', { attrs: { 'data-variant': s.variant } }, [
        variantCell(variants[i], i),
        el('td', { text: s.refusedCommands ? t('compare.runsRefused', { runs: s.runs, refused: s.refusedCommands }) : String(s.runs) }),
        ...COMPARE_METRICS.map((m) => el('td', { text: formatSummary(m.unit, s.metrics[m.column], s.runs), attrs: { 'data-metric': m.column } })),
      ]),
    );
    seedsTable.replaceChildren(
      el('table', { className: 'compare-table' }, [el('thead', {}, [head]), el('tbody', {}, body)]),
      el('p', { className: 'compare-note', text: t('compare.ciNote') }),
    );
    distributions.show(
      summaries,
      variants.map((v) => variantLabel(v)),
    );
  }

  function downloadCsv(): void {
    const rows = seedRows;
    const ctx = context;
    if (!rows || !ctx) return;
    const identity = IDENTITY_COLUMNS as readonly string[];
    const columns = [
      'variant',
      'refusedCommands',
      ...new Set(rows.flatMap((r) => Object.keys(r)).filter((k) => !identity.includes(k) && k !== 'variant' && k !== 'refusedCommands')),
    ];
    const url = URL.createObjectURL(new Blob([rowsToCsv(rows, columns)], { type: 'text/csv' }));
    const link = el('a', { attrs: { href: url, download: `${ctx.overview.info.id}-compare-${rows.length}-runs.csv` } });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }

  function renderMapChoices(): void {
    const chosen = mapsSelect.value || mapsB;
    mapsSelect.replaceChildren();
    for (const v of variants) if (!v.reviewed) mapsSelect.append(el('option', { text: variantLabel(v), attrs: { value: v.id } }));
    if (chosen && variants.some((v) => v.id === chosen && !v.reviewed)) mapsSelect.value = chosen;
  }

  async function openMaps(): Promise<void> {
    const ctx = context;
    const b = variants.find((v) => v.id === mapsSelect.value);
    if (!ctx || !b) return;
    mapsB = b.id;
    const reviewed = variants.find((v) => v.reviewed);
    const endTick = ctx.overview.endTick;
    try {
      await sideBySide.open(
        { request: { ...ctx.request, endTick }, label: reviewed ? variantLabel(reviewed) : ctx.label },
        { request: { text: ctx.request.text, seed: ctx.request.seed, strategy: b.strategy, entries: [...b.entries], endTick }, label: variantLabel(b) },
        ctx.tick,
      );
    } catch (error) {
      if (context === ctx) showProblem(t('compare.mapsFailed', { message: error instanceof Error ? error.message : String(error) }));
    }
  }

  function stopPools(): void {
    for (const controller of pools) controller.abort();
    pools.clear();
  }

  /** Open the comparison on `next` for the run under review now. */
  function open(next: Tab = 'same'): void {
    const ctx = host.context();
    if (!ctx) return;
    host.pause();
    if (context?.overview !== ctx.overview) {
      reset();
      context = ctx;
      variants = variantsOf(reviewedRunOf(ctx), ctx.overview.info.strategies, ctx.overview.info.strategy);
    } else context = ctx;
    subtitle.textContent = ctx.label;
    subtitle.title = ctx.label;
    renderSeedsNote();
    panel.hidden = false;
    screen.classList.add('comparing');
    showTab(next);
  }

  /** Back to the replay; runs under way stop, results stay for this review. */
  function close(): void {
    if (panel.hidden) return;
    panel.hidden = true;
    screen.classList.remove('comparing');
    stopPools();
    sideBySide.close();
    mapsB = null;
  }

  /** Forget everything: a new run is under review (or the review closed). */
  function reset(): void {
    close();
    stopPools();
    context = null;
    variants = [];
    sameResults = null;
    seedRows = null;
    seedSummaries = null;
    seedProgress = { done: 0, total: 0, workers: 0, wallS: 0 };
    sameTable.replaceChildren();
    sameCharts.clear();
    sameStatus.textContent = '';
    seedsTable.replaceChildren();
    distributions.clear();
    progress.value = 0;
    progressText.textContent = '';
    csvButton.disabled = true;
    branch.setPoint(null);
    clearProblems();
  }

  openButton.addEventListener('click', () => open('same'));
  branchButton.addEventListener('click', () => {
    const ctx = host.context();
    if (!ctx) return;
    open('branch');
    branch.setPoint({ run: reviewedRunOf(ctx), info: ctx.overview.info, tick: ctx.tick });
  });
  closeButton.addEventListener('click', close);
  runSeedsButton.addEventListener('click', () => void runManySeeds());
  stopButton.addEventListener('click', () => seedsController?.abort());
  csvButton.addEventListener('click', downloadCsv);
  mapsSelect.addEventListener('change', () => void openMaps());

  watch(
    host.store,
    (s) => s.language,
    () => {
      for (const tabSpec of TABS) tabButtons.get(tabSpec.id)?.replaceChildren(t(tabSpec.label));
      if (panel.hidden) return;
      renderSameSeed();
      renderSeeds();
      renderMapChoices();
      sideBySide.renderTexts();
      branch.render();
    },
  );

  installCompareHook({
    get open() {
      return !panel.hidden;
    },
    get tab() {
      return tab;
    },
    get variants() {
      return variants.map((v) => ({ id: v.id, label: variantLabel(v), reviewed: v.reviewed }));
    },
    get sameSeed() {
      return sameResults ? sameResults.map((r) => viewOf(r.row)) : null;
    },
    get seeds() {
      return { ...seedProgress, rows: seedRows ? seedRows.map(viewOf) : null, summaries: seedSummaries };
    },
    get maps() {
      return sideBySide.state();
    },
    get branch() {
      const outcome = branch.outcome;
      return outcome
        ? { ...outcome, differences: outcome.differences.map((d) => ({ column: d.metric.column, a: d.a, b: d.b, delta: d.delta, verdict: d.verdict })) }
        : null;
    },
    get branchTick() {
      return branch.at;
    },
    get errors() {
      return [...errors];
    },
  });

  return {
    open,
    close,
    reset,
    get isOpen() {
      return !panel.hidden;
    },
  };
}
