import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { SCHEMA_VERSION, scenarioSchema } from '../sim/index';

/** Where editors find the schema: scenario files start with "$schema": "./scenario.schema.json". */
export const SCHEMA_PATH = fileURLToPath(new URL('../scenarios/scenario.schema.json', import.meta.url));

/**
 * The JSON Schema of scenario files, generated from the zod schema (the single source of truth) as the
 * author writes them: `io: 'input'` leaves fields with defaults optional. Refinements JSON Schema cannot
 * express become `{}` rather than failing; the loader still checks them.
 */
export function scenarioJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(scenarioSchema, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' });
  const { $schema, ...rest } = generated;
  return {
    $schema,
    title: `Resilience Drill scenario (schemaVersion ${SCHEMA_VERSION})`,
    description: 'Generated from sim/scenario/schema.ts by "npm run schema"; do not edit by hand.',
    ...rest,
  };
}

/** The schema file's text: two-space JSON with a final newline, so regenerating an unchanged schema changes no byte. */
export function scenarioJsonSchemaText(): string {
  return `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`;
}
