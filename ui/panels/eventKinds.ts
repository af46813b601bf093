import { type MessageKey, t } from '../i18n/index';

/** How the feed marks one kind of event: a short tag (readable without colour) and a colour class. */
export interface EventLook {
  tag: string;
  /** CSS class suffix: `tag-${tone}` on the tag, `tone-${tone}` on the entry. */
  tone: string;
}

/**
 * Feed looks by SimEvent kind, grouped by what trainees must tell apart at a glance: danger seen, decisions,
 * official messages, rumours, volunteers, and changes to the site. Tags are i18n keys.
 */
const LOOKS: Record<string, { tag: MessageKey; tone: string }> = {
  alert: { tag: 'tag.alert', tone: 'alert' },
  startHazard: { tag: 'tag.hazard', tone: 'hazard' },
  activatePlan: { tag: 'tag.decision', tone: 'decision' },
  warn: { tag: 'tag.warning', tone: 'warning' },
  officialUpdate: { tag: 'tag.update', tone: 'warning' },
  evacuate: { tag: 'tag.order', tone: 'order' },
  rumour: { tag: 'tag.rumour', tone: 'rumour' },
  assignVolunteers: { tag: 'tag.volunteers', tone: 'volunteer' },
  escortDone: { tag: 'tag.volunteers', tone: 'volunteer' },
  volunteersDone: { tag: 'tag.volunteers', tone: 'volunteer' },
  closeExit: { tag: 'tag.site', tone: 'site' },
  openExit: { tag: 'tag.site', tone: 'site' },
  blockArea: { tag: 'tag.site', tone: 'site' },
  unblockArea: { tag: 'tag.site', tone: 'site' },
  message: { tag: 'tag.message', tone: 'message' },
  // Injects stand out: they are what the facilitator brings into the drill for the trainees.
  inject: { tag: 'tag.inject', tone: 'inject' },
  openShelter: { tag: 'tag.site', tone: 'site' },
  releaseSupplies: { tag: 'tag.decision', tone: 'decision' },
};

const OTHER = { tag: 'tag.event', tone: 'message' } as const;

/** The feed look of an event kind, in the current language; kinds this page does not know get a neutral one. */
export function eventLook(kind: string): EventLook {
  const look = Object.hasOwn(LOOKS, kind) ? LOOKS[kind] : OTHER;
  return { tag: t(look.tag), tone: look.tone };
}
