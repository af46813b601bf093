import { LIMITS, type Scenario, type Strategy, strategyFileOf } from '../../sim/index';
import { OBJECTIVE_METRICS } from '../../sim/scenario/schemaObjectives';
import { leversSchema } from '../../sim/scenario/schemaWarning';
import { compareFigure } from './findings';
import { formatClock, formatMetric, METRIC_LABELS } from './format';
import { type LeverChange, leverChangesFor } from './levers';
import type { Finding, PlanItem } from './reportTypes';
import { type RunOutcome, valueAt } from './runs';

/** Lever changes tried per gap before settling for the first: each try is a whole run. */
const TRIES_PER_GAP = 3;

export interface PlanInput {
  scenario: Scenario;
  /** The drill's strategy (null: the scenario has none, so its default levers). */
  base: Strategy | null;
  reference: Strategy | null;
  gaps: readonly Finding[];
  seed: number;
  /** The drill as it ran, and its strategy run with the same seed and length without the drill's commands. */
  drill: RunOutcome;
  asPlanned: RunOutcome;
  /**
   * Run the scenario (with the changed strategy added) under a strategy id with the report's seed and length:
   * the drill's commands replayed on it (basis "drill"), or without them when they do not fit it (basis
   * "plan"). Null to skip the check: the plan then says what each change is, not what it did.
   */
  run: ((scenario: Scenario, strategy: string) => { outcome: RunOutcome; basis: 'drill' | 'plan' }) | null;
}

/** The drill's strategy, or the levers a scenario without strategies runs with, as a strategy to change. */
export function baseStrategy(base: Strategy | null): Strategy {
  return base ?? { id: 'plan', name: 'Plan', timeline: [], levers: leversSchema.parse(undefined) };
}

/** The base strategy with a lever change under a new id that no strategy of the scenario has. */
export function changedStrategy(scenario: Scenario, base: Strategy, change: LeverChange, why: string): Strategy {
  const taken = new Set(scenario.strategies.map((s) => s.id));
  const stem = `${base.id}-${change.key}`.slice(0, LIMITS.idLength).replace(/[-_.]+$/, '');
  let id = stem;
  for (let n = 2; taken.has(id); n++) id = `${stem.slice(0, LIMITS.idLength - String(n).length - 1)}-${n}`;
  return {
    ...base,
    id,
    name: `${base.name}, ${change.label.toLowerCase()} ${change.to}`.slice(0, LIMITS.textLength),
    description:
      `${base.description ? `${base.description} ` : ''}Changed after a drill: ${change.label.toLowerCase()} ${change.from} → ${change.to}, to close the gap "${why}".`.slice(
        0,
        LIMITS.textLength,
      ),
    levers: change.apply(base.levers),
  };
}

/**
 * One item per gap: the first lever change for its figure that, replayed with the drill's seed and commands,
 * improves that figure by enough to matter (see compareFigure; up to TRIES_PER_GAP candidates, a change already
 * chosen for an earlier gap tried last); else the first that improves it at all; else the most direct change,
 * marked as not improving at this seed.
 * Gaps no lever of the strategy can answer (everything already on) get no item.
 */
export function improvementPlan(input: PlanInput): PlanItem[] {
  const base = baseStrategy(input.base);
  const results = new Map<string, { outcome: RunOutcome; basis: 'drill' | 'plan' }>();
  const used = new Set<string>();
  const items: PlanItem[] = [];
  const scenarioWith = (strategy: Strategy): Scenario => ({ ...input.scenario, strategies: [...input.scenario.strategies, strategy] });
  for (const gap of input.gaps) {
    const candidates = leverChangesFor(gap.metric, input.scenario, base, input.reference);
    if (candidates.length === 0) continue;
    const ordered = [...candidates.filter((c) => !used.has(c.key)), ...candidates.filter((c) => used.has(c.key))];
    type Tried = { change: LeverChange; effect: Effect | null };
    let first: Tried | null = null;
    let slight: Tried | null = null;
    let chosen: Tried | null = null;
    for (const change of ordered.slice(0, input.run ? TRIES_PER_GAP : 1)) {
      let effect: Effect | null = null;
      if (input.run) {
        let result = results.get(change.key);
        if (!result) {
          const strategy = changedStrategy(input.scenario, base, change, gap.text);
          result = input.run(scenarioWith(strategy), strategy.id);
          results.set(change.key, result);
        }
        const baseline = result.basis === 'drill' ? input.drill : input.asPlanned;
        const before = valueAt(baseline, gap.metric, gap.byS);
        const after = valueAt(result.outcome, gap.metric, gap.byS);
        effect = { metric: gap.metric, byS: gap.byS, before, after, improves: improves(gap.metric, after, before), basis: result.basis };
      }
      first ??= { change, effect };
      if (effect?.improves) {
        slight ??= { change, effect };
        // A change that moves the figure by enough to matter ends the search; a slight one is kept in case none does.
        if (effect.after === null || effect.before === null || compareFigure(gap.metric, effect.after, effect.before) === 'better') {
          chosen = { change, effect };
          break;
        }
      }
    }
    chosen ??= slight;
    const pick = chosen ?? (first as Tried);
    used.add(pick.change.key);
    const strategy = changedStrategy(input.scenario, base, pick.change, gap.text);
    items.push({
      index: items.length + 1,
      gap,
      lever: { id: pick.change.lever, label: pick.change.label, from: pick.change.from, to: pick.change.to },
      text: planText(pick.change, gap, pick.effect, input.seed, strategy.id),
      effect: pick.effect,
      strategyFile: strategyFileOf(input.scenario, strategy),
    });
  }
  return items;
}

type Effect = NonNullable<PlanItem['effect']>;

/** Any move the right way, or a time reached that was not: the change moved the figure toward closing the gap. */
function improves(metric: Finding['metric'], after: number | null, before: number | null): boolean {
  if (after === null || before === null) return after !== null && before === null;
  const better = OBJECTIVE_METRICS[metric].better;
  return better === 'lower' ? after < before - 1e-9 : better === 'higher' ? after > before + 1e-9 : false;
}

function planText(change: LeverChange, gap: Finding, effect: Effect | null, seed: number, id: string): string {
  const what = `${change.label}: ${change.from} → ${change.to} (as strategy "${id}")`;
  const label = METRIC_LABELS[gap.metric].toLowerCase();
  if (!effect) return `${what}, for the gap in ${label}.`;
  const figures = `${formatMetric(gap.metric, effect.before)} → ${formatMetric(gap.metric, effect.after)}${gap.byS === null ? '' : ` at ${formatClock(gap.byS)}`}`;
  const how =
    effect.basis === 'drill'
      ? `The drill replayed with this change (seed ${seed}, the same commands)`
      : `This change run alone (seed ${seed}; the drill's commands do not fit it), against the plan as written,`;
  return effect.improves
    ? `${what}. ${how} changes ${label}: ${figures}.`
    : `${what}. ${how} does not improve ${label} (${figures}): test it over more seeds with drill compare, or change the plan by hand.`;
}
