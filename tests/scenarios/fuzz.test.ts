import { describe, expect, it } from 'vitest';
import { type LoadResult, loadScenarioObject, loadScenarioText } from '../../sim/index';
import { readText, shippedScenarioFiles, shortName } from './files';
import { type FuzzInput, fuzzInput } from './fuzzInput';

/** Mutated copies per shipped scenario; with about twenty scenarios the whole file runs in about fifteen seconds. */
const COPIES = 1000;

function load(input: FuzzInput): LoadResult {
  return input.kind === 'text' ? loadScenarioText(input.text) : loadScenarioObject(input.doc);
}

/** Why a result breaks the loader's contract, or null when it keeps it. */
function contractBreach(result: LoadResult): string | null {
  if (result.ok) return typeof result.scenario === 'object' ? null : 'ok without a scenario';
  if (!Array.isArray(result.errors) || result.errors.length === 0) return 'failed without errors';
  for (const e of result.errors) {
    if (typeof e.path !== 'string' || e.path.length === 0) return `an error without a path: ${JSON.stringify(e)}`;
    if (typeof e.message !== 'string' || e.message.length === 0) return `an error without a message: ${JSON.stringify(e)}`;
    if (e.hint !== undefined && (typeof e.hint !== 'string' || e.hint.length === 0)) return `an empty hint: ${JSON.stringify(e)}`;
  }
  return null;
}

describe('scenario loader fuzz', () => {
  it.each(shippedScenarioFiles().map((f) => [shortName(f), f]))('%s: mutated copies never crash the loader', (name, file) => {
    const text = readText(file);
    const breaches: string[] = [];
    let valid = 0;
    for (let i = 0; i < COPIES; i++) {
      const input = fuzzInput(name, text, i);
      let result: LoadResult;
      try {
        result = load(input);
      } catch (error) {
        breaches.push(`copy ${i} threw: ${error instanceof Error ? error.message : String(error)}`);
        continue;
      }
      const breach = contractBreach(result);
      if (breach) breaches.push(`copy ${i}: ${breach}`);
      if (result.ok) valid++;
    }
    // Replay a failure with fuzzInput(name, text, i), then keep it below as a named regression.
    expect(breaches).toEqual([]);
    // Some copies must survive validation, or the semantic check would never be fuzzed.
    expect(valid).toBeGreaterThan(0);
  });
});

describe('fuzz regressions', () => {
  const deep = (n: number) => `${'{"kind":'.repeat(n)}1${'}'.repeat(n)}`;

  it('a discriminator holding a deeply nested object (printing it overflowed the stack)', () => {
    const result = loadScenarioText(`{"schemaVersion":1,"places":[${deep(10_000)}]}`);
    expect(contractBreach(result)).toBeNull();
    expect(result.ok ? [] : result.errors.map((e) => e.path)).toContain('places[0].kind');
  });

  it('a schemaVersion holding a deeply nested list (printing it overflowed the stack)', () => {
    const result = loadScenarioText(`{"schemaVersion":${'['.repeat(100_000)}${']'.repeat(100_000)}}`);
    expect(result.ok ? [] : result.errors.map((e) => e.message)).toEqual(['schemaVersion must be a whole number, got a list']);
  });

  it('deep lists where text, objects and points belong', () => {
    const lists = '['.repeat(100_000) + ']'.repeat(100_000);
    for (const text of [
      `{"schemaVersion":1,"id":${lists}}`,
      `{"schemaVersion":1,"map":{"legend":{"a":${lists}}}}`,
      `{"schemaVersion":1,"population":{"groups":[{"placement":{"kind":"points","pointsM":${lists}}}]}}`,
    ]) {
      expect(contractBreach(loadScenarioText(text))).toBeNull();
    }
  });
});
