import { z } from 'zod';
import { checkActionRefs } from '../scenario/check';
import { requireId, warningIdsOf } from '../scenario/checkWarning';
import type { ScenarioError } from '../scenario/ScenarioError';
import { formatPath } from '../scenario/ScenarioError';
import { actionSchemas, type Scenario, type ScenarioAction } from '../scenario/schema';
import type { Grid } from '../space/Grid';

const commandSchema = z.discriminatedUnion('kind', [...actionSchemas]);

/** A command that cannot be applied; the message says why, for the person who gave it. */
export class CommandError extends Error {
  override name = 'CommandError';
}

/**
 * Check a live command against the command schema and the ids of the scenario (places, channels,
 * hazards, volunteer teams), with the same rules as the scenario's timeline; returns it with defaults
 * filled in, or throws a CommandError.
 */
export function validateCommand(scenario: Scenario, grid: Grid, command: unknown): ScenarioAction {
  const parsed = commandSchema.safeParse(command);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new CommandError(`invalid command at ${formatPath(issue.path)}: ${issue.message}`);
  }
  const errors: ScenarioError[] = [];
  checkActionRefs(parsed.data, 'command', grid, warningIdsOf(scenario), errors);
  // injects: begin
  const action = parsed.data;
  if (action.kind === 'fireInject' || action.kind === 'delayInject' || action.kind === 'skipInject') {
    requireId(
      action.inject,
      scenario.injects.map((inject) => inject.id),
      'inject',
      'command.inject',
      errors,
    );
  }
  // injects: end
  if (errors.length) throw new CommandError(`${errors[0].message}${errors[0].hint ? ` (${errors[0].hint})` : ''}`);
  return parsed.data;
}
