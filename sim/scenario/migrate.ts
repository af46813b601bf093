import { SCHEMA_VERSION } from './limits';
import type { ScenarioError } from './ScenarioError';

/** Upgrades a raw scenario object from `from` to `from + 1`. */
export interface Migration {
  from: number;
  describe: string;
  up(raw: Record<string, unknown>): Record<string, unknown>;
}

/** Ordered migrations; version 1 is the first published format, so none exist yet. */
export const MIGRATIONS: readonly Migration[] = [];

/**
 * Bring a raw scenario object to the current schema version by applying migrations in order.
 * Returns errors for versions that are missing, newer than this build, or have no migration path.
 */
export function migrateScenario(
  raw: Record<string, unknown>,
  migrations: readonly Migration[] = MIGRATIONS,
  current: number = SCHEMA_VERSION,
): { value: Record<string, unknown>; errors: ScenarioError[] } {
  const version = raw.schemaVersion;
  if (version === undefined) {
    return {
      value: raw,
      errors: [{ path: 'schemaVersion', message: 'schemaVersion is missing', hint: `add "schemaVersion": ${current} at the top` }],
    };
  }
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return {
      value: raw,
      errors: [{ path: 'schemaVersion', message: `schemaVersion must be a whole number, got ${describeVersion(version)}`, hint: `use ${current}` }],
    };
  }
  if (version > current) {
    return {
      value: raw,
      errors: [
        {
          path: 'schemaVersion',
          message: `this file uses schemaVersion ${version}, newer than this version of Resilience Drill understands (${current})`,
          hint: 'update Resilience Drill, or write the scenario for the older format',
        },
      ],
    };
  }
  let value = raw;
  for (let v = version; v < current; v++) {
    const step = migrations.find((m) => m.from === v);
    if (!step) {
      return {
        value,
        errors: [{ path: 'schemaVersion', message: `no migration from schemaVersion ${v}`, hint: `rewrite the file for schemaVersion ${current}` }],
      };
    }
    value = { ...step.up(value), schemaVersion: v + 1 };
  }
  return { value, errors: [] };
}

/** The version as written, without printing whole objects (a hostile one may be deeply nested). */
function describeVersion(version: unknown): string {
  if (typeof version === 'string') return JSON.stringify(version.slice(0, 40));
  if (typeof version === 'number' || typeof version === 'boolean' || version === null) return String(version);
  return Array.isArray(version) ? 'a list' : 'an object';
}
