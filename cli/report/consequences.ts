import type { Command, Metrics } from '../../sim/index';
import { inDangerOverTime, peakInDanger } from '../../sim/review/objectives';
import { decisionTimes } from '../../workers/reviewMarkers';
import { formatClock, formatCount, formatDuration, formatPercent } from './format';
import type { RunLabel, TimelineItem } from './reportTypes';
import type { RunOutcome } from './runs';

/** A drill command with who gave it (a trainee role or the facilitator), when the record says. */
export interface ReportEntry {
  tick: number;
  command: Command;
  role?: string;
}

/** The drill and the reference strategy it is measured against, with the same seed and length. */
export interface Pair {
  drill: RunOutcome;
  reference: RunOutcome;
  referenceLabel: RunLabel;
  /** How sentences introduce the reference: "the best strategy", or "the reference" when it was chosen by hand. */
  referenceIntro: string;
}

/** The run at a moment, read from its series: the last sample at or before it (nothing before the first). */
export function stateAt(metrics: Metrics, timeS: number): { safe: number; informed: number; inDanger: number } {
  const { series } = metrics;
  let k = -1;
  while (k + 1 < series.t.length && series.t[k + 1] <= timeS + 1e-9) k++;
  if (k < 0) return { safe: 0, informed: 0, inDanger: 0 };
  return { safe: series.safe[k], informed: series.informed[k], inDanger: inDangerOverTime(series)[k] };
}

/** "14 min 40 s later than", "2 min earlier than", "at the same time as". */
function laterOrEarlier(differenceS: number): string {
  if (Math.abs(differenceS) < 0.5) return 'at the same time as';
  return `${formatDuration(differenceS)} ${differenceS > 0 ? 'later' : 'earlier'} than`;
}

/** "37 more residents", "5 fewer residents", "as many residents" for a difference of whole numbers. */
function moreOrFewer(difference: number, noun: string): string {
  if (difference === 0) return `as many ${noun}`;
  return `${formatCount(Math.abs(difference))} ${difference > 0 ? 'more' : 'fewer'} ${noun}`;
}

/**
 * The first official warning against the reference's: how much later, and what the delay cost, as differences
 * of the two runs' figures: the most residents in danger at once and the deaths.
 */
export function warningConsequence(pair: Pair): TimelineItem | null {
  const d = pair.drill.metrics;
  const r = pair.reference.metrics;
  const ref = pair.referenceLabel.name;
  const drillPeak = Math.round(peakInDanger(d.series));
  const referencePeak = Math.round(peakInDanger(r.series));
  const figures = {
    drillS: d.firstOfficialWarningS,
    referenceS: r.firstOfficialWarningS,
    differenceS: d.firstOfficialWarningS !== null && r.firstOfficialWarningS !== null ? d.firstOfficialWarningS - r.firstOfficialWarningS : null,
    drillPeakInDanger: drillPeak,
    referencePeakInDanger: referencePeak,
    peakDifference: drillPeak - referencePeak,
    drillDeceased: d.deceased,
    referenceDeceased: r.deceased,
    deceasedDifference: d.deceased - r.deceased,
  };
  const harm =
    `At the peak, ${moreOrFewer(figures.peakDifference, 'residents')} were in danger at once (${formatCount(drillPeak)} against ${formatCount(referencePeak)}); ` +
    `${figures.deceasedDifference === 0 ? `as many died (${formatCount(d.deceased)})` : `${moreOrFewer(figures.deceasedDifference, 'residents')} died (${formatCount(d.deceased)} against ${formatCount(r.deceased)})`}.`;
  if (d.firstOfficialWarningS === null) {
    if (r.firstOfficialWarningS === null) return null;
    return {
      timeS: r.firstOfficialWarningS,
      kind: 'missed',
      title: 'No official warning went out',
      who: null,
      consequence: `In ${pair.referenceIntro} (${ref}) the first went out at ${formatClock(r.firstOfficialWarningS)}. ${harm}`,
      figures,
    };
  }
  const when =
    r.firstOfficialWarningS === null
      ? `; ${pair.referenceIntro} (${ref}) sent none.`
      : `, ${laterOrEarlier(figures.differenceS as number)} in ${pair.referenceIntro} (${ref}, ${formatClock(r.firstOfficialWarningS)}).`;
  return {
    timeS: d.firstOfficialWarningS,
    kind: 'warning',
    title: 'First official warning',
    who: null,
    consequence: `The warning went out at ${formatClock(d.firstOfficialWarningS)}${when} ${harm}`,
    figures,
  };
}

