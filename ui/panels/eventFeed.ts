import { byId, el } from '../dom';
import { formatClock } from '../format';
import { type DrillStore, watch } from '../store';

/** Messages and events from the run, newest first, with their simulated time. */
export function mountEventFeed(store: DrillStore): void {
  const list = byId<HTMLOListElement>('event-feed');
  const empty = byId<HTMLParagraphElement>('event-feed-empty');

  watch(
    store,
    (s) => s.feed,
    (feed) => {
      empty.hidden = feed.length > 0;
      list.replaceChildren(
        ...feed
          .slice()
          .reverse()
          .map((entry) =>
            el('li', { className: `event kind-${entry.kind.replace(/[^A-Za-z0-9-]/g, '')}`, attrs: { 'data-key': String(entry.key) } }, [
              el('time', { text: formatClock(entry.timeS) }),
              el('span', { className: 'title', text: entry.title }),
              ...(entry.text ? [el('p', { className: 'text', text: entry.text })] : []),
            ]),
          ),
      );
    },
  );
}
