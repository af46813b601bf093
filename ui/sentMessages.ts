import type { SimEvent } from '../sim/index';
import type { SentMessage, SentMessages } from './store';

/** Official messages kept for the warning panel; the count goes on past it. */
export const SENT_LIMIT = 50;

/** Nothing sent yet: the start of every run. */
export const NO_SENT: SentMessages = Object.freeze({ count: 0, latest: [] });

// The titles sim/systems/actions.ts gives these events; channel ids are letters, digits, '-', '_' and '.'.
const WARNING_TITLE = /^Warning on ([A-Za-z0-9][\w.-]*): /;
const UPDATE_TITLE = /^Official update on ([A-Za-z0-9][\w.-]*)$/;

/** The official message an event records (a warning or an update, and its channel id), or null for other events. */
export function sentMessageOf(event: SimEvent): Pick<SentMessage, 'kind' | 'channel'> | null {
  if (event.kind === 'warn') return { kind: 'warn', channel: WARNING_TITLE.exec(event.title)?.[1] ?? null };
  if (event.kind === 'officialUpdate') return { kind: 'officialUpdate', channel: UPDATE_TITLE.exec(event.title)?.[1] ?? null };
  return null;
}

/** `previous` with the official messages among `events` added; `previous` again when there were none. */
export function sentOf(previous: SentMessages, events: readonly SimEvent[]): SentMessages {
  let count = previous.count;
  const added: SentMessage[] = [];
  for (const event of events) {
    const message = sentMessageOf(event);
    if (message) added.push({ ...message, key: count++, timeS: event.timeS });
  }
  if (added.length === 0) return previous;
  return { count, latest: [...previous.latest, ...added].slice(-SENT_LIMIT) };
}