/** A moment of both runs (an alert, the decision to warn): how much later, and the safe share at the drill's moment. */
function momentConsequence(pair: Pair, kind: 'alert' | 'decision', title: string, drillS: number | null, referenceS: number | null): TimelineItem | null {
  if (drillS === null) return null;
  const ref = pair.referenceLabel.name;
  const n = pair.drill.metrics.residents;
  const here = stateAt(pair.drill.metrics, drillS);
  const there = stateAt(pair.reference.metrics, drillS);
  const figures = {
    drillS,
    referenceS,
    differenceS: referenceS === null ? null : drillS - referenceS,
    drillSafe: here.safe,
    referenceSafe: there.safe,
    residents: n,
  };
  const when =
    referenceS === null
      ? `it never happened in ${pair.referenceIntro} (${ref})`
      : `${laterOrEarlier(drillS - referenceS)} in ${pair.referenceIntro} (${ref}, ${formatClock(referenceS)})`;
  const safe = n > 0 ? ` At that moment ${formatPercent(here.safe / n)} of residents were safe, against ${formatPercent(there.safe / n)} in ${ref}.` : '';
  return { timeS: drillS, kind, title, who: null, consequence: `${title} at ${formatClock(drillS)}, ${when}.${safe}`, figures };
}

const DECISION_TITLES: Record<string, string> = {
  orderEvacuation: 'Evacuation ordered',
  mobiliseVolunteers: 'Volunteers mobilised',
  openShelter: 'Shelter opened',
  releaseSupplies: 'Supplies released',
  requestSupport: 'Outside support requested',
};

/** What each governance decision is for, as a difference of the two runs' figures at the end. */
function decisionOutcome(decision: string, d: Metrics, r: Metrics, ref: string): { text: string; figures: Record<string, number | null> } {
  switch (decision) {
    case 'orderEvacuation':
      return {
        text: `By the end ${moreOrFewer(d.safe - r.safe, 'residents')} were safe (${formatCount(d.safe)} against ${formatCount(r.safe)} in ${ref}).`,
        figures: { drillOutcome: d.safe, referenceOutcome: r.safe },
      };
    case 'mobiliseVolunteers':
      return {
        text: `By the end ${moreOrFewer(d.vulnerableSafe - r.vulnerableSafe, 'vulnerable residents')} were safe (${formatCount(d.vulnerableSafe)} against ${formatCount(r.vulnerableSafe)}).`,
        figures: { drillOutcome: d.vulnerableSafe, referenceOutcome: r.vulnerableSafe },
      };
    case 'openShelter':
    case 'releaseSupplies':
      return {
        text: `Supplies delivered against need: ${formatPercent(d.supplyMetShare)}, against ${formatPercent(r.supplyMetShare)} in ${ref}.`,
        figures: { drillOutcome: d.supplyMetShare, referenceOutcome: r.supplyMetShare },
      };
    default:
      return {
        text:
          d.firstSupportArrivalS === null
            ? `No outside support arrived before the end${r.firstSupportArrivalS === null ? '' : ` (in ${ref} the first arrived at ${formatClock(r.firstSupportArrivalS)})`}.`
            : `The first outside support arrived at ${formatClock(d.firstSupportArrivalS)}${r.firstSupportArrivalS === null ? `; none arrived in ${ref}` : `, against ${formatClock(r.firstSupportArrivalS)} in ${ref}`}.`,
        figures: { drillOutcome: d.firstSupportArrivalS, referenceOutcome: r.firstSupportArrivalS },
      };
  }
}

/** Governance decisions of the drill against the same decisions in the reference, and those the drill never took. */
export function governanceItems(pair: Pair): TimelineItem[] {
  const d = pair.drill.metrics;
  const r = pair.reference.metrics;
  const ref = pair.referenceLabel.name;
  const mine = decisionTimes(d);
  const theirs = decisionTimes(r);
  const key = (x: { decision: string; subject: string | null }) => `${x.decision}:${x.subject ?? ''}`;
  const items: TimelineItem[] = [];
  for (const decision of mine) {
    const match = theirs.find((x) => key(x) === key(decision));
    const title = `${DECISION_TITLES[decision.decision] ?? decision.decision}${decision.subject ? ` (${decision.subject})` : ''}`;
    const metric = d.decisions.find((x) => x.decision === decision.decision && x.subject === decision.subject);
    const waited = metric?.approver && metric.approvalWaitS ? ` after waiting ${formatDuration(metric.approvalWaitS)} for ${metric.approver}'s approval` : '';
    const when = match ? `${laterOrEarlier(decision.effectiveS - match.effectiveS)} in ${ref} (${formatClock(match.effectiveS)})` : `${ref} never took it`;
    const outcome = decisionOutcome(decision.decision, d, r, ref);
    items.push({
      timeS: decision.effectiveS,
      kind: 'governance',
      title,
      who: metric?.approver ?? null,
      consequence: `Took effect at ${formatClock(decision.effectiveS)}${waited}, ${when}. ${outcome.text}`,
      figures: {
        drillS: decision.effectiveS,
        referenceS: match?.effectiveS ?? null,
        differenceS: match ? decision.effectiveS - match.effectiveS : null,
        ...outcome.figures,
      },
    });
  }
  for (const decision of theirs) {
    if (mine.some((x) => key(x) === key(decision))) continue;
    const title = `${DECISION_TITLES[decision.decision] ?? decision.decision}${decision.subject ? ` (${decision.subject})` : ''}`;
    const outcome = decisionOutcome(decision.decision, d, r, ref);
    items.push({
      timeS: decision.effectiveS,
      kind: 'missed',
      title: `Not done: ${title}`,
      who: null,
      consequence: `In ${ref} this took effect at ${formatClock(decision.effectiveS)}; in the drill it never did. ${outcome.text}`,
      figures: { drillS: null, referenceS: decision.effectiveS, differenceS: null, ...outcome.figures },
    });
  }
  return items;
}

