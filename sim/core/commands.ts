import { z } from 'zod';
import { formatPath } from '../scenario/ScenarioError';
import { actionSchemas, type ScenarioAction } from '../scenario/schema';
import type { Grid } from '../space/Grid';

const commandSchema = z.discriminatedUnion('kind', [...actionSchemas]);

/** A command that cannot be applied; the message says why, for the person who gave it. */
export class CommandError extends Error {
  override name = 'CommandError';
}

/**
 * Check a live command against the command schema and the scenario's places; returns it with defaults
 * filled in, or throws a CommandError.
 */
export function validateCommand(grid: Grid, command: unknown): ScenarioAction {
  const parsed = commandSchema.safeParse(command);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new CommandError(`invalid command at ${formatPath(issue.path)}: ${issue.message}`);
  }
  const action = parsed.data;
  const need = (id: string, kinds: string[]) => {
    const place = grid.placeById.get(id);
    if (!place || !kinds.includes(place.kind)) throw new CommandError(`no ${kinds.join(' or ')} "${id}" in this scenario`);
  };
  switch (action.kind) {
    case 'evacuate':
      if (action.zone !== 'all') need(action.zone, ['zone', 'building']);
      if (!action.target.startsWith('nearest-')) need(action.target, ['exit', 'shelter']);
      break;
    case 'closeExit':
    case 'openExit':
      need(action.place, ['exit', 'shelter']);
      break;
    case 'blockArea':
    case 'unblockArea':
      if (action.rect.x + action.rect.w > grid.width || action.rect.y + action.rect.h > grid.height) throw new CommandError('the area reaches beyond the map');
      break;
    case 'message':
      break;
  }
  return action;
}
