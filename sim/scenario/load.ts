import type { z } from 'zod';
import { checkScenario } from './check';
import { LIMITS } from './limits';
import { migrateScenario } from './migrate';
import { formatPath, type ScenarioError } from './ScenarioError';
import { type Scenario, scenarioSchema } from './schema';

export type LoadResult = { ok: true; scenario: Scenario } | { ok: false; errors: ScenarioError[] };

/** Largest scenario file accepted, in characters (about 64 MiB). */
export const MAX_SCENARIO_CHARS = 64 * 1024 * 1024;

/**
 * Parse, migrate, validate and check a scenario file's text.
 * Never throws for bad input: every problem comes back as an error with a JSON path.
 */
export function loadScenarioText(text: string): LoadResult {
  if (text.length > MAX_SCENARIO_CHARS) {
    return fail('(file)', `the file is larger than ${MAX_SCENARIO_CHARS / 1024 / 1024} MiB`, 'split the map or lower the resolution');
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return fail('(file)', `this is not valid JSON: ${describeJsonError(text, error)}`, 'check for a missing comma, quote or bracket near that place');
  }
  return loadScenarioObject(raw);
}

/** Validate an already parsed scenario object (see `loadScenarioText`). */
export function loadScenarioObject(raw: unknown): LoadResult {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return fail('(file)', 'a scenario file must hold one JSON object { ... }', 'start from scenarios/tiny-court.json');
  }
  const migrated = migrateScenario(raw as Record<string, unknown>);
  if (migrated.errors.length) return { ok: false, errors: migrated.errors };
  const parsed = scenarioSchema.safeParse(migrated.value);
  if (!parsed.success) return { ok: false, errors: parsed.error.issues.slice(0, 50).map(toScenarioError) };
  const errors = checkScenario(parsed.data);
  return errors.length ? { ok: false, errors } : { ok: true, scenario: parsed.data };
}

/** Like `loadScenarioText` but throws an Error listing every problem; for tests and tools. */
export function loadScenarioOrThrow(text: string): Scenario {
  const result = loadScenarioText(text);
  if (!result.ok) throw new Error(result.errors.map((e) => `${e.path}: ${e.message}${e.hint ? ` (${e.hint})` : ''}`).join('\n'));
  return result.scenario;
}

function fail(path: string, message: string, hint?: string): LoadResult {
  return { ok: false, errors: [{ path, message, hint }] };
}

function describeJsonError(text: string, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const position = /position (\d+)/.exec(message);
  if (!position) return message;
  const offset = Number(position[1]);
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return `${message.replace(/ in JSON at position \d+.*$/, '')} at line ${line}, column ${column}`;
}

function toScenarioError(issue: z.core.$ZodIssue): ScenarioError {
  const path = formatPath(issue.path);
  switch (issue.code) {
    case 'unrecognized_keys': {
      const keys = issue.keys.map((k) => `"${k}"`).join(', ');
      return { path, message: `unknown key ${keys}`, hint: 'check the spelling against the scenario guide, or remove it' };
    }
    case 'invalid_type': {
      if (issue.input === undefined) return { path, message: `${lastKey(issue.path)} is missing`, hint: `add it (${issue.expected})` };
      return {
        path,
        message: `expected ${issue.expected}, got ${typeName(issue.input)}`,
        hint: issue.message.startsWith('Invalid input') ? undefined : issue.message,
      };
    }
    case 'invalid_union': {
      const discriminator = 'discriminator' in issue ? (issue as { discriminator?: string }).discriminator : undefined;
      if (discriminator) {
        return {
          path: formatPath([...issue.path, discriminator]),
          message: `unknown or missing "${discriminator}"`,
          hint: 'see the scenario guide for the kinds allowed here',
        };
      }
      return { path, message: 'this value has none of the allowed forms', hint: 'see the scenario guide for this field' };
    }
    case 'invalid_value':
      return {
        path,
        message: `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`,
        hint: issue.message.startsWith('Invalid') ? undefined : issue.message,
      };
    case 'too_big':
    case 'too_small':
      return { path, message: issue.message.startsWith('Too') ? rangeMessage(issue) : issue.message };
    default:
      return { path, message: issue.message };
  }
}

function rangeMessage(issue: z.core.$ZodIssueTooBig | z.core.$ZodIssueTooSmall): string {
  const limit = 'maximum' in issue ? `at most ${String(issue.maximum)}` : `at least ${String(issue.minimum)}`;
  const unit = issue.origin === 'array' ? ' items' : issue.origin === 'string' ? ' characters' : '';
  return `must be ${limit}${unit}`;
}

function lastKey(path: readonly PropertyKey[]): string {
  const key = path[path.length - 1];
  return key === undefined ? 'a value' : `"${String(key)}"`;
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'number' && !Number.isFinite(value)) return 'a number that is not finite';
  return typeof value === 'object' ? 'an object' : `${typeof value} ${JSON.stringify(value)?.slice(0, 40)}`;
}

export { LIMITS };