/** A command or an inject: the state of both runs at that moment, read from their series. */
function momentState(pair: Pair, timeS: number): { text: string; figures: Record<string, number | null> } {
  const n = pair.drill.metrics.residents;
  const here = stateAt(pair.drill.metrics, timeS);
  const there = stateAt(pair.reference.metrics, timeS);
  const figures = {
    drillSafe: here.safe,
    referenceSafe: there.safe,
    drillInformed: here.informed,
    referenceInformed: there.informed,
    drillInDanger: Math.round(here.inDanger),
    referenceInDanger: Math.round(there.inDanger),
  };
  if (n === 0) return { text: '', figures };
  const text =
    `At that moment ${formatPercent(here.safe / n)} of residents were safe and ${formatPercent(here.informed / n)} informed ` +
    `(${formatPercent(there.safe / n)} and ${formatPercent(there.informed / n)} in ${pair.referenceLabel.name}); ` +
    `${formatCount(figures.drillInDanger)} were in danger (${formatCount(figures.referenceInDanger)}).`;
  return { text, figures };
}

/** The drill's commands, each with the state of both runs when it was given. */
export function commandItems(pair: Pair, entries: readonly ReportEntry[]): TimelineItem[] {
  const tickS = pair.drill.tickS;
  return entries.map((entry) => {
    const timeS = entry.tick * tickS;
    const state = momentState(pair, timeS);
    return {
      timeS,
      kind: 'command',
      title: describeCommand(entry.command),
      who: entry.role ? roleName(entry.role) : null,
      consequence: state.text || null,
      figures: { timeS, ...state.figures },
    };
  });
}

/** Injects that fired in the drill, each with the state of both runs at that moment. */
export function injectItems(pair: Pair): TimelineItem[] {
  return pair.drill.injects
    .filter((inject) => inject.firedS !== null)
    .map((inject) => {
      const timeS = inject.firedS as number;
      const state = momentState(pair, timeS);
      return {
        timeS,
        kind: 'inject',
        title: `Inject: ${inject.title}`,
        who: 'facilitator',
        consequence: state.text || null,
        figures: { timeS, ...state.figures },
      };
    });
}

/** The timeline of key decisions: first alert, decision to warn, first warning, governance decisions, commands, injects. */
export function buildTimeline(pair: Pair, entries: readonly ReportEntry[]): TimelineItem[] {
  const d = pair.drill.metrics;
  const r = pair.reference.metrics;
  const items: (TimelineItem | null)[] = [
    momentConsequence(pair, 'alert', 'First report of the real hazard', d.firstRealDetectionS, r.firstRealDetectionS),
    momentConsequence(pair, 'decision', 'Decision to warn', d.decisionS, r.decisionS),
    warningConsequence(pair),
    ...governanceItems(pair),
    ...commandItems(pair, entries),
    ...injectItems(pair),
  ];
  const order: Record<TimelineItem['kind'], number> = { alert: 0, inject: 1, decision: 2, command: 3, governance: 4, warning: 5, missed: 6 };
  return items.filter((x): x is TimelineItem => x !== null).sort((a, b) => a.timeS - b.timeS || order[a.kind] - order[b.kind]);
}

/** "committeeDirector" → "committee director". */
export function roleName(role: string): string {
  return role.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

/** A command in words, as the trainees gave it. */
export function describeCommand(command: Command): string {
  switch (command.kind) {
    case 'evacuate':
      return `Evacuate ${command.zone === 'all' ? 'everyone' : command.zone} to ${command.target}`;
    case 'warn':
      return `Warn ${command.zone === 'all' ? 'everyone' : command.zone} by ${command.channel} (${command.content})`;
    case 'officialUpdate':
      return `Official update on ${command.channel}`;
    case 'closeExit':
      return `Close ${command.place}`;
    case 'openExit':
      return `Open ${command.place}`;
    case 'blockArea':
      return `Block an area${command.reason ? ` (${command.reason})` : ''}`;
    case 'unblockArea':
      return 'Unblock an area';
    case 'message':
      return `Message: ${command.title}`;
    case 'rumour':
      return 'A rumour starts';
    case 'startHazard':
      return `Start hazard ${command.hazard}`;
    case 'activatePlan':
      return command.by ? `Plan activated on the order of ${command.by}` : 'Activate the warning plan';
    case 'assignVolunteers':
      return `Send ${command.team} to ${command.task} in ${command.zone === 'all' ? 'every zone' : command.zone}`;
    case 'startOutage':
      return `Outage ${command.outage} begins`;
    case 'endOutage':
      return `Outage ${command.outage} ends`;
    case 'openShelter':
      return `Open shelter ${command.shelter}`;
    case 'releaseSupplies':
      return 'Release stored supplies';
    case 'requestSupport':
      return `Request ${command.unit}`;
    default:
      return command.kind;
  }
}
