import type { Command } from '../../sim/index';
import type { CompareJob, CompareResult } from '../../workers/compareJob';
import type { LoadedInfo } from '../../workers/simHost';
import { el } from '../dom';
import { COMMAND_FORMS, type CommandForm } from '../drill/commandForms';
import { formatClock } from '../format';
import { DICTIONARIES, type MessageKey, t } from '../i18n/index';
import { formFor } from '../panels/commandPanel';
import { addedRange, type BranchPlan, branchJobs, laterEntries } from './branchPlan';
import { OverlayCharts } from './compareCharts';
import { formatDelta, formatOne } from './compareFormat';
import { type MetricDifference, metricDifferences } from './compareStats';
import type { ReviewedRun } from './compareVariants';

/** Where a branch starts: the reviewed run, the scenario's names for the command forms, and the tick. */
export interface BranchPoint {
  run: ReviewedRun;
  info: LoadedInfo;
  tick: number;
}

/** What the branch panel shows after both futures ran, for the page and its test hook. */
export interface BranchOutcome {
  tick: number;
  commands: number;
  keepLater: boolean;
  originalHash: string;
  branchHash: string;
  /** The branch's own commands the run refused, with why (the branch is then not what was asked). */
  refused: string[];
  differences: MetricDifference[];
}

/** A command as a line of the list: its form's name and the values chosen. */
function describe(formKind: string, command: Command): string {
  const key = `command.${formKind}`;
  const name = Object.hasOwn(DICTIONARIES.en, key) ? t(key as MessageKey) : formKind;
  const values = Object.entries(command)
    .filter(([k]) => k !== 'kind')
    .map(([, v]) => (typeof v === 'object' ? Object.values(v as object).join(',') : String(v)));
  return values.length ? `${name}: ${values.join(' · ')}` : name;
}

/**
 * "Branch from here": the commands to give at the chosen moment (the drill's own command forms), whether to
 * keep the trainees' later commands, then both futures run headless to the review's end and compared:
 * the figures over time overlaid and the key metrics side by side with their differences.
 */
export class BranchPanel {
  readonly element: HTMLElement;
  private readonly heading: HTMLElement;
  private readonly note: HTMLElement;
  private readonly keepLater: HTMLInputElement;
  private readonly keepLaterLabel: HTMLElement;
  private readonly forms: HTMLElement;
  private readonly list: HTMLOListElement;
  private readonly runButton: HTMLButtonElement;
  private readonly status: HTMLElement;
  private readonly table: HTMLElement;
  private readonly charts: OverlayCharts;
  private point: BranchPoint | null = null;
  private commands: { formKind: string; command: Command }[] = [];
  private result: BranchOutcome | null = null;
  private lastResults: [CompareResult, CompareResult] | null = null;

  constructor(private readonly runJobs: (jobs: CompareJob[]) => Promise<CompareResult[] | null>) {
    this.heading = el('h3', { attrs: { id: 'branch-heading' } });
    this.note = el('p', { className: 'compare-note' });
    this.keepLater = el('input', { attrs: { id: 'branch-keep-later', type: 'checkbox' } });
    this.keepLaterLabel = el('span');
    this.forms = el('div', { className: 'branch-forms', attrs: { id: 'branch-forms' } });
    this.list = el('ol', { className: 'branch-commands', attrs: { id: 'branch-commands' } });
    this.runButton = el('button', { className: 'primary', text: t('branch.run'), attrs: { id: 'branch-run', type: 'button', 'data-i18n': 'branch.run' } });
    this.status = el('p', { className: 'compare-status', attrs: { id: 'branch-status', role: 'status', 'aria-live': 'polite' } });
    this.table = el('div', { className: 'compare-table-host', attrs: { id: 'branch-table' } });
    const chartHost = el('div', { className: 'compare-charts', attrs: { id: 'branch-charts' } });
    this.charts = new OverlayCharts(chartHost);
    this.element = el('div', { className: 'branch-panel' }, [
      el('div', { className: 'branch-setup' }, [
        this.heading,
        this.note,
        el('label', { className: 'branch-keep' }, [this.keepLater, this.keepLaterLabel]),
        el('h4', { text: t('branch.commandsTitle'), attrs: { 'data-i18n': 'branch.commandsTitle' } }),
        this.list,
        this.forms,
        this.runButton,
        this.status,
      ]),
      el('div', { className: 'branch-results' }, [this.table, chartHost]),
    ]);
    this.runButton.addEventListener('click', () => void this.run());
  }

  get outcome(): BranchOutcome | null {
    return this.result;
  }

  get at(): number | null {
    return this.point?.tick ?? null;
  }

  /** Start a new branch at a moment of the reviewed run (null: none); commands given for an earlier one are dropped. */
  setPoint(point: BranchPoint | null): void {
    this.point = point;
    this.commands = [];
    this.result = null;
    this.lastResults = null;
    this.keepLater.checked = false;
    this.table.replaceChildren();
    this.charts.clear();
    this.status.textContent = '';
    this.render();
  }

