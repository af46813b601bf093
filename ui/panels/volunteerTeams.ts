import { byId, el } from '../dom';
import { formatCount } from '../format';
import { type DrillStore, type TeamSummary, watch } from '../store';

/** What each task is called on the panel. */
const TASK_LABELS: Record<string, string> = {
  none: 'no task yet',
  knockDoors: 'knocking on doors',
  escortVulnerable: 'escorting',
  patrol: 'patrolling',
};

/** The figures that matter for the team's task, in words. */
function workDone(team: TeamSummary): string {
  const parts: string[] = [];
  if (team.householdsVisited || team.task === 'knockDoors')
    parts.push(`${formatCount(team.householdsVisited)} doors, ${formatCount(team.residentsReached)} told`);
  if (team.escorted || team.task === 'escortVulnerable') parts.push(`${formatCount(team.escorted)} escorted`);
  if (team.hazardReports || team.task === 'patrol') parts.push(`${formatCount(team.hazardReports)} reports`);
  return parts.join(' · ');
}

/** Volunteer teams: task and what they have done so far. Hidden for scenarios without volunteers. */
export function mountVolunteerTeams(store: DrillStore): void {
  const panel = byId<HTMLElement>('volunteer-panel');
  const list = byId<HTMLUListElement>('volunteer-teams');

  watch(
    store,
    (s) => s.teams,
    (teams) => {
      panel.hidden = teams.length === 0;
      list.replaceChildren(
        ...teams.map((team) =>
          el('li', { className: 'team' }, [
            el('span', { className: 'team-name', text: `${team.name} (${formatCount(team.members)})`, title: team.name }),
            el('span', { className: 'team-task', text: Object.hasOwn(TASK_LABELS, team.task) ? TASK_LABELS[team.task] : team.task }),
            el('span', { className: 'team-work', text: workDone(team) }),
          ]),
        ),
      );
    },
  );
}
