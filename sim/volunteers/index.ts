/** Public surface of the volunteer system: volunteers and grid workers as agents with tasks. */

export { type VolunteerTeamStats, volunteerStats } from './stats';
export { assignVolunteers, stepVolunteers } from './tasks';
export { KNOCK_S_GRID_WORKER, KNOCK_S_VOLUNTEER, VolunteerState, VolunteerTask } from './VolunteerRuntime';
