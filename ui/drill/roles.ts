import type { Command } from '../../sim/index';

/** The trainees' seats at the command post, in the order the start dialog lists them. */
export const TRAINEE_ROLES = ['committeeDirector', 'gridWorkerLead', 'propertyManager', 'volunteerTeamLead'] as const;
export type TraineeRole = (typeof TRAINEE_ROLES)[number];
/** Who gives a command: a trainee, or the facilitator who runs the drill. */
export type Role = TraineeRole | 'facilitator';
export const ROLES = [...TRAINEE_ROLES, 'facilitator'] as const;

/**
 * What a drill command is, as the command panel offers it and permissions name it. Mostly the simulation's
 * command kind; a warning that tells people to leave or to stay inside is an `order`, which only the
 * director may give, while an advisory warning (keep away from an area) is a `warn`.
 */
export type DrillCommandKind =
  | 'order'
  | 'warn'
  | 'officialUpdate'
  | 'assignVolunteers'
  | 'closeExit'
  | 'openExit'
  | 'blockArea'
  | 'unblockArea'
  | 'evacuate'
  | 'activatePlan'
  | 'message'
  | 'rumour'
  | 'startHazard'
  | 'startOutage'
  | 'endOutage'
  | 'openShelter'
  | 'releaseSupplies'
  | 'requestSupport'
  | 'fireInject'
  | 'delayInject'
  | 'skipInject';

/**
 * Which kinds each trainee role may give, as a community command post divides the work: the committee
 * director orders and speaks for the community, the grid worker lead warns households and sends the grid
 * workers, the property manager controls gates and roads on the estate, the volunteer team lead sends the
 * volunteers. The facilitator may give anything, including what the world does (hazards, rumours) and
 * the injects (fire, delay, skip), which no trainee may.
 *
 * Co-governance: the director takes the community's decisions, so may open a shelter, release the stored
 * supplies and ask outside organisations for support. The property manager runs the buildings and the
 * stores on the estate, so may also open a shelter and release supplies, but does not speak for the
 * community to the district. The grid worker and volunteer team leads carry supplies once released; they
 * decide none of the three. Each decision still goes through the community's authority: it may wait for
 * approval from above.
 */
const PERMISSIONS: Record<TraineeRole, readonly DrillCommandKind[]> = {
  committeeDirector: ['order', 'warn', 'officialUpdate', 'activatePlan', 'evacuate', 'openShelter', 'releaseSupplies', 'requestSupport'],
  gridWorkerLead: ['warn', 'assignVolunteers'],
  propertyManager: ['closeExit', 'openExit', 'blockArea', 'unblockArea', 'warn', 'openShelter', 'releaseSupplies'],
  volunteerTeamLead: ['assignVolunteers'],
};

/** The drill kind of a simulation command (see DrillCommandKind). */
export function drillKindOf(command: Command): DrillCommandKind {
  if (command.kind === 'warn') return command.content === 'avoidArea' ? 'warn' : 'order';
  return command.kind as DrillCommandKind;
}

/** Whether `role` may give commands of `kind`. */
export function mayGive(role: Role, kind: DrillCommandKind): boolean {
  return role === 'facilitator' || PERMISSIONS[role].includes(kind);
}

/** The trainee roles that may give `kind` (for the refusal message: who to ask instead). */
export function rolesAllowed(kind: DrillCommandKind): TraineeRole[] {
  return TRAINEE_ROLES.filter((role) => PERMISSIONS[role].includes(kind));
}

/** Whether a string names a role. */
export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
