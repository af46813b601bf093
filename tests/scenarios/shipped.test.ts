import { dirname, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeErrors, loadScenarioText } from '../../sim/index';
import { readText, shippedScenarioFiles, shortName } from './files';

const files = shippedScenarioFiles();

describe('shipped scenarios', () => {
  it('include the default community and the guide example', () => {
    const names = files.map(shortName);
    expect(names).toContain('old-compound.json');
    expect(names).toContain('tiny-court.json');
  });

  it.each(files.map((f) => [shortName(f), f]))('%s loads without errors', (_name, file) => {
    const result = loadScenarioText(readText(file));
    // describeErrors in the failure message says what to fix.
    expect(result.ok, result.ok ? '' : describeErrors(result.errors)).toBe(true);
  });

  it.each(files.map((f) => [shortName(f), f]))('%s starts with a "$schema" key for editor completion', (_name, file) => {
    const parsed = JSON.parse(readText(file));
    expect(Object.keys(parsed)[0]).toBe('$schema');
    // Relative to the file, so editors find the schema wherever the repository is checked out.
    expect(resolve(dirname(file), parsed.$schema)).toBe(resolve('scenarios/scenario.schema.json'));
  });
});
