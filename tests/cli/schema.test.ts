import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { SCHEMA_PATH, scenarioJsonSchemaText } from '../../cli/scenarioJsonSchema';

const committed = readFileSync(SCHEMA_PATH, 'utf8');
const scenarioFiles = readdirSync('scenarios')
  .filter((name) => name.endsWith('.json') && !name.endsWith('.schema.json'))
  .map((name) => `scenarios/${name}`);

describe('scenarios/scenario.schema.json', () => {
  it('is exactly what the generator makes from the zod schema (run "npm run schema" after changing it)', () => {
    expect(committed).toBe(scenarioJsonSchemaText());
  });

  it('rejects unknown keys and wrong types, as the loader does', () => {
    // z.fromJSONSchema is experimental, but enough to check the exported schema means what the zod one does.
    const schema = z.fromJSONSchema(JSON.parse(committed));
    const court = JSON.parse(readFileSync('scenarios/tiny-court.json', 'utf8'));
    expect(schema.safeParse(court).success).toBe(true);
    expect(schema.safeParse({ ...court, titel: 'typo' }).success).toBe(false);
    const wrongCount = structuredClone(court);
    wrongCount.population.groups[0].count = 'thirty';
    expect(schema.safeParse(wrongCount).success).toBe(false);
    const unknownKind = structuredClone(court);
    unknownKind.places[0].kind = 'castle';
    expect(schema.safeParse(unknownKind).success).toBe(false);
  });

  it.each(scenarioFiles)('%s points editors at it and matches it', (file) => {
    const text = readFileSync(file, 'utf8');
    const scenario = JSON.parse(text);
    expect(Object.keys(scenario)[0]).toBe('$schema');
    expect(scenario.$schema).toBe('./scenario.schema.json');
    expect(z.fromJSONSchema(JSON.parse(committed)).safeParse(scenario).success).toBe(true);
  });
});