  /** Texts and forms again (language changed, or a new point). */
  render(): void {
    const point = this.point;
    this.runButton.textContent = t('branch.run');
    if (!point) {
      this.heading.textContent = t('branch.none');
      this.note.textContent = '';
      this.forms.replaceChildren();
      this.list.replaceChildren();
      this.keepLaterLabel.parentElement?.setAttribute('hidden', '');
      this.runButton.disabled = true;
      return;
    }
    const { run, info, tick } = point;
    this.heading.textContent = t('branch.heading', { time: formatClock(tick * info.tickS), tick });
    this.note.textContent = t('branch.note', { end: formatClock(run.endTick * info.tickS) });
    const later = laterEntries(run.entries, tick);
    const keep = this.keepLaterLabel.parentElement as HTMLElement;
    keep.hidden = later === 0;
    this.keepLaterLabel.textContent = t('branch.keepLater', { count: later });
    const offered = COMMAND_FORMS.filter((form) => form.available(info));
    this.forms.replaceChildren(...offered.map((form) => formFor(form, info, (f, values) => this.add(f, values), 'command branch-command')));
    this.renderList();
    this.runButton.disabled = false;
    if (this.lastResults) this.showResults(...this.lastResults);
  }

  private add(form: CommandForm, values: Record<string, string>): void {
    this.commands.push({ formKind: form.kind, command: form.build(values) });
    this.renderList();
  }

  private renderList(): void {
    this.list.replaceChildren();
    if (!this.commands.length) {
      this.list.append(el('li', { className: 'empty', text: t('branch.noCommands') }));
      return;
    }
    this.commands.forEach(({ formKind, command }, i) => {
      const remove = el('button', { className: 'branch-remove', text: '×', attrs: { type: 'button', 'aria-label': t('branch.remove') } });
      remove.addEventListener('click', () => {
        this.commands.splice(i, 1);
        this.renderList();
      });
      this.list.append(el('li', { attrs: { 'data-kind': formKind } }, [el('span', { text: describe(formKind, command) }), remove]));
    });
  }

  /** Run the original future and the branch to the review's end, and compare them. */
  async run(): Promise<void> {
    const point = this.point;
    if (!point) return;
    const plan: BranchPlan = { tick: point.tick, commands: this.commands.map((c) => c.command), keepLater: this.keepLater.checked };
    const jobs = branchJobs(point.run, plan);
    this.runButton.disabled = true;
    this.status.textContent = t('branch.running');
    try {
      const results = await this.runJobs(jobs);
      if (!results || this.point !== point) return;
      const [original, branch] = results as [CompareResult, CompareResult];
      const added = addedRange(point.run.entries, plan);
      const refused = branch.refused
        .filter((r) => r.entry >= added.from && r.entry < added.to)
        .map((r) => {
          const c = this.commands[r.entry - added.from];
          return t('branch.refused', { command: describe(c.formKind, c.command), reason: r.reason });
        });
      this.result = {
        tick: plan.tick,
        commands: plan.commands.length,
        keepLater: plan.keepLater,
        originalHash: original.row.stateHash,
        branchHash: branch.row.stateHash,
        refused,
        differences: metricDifferences(original.row, branch.row),
      };
      this.lastResults = [original, branch];
      this.showResults(original, branch);
    } catch (error) {
      this.status.textContent = t('branch.failed', { message: error instanceof Error ? error.message : String(error) });
    } finally {
      this.runButton.disabled = false;
    }
  }

  private showResults(original: CompareResult, branch: CompareResult): void {
    const outcome = this.result;
    const point = this.point;
    if (!outcome || !point) return;
    const same = outcome.originalHash === outcome.branchHash;
    const lines = [
      same ? t('branch.same', { hash: outcome.branchHash }) : t('branch.differs', { original: outcome.originalHash, branch: outcome.branchHash }),
      ...outcome.refused,
    ];
    this.status.replaceChildren(...lines.map((text, i) => el('span', { className: i > 0 ? 'refused' : '', text })));
    const head = el('tr', {}, [
      el('th', { text: t('compare.metric') }),
      el('th', { text: t('branch.original') }),
      el('th', { text: t('branch.branch') }),
      el('th', { text: t('branch.difference') }),
    ]);
    const rows = outcome.differences.map((d) =>
      el('tr', { attrs: { 'data-metric': d.metric.column, 'data-verdict': d.verdict } }, [
        el('th', { text: t(d.metric.label) }),
        el('td', { text: formatOne(d.metric.unit, d.a) }),
        el('td', { text: formatOne(d.metric.unit, d.b) }),
        el('td', { className: `delta delta-${d.verdict}`, text: formatDelta(d.metric.unit, d.delta) }),
      ]),
    );
    this.table.replaceChildren(
      el('table', { className: 'compare-table', attrs: { id: 'branch-diff-table' } }, [el('thead', {}, [head]), el('tbody', {}, rows)]),
    );
    const endS = point.run.endTick * point.info.tickS;
    if (original.metrics && branch.metrics) {
      this.charts.show(
        [
          { label: t('branch.original'), colour: '#9fb0c3', dashed: true, metrics: original.metrics },
          { label: t('branch.branch'), colour: '#b388ff', metrics: branch.metrics },
        ],
        endS,
      );
    }
  }
}
