/** How the feed marks one kind of event: a short tag (readable without colour) and a colour class. */
export interface EventLook {
  tag: string;
  /** CSS class suffix: `tag-${tone}` on the tag, `tone-${tone}` on the entry. */
  tone: string;
}

/**
 * Feed looks by SimEvent kind, grouped by what trainees must tell apart at a glance: danger seen, decisions,
 * official messages, rumours, volunteers, and changes to the site.
 */
const LOOKS: Record<string, EventLook> = {
  alert: { tag: 'ALERT', tone: 'alert' },
  startHazard: { tag: 'HAZARD', tone: 'hazard' },
  activatePlan: { tag: 'DECISION', tone: 'decision' },
  warn: { tag: 'WARNING', tone: 'warning' },
  officialUpdate: { tag: 'UPDATE', tone: 'warning' },
  evacuate: { tag: 'ORDER', tone: 'order' },
  rumour: { tag: 'RUMOUR', tone: 'rumour' },
  assignVolunteers: { tag: 'VOLUNTEERS', tone: 'volunteer' },
  escortDone: { tag: 'VOLUNTEERS', tone: 'volunteer' },
  volunteersDone: { tag: 'VOLUNTEERS', tone: 'volunteer' },
  closeExit: { tag: 'SITE', tone: 'site' },
  openExit: { tag: 'SITE', tone: 'site' },
  blockArea: { tag: 'SITE', tone: 'site' },
  unblockArea: { tag: 'SITE', tone: 'site' },
  message: { tag: 'MESSAGE', tone: 'message' },
};

const OTHER: EventLook = { tag: 'EVENT', tone: 'message' };

/** The feed look of an event kind; kinds this page does not know get a neutral one. */
export function eventLook(kind: string): EventLook {
  return Object.hasOwn(LOOKS, kind) ? LOOKS[kind] : OTHER;
}
