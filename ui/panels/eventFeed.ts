import { byId, el } from '../dom';
import { formatClock } from '../format';
import { type DrillStore, watchText } from '../store';
import { eventLook } from './eventKinds';

/** Messages and events from the run, newest first, with their simulated time and a tag and colour by kind. */
export function mountEventFeed(store: DrillStore): void {
  const list = byId<HTMLOListElement>('event-feed');
  const empty = byId<HTMLParagraphElement>('event-feed-empty');

  watchText(
    store,
    (s) => s.feed,
    (feed) => {
      empty.hidden = feed.length > 0;
      list.replaceChildren(
        ...feed
          .slice()
          .reverse()
          .map((entry) => {
            const look = eventLook(entry.kind);
            return el('li', { className: `event tone-${look.tone}`, attrs: { 'data-key': String(entry.key), 'data-kind': entry.kind } }, [
              el('div', { className: 'event-head' }, [
                el('time', { text: formatClock(entry.timeS) }),
                el('span', { className: `tag tag-${look.tone}`, text: look.tag }),
              ]),
              el('span', { className: 'title', text: entry.title }),
              ...(entry.text ? [el('p', { className: 'text', text: entry.text })] : []),
            ]);
          }),
      );
    },
  );
}
