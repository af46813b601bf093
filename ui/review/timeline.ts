import type { MarkerKind, TimelineMarker } from '../../workers/reviewMarkers';
import { el } from '../dom';
import { formatClock } from '../format';
import { DICTIONARIES, type MessageKey, t } from '../i18n/index';

/** Lanes of the timeline, top to bottom, and what each is called. */
export const MARKER_LANES: readonly { kind: MarkerKind; label: MessageKey }[] = [
  { kind: 'decision', label: 'review.lane.decision' },
  { kind: 'command', label: 'review.lane.command' },
  { kind: 'inject', label: 'review.lane.inject' },
  { kind: 'alert', label: 'review.lane.alert' },
];

/** Marker kinds that "next decision" and "previous decision" step through: the run's and the trainees'. */
export const JUMP_GROUPS: Record<'decision' | 'inject' | 'alert', readonly MarkerKind[]> = {
  decision: ['decision', 'command'],
  inject: ['inject'],
  alert: ['alert'],
};

/** The first marker of `kinds` after `tick` (direction 1) or the last before it (-1), or null. */
export function adjacentMarker(markers: readonly TimelineMarker[], kinds: readonly MarkerKind[], tick: number, direction: 1 | -1): TimelineMarker | null {
  let found: TimelineMarker | null = null;
  for (const m of markers) {
    if (!kinds.includes(m.kind)) continue;
    if (direction === 1 && m.tick > tick && (found === null || m.tick < found.tick)) found = m;
    if (direction === -1 && m.tick < tick && (found === null || m.tick > found.tick)) found = m;
  }
  return found;
}

/** What a command marker is called: its command's name when the dictionary has one. */
function markerLabel(marker: TimelineMarker): string {
  if (marker.kind !== 'command') return marker.label;
  return marker.label
    .split('; ')
    .map((kind) => {
      const key = `command.${kind}`;
      return Object.hasOwn(DICTIONARIES.en, key) ? t(key as MessageKey) : kind;
    })
    .join('; ');
}

/**
 * The review's timeline: lanes of markers (decisions, commands, injects, alerts) over a scrubber. Dragging the
 * scrubber or clicking a marker asks to seek; `setTick` moves the scrubber when the run moves.
 */
export class ReviewTimeline {
  readonly element: HTMLElement;
  private readonly lanes: HTMLElement;
  private readonly scrubber: HTMLInputElement;
  private markers: TimelineMarker[] = [];
  private endTick = 1;
  private tickS = 1;
  private dragging = false;

  constructor(private readonly onSeek: (tick: number) => void) {
    this.lanes = el('div', { className: 'timeline-lanes' });
    this.scrubber = el('input', {
      className: 'timeline-scrubber',
      attrs: { id: 'review-scrubber', type: 'range', min: '0', max: '1', step: '1', value: '0', 'data-i18n-aria-label': 'review.scrubber' },
    });
    this.element = el('div', { className: 'review-timeline-track' }, [this.lanes, this.scrubber]);
    this.scrubber.addEventListener('input', () => this.onSeek(Number(this.scrubber.value)));
    this.scrubber.addEventListener('pointerdown', () => {
      this.dragging = true;
    });
    const release = () => {
      this.dragging = false;
    };
    this.scrubber.addEventListener('pointerup', release);
    this.scrubber.addEventListener('pointercancel', release);
  }

  /** Markers of a newly opened review from tick 0 to `endTick`. */
  show(markers: TimelineMarker[], endTick: number, tickS: number): void {
    this.markers = markers;
    this.endTick = Math.max(1, endTick);
    this.tickS = tickS;
    this.scrubber.max = String(endTick);
    this.scrubber.value = '0';
    this.render();
  }

  /** Where the run is now; the scrubber stays with the hand while dragged. */
  setTick(tick: number): void {
    if (!this.dragging) this.scrubber.value = String(tick);
  }

  /** Draw the lanes again (language changed). */
  render(): void {
    this.lanes.replaceChildren();
    for (const lane of MARKER_LANES) {
      const track = el('div', { className: 'lane-track' });
      for (const marker of this.markers) {
        if (marker.kind !== lane.kind) continue;
        const label = markerLabel(marker);
        const button = el('button', {
          className: 'review-marker',
          title: `${formatClock(marker.timeS)} · ${label}`,
          attrs: {
            type: 'button',
            'data-kind': marker.kind,
            'data-tick': String(marker.tick),
            'aria-label': `${t(lane.label)} ${formatClock(marker.timeS)}: ${label}`,
          },
        });
        button.style.left = `${(marker.tick / this.endTick) * 100}%`;
        button.addEventListener('click', () => this.onSeek(marker.tick));
        track.append(button);
      }
      this.lanes.append(el('div', { className: `lane lane-${lane.kind}` }, [el('span', { className: 'lane-label', text: t(lane.label) }), track]));
    }
  }

  /** The marker of one jump group next to `tick`, or null. */
  adjacent(group: keyof typeof JUMP_GROUPS, tick: number, direction: 1 | -1): TimelineMarker | null {
    return adjacentMarker(this.markers, JUMP_GROUPS[group], tick, direction);
  }

  get timeS(): number {
    return Number(this.scrubber.value) * this.tickS;
  }
}
