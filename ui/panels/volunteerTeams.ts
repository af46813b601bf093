import { byId, el } from '../dom';
import { formatCount } from '../format';
import { type MessageKey, t } from '../i18n/index';
import { type DrillStore, type TeamSummary, watchText } from '../store';

/** What each task is called on the panel (i18n keys). */
const TASK_LABELS: Record<string, MessageKey> = {
  none: 'team.noTask',
  knockDoors: 'team.knocking',
  escortVulnerable: 'team.escorting',
  patrol: 'team.patrolling',
};

/** The figures that matter for the team's task, in words. */
function workDone(team: TeamSummary): string {
  const parts: string[] = [];
  if (team.householdsVisited || team.task === 'knockDoors')
    parts.push(t('team.doors', { doors: formatCount(team.householdsVisited), told: formatCount(team.residentsReached) }));
  if (team.escorted || team.task === 'escortVulnerable') parts.push(t('team.escorted', { n: formatCount(team.escorted) }));
  if (team.hazardReports || team.task === 'patrol') parts.push(t('team.reports', { n: formatCount(team.hazardReports) }));
  return parts.join(' · ');
}

/** Volunteer teams: task and what they have done so far. Hidden for scenarios without volunteers. */
export function mountVolunteerTeams(store: DrillStore): void {
  const panel = byId<HTMLElement>('volunteer-panel');
  const list = byId<HTMLUListElement>('volunteer-teams');

  watchText(
    store,
    (s) => s.teams,
    (teams) => {
      panel.hidden = teams.length === 0;
      list.replaceChildren(
        ...teams.map((team) =>
          el('li', { className: 'team' }, [
            el('span', { className: 'team-name', text: `${team.name} (${formatCount(team.members)})`, title: team.name }),
            el('span', { className: 'team-task', text: Object.hasOwn(TASK_LABELS, team.task) ? t(TASK_LABELS[team.task]) : team.task }),
            el('span', { className: 'team-work', text: workDone(team) }),
          ]),
        ),
      );
    },
  );
}
