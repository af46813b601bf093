import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '../../sim/scenario/limits';
import { MIGRATIONS, type Migration, migrateScenario } from '../../sim/scenario/migrate';
import { tinyCourt } from './files';

/** A made-up history: v1 called the cell size "cellSize", v2 renamed it "cellSizeM", v3 added "tickS" to the map. */
const renameCellSize: Migration = {
  from: 1,
  describe: 'rename cellSize to cellSizeM',
  up: ({ cellSize, ...rest }) => ({ ...rest, cellSizeM: cellSize }),
};
const addTick: Migration = {
  from: 2,
  describe: 'add tickS, half a cell at 1 m/s',
  // Reads the key the previous step wrote, so it only works if the steps run in order.
  up: (raw) => ({ ...raw, tickS: (raw.cellSizeM as number) / 2 }),
};

describe('migrateScenario', () => {
  it('applies each step in order of version, whatever the order of the list', () => {
    for (const list of [
      [renameCellSize, addTick],
      [addTick, renameCellSize],
    ]) {
      const { value, errors } = migrateScenario({ schemaVersion: 1, cellSize: 2 }, list, 3);
      expect(errors).toEqual([]);
      expect(value).toEqual({ schemaVersion: 3, cellSizeM: 2, tickS: 1 });
    }
  });

  it('starts from the version in the file', () => {
    const { value } = migrateScenario({ schemaVersion: 2, cellSizeM: 4 }, [renameCellSize, addTick], 3);
    expect(value).toEqual({ schemaVersion: 3, cellSizeM: 4, tickS: 2 });
  });

  it('sets the version even when a step forgets to', () => {
    const { value } = migrateScenario({ schemaVersion: 1, cellSize: 2 }, [renameCellSize], 2);
    expect(value.schemaVersion).toBe(2);
  });

  it('leaves a current file alone', () => {
    const calls: number[] = [];
    const spy: Migration = {
      from: 3,
      describe: 'never needed',
      up: (raw) => {
        calls.push(3);
        return raw;
      },
    };
    const raw = { schemaVersion: 3, cellSizeM: 1 };
    expect(migrateScenario(raw, [spy], 3)).toEqual({ value: raw, errors: [] });
    expect(calls).toEqual([]);
  });

  it('rejects a version newer than this build', () => {
    const { errors } = migrateScenario({ schemaVersion: 4 }, [renameCellSize, addTick], 3);
    expect(errors).toHaveLength(1);
    expect(errors[0].path).toBe('schemaVersion');
    expect(errors[0].message).toContain('schemaVersion 4, newer than');
    expect(errors[0].message).toContain('(3)');
    expect(errors[0].hint).toBeTruthy();
  });

  it('rejects a missing version and says what to add', () => {
    const { errors } = migrateScenario({ cellSizeM: 1 }, [renameCellSize, addTick], 3);
    expect(errors).toEqual([{ path: 'schemaVersion', message: 'schemaVersion is missing', hint: 'add "schemaVersion": 3 at the top' }]);
  });

  it.each([[0], [-1], [1.5], ['1'], [null], [[1]]])('rejects the version %j', (version) => {
    const { errors } = migrateScenario({ schemaVersion: version }, [renameCellSize, addTick], 3);
    expect(errors.map((e) => e.path)).toEqual(['schemaVersion']);
    expect(errors[0].message).toContain('whole number');
  });

  it('reports a gap in the chain by the version that has no step', () => {
    const fromThree: Migration = { from: 3, describe: 'v3 to v4', up: (raw) => raw };
    const { errors } = migrateScenario({ schemaVersion: 1, cellSize: 2 }, [renameCellSize, fromThree], 4);
    expect(errors).toHaveLength(1);
    expect(errors[0].path).toBe('schemaVersion');
    expect(errors[0].message).toBe('no migration from schemaVersion 2');
    expect(errors[0].hint).toContain('4');
  });

  it('the shipped chain reaches the current version from every older one', () => {
    const versions = new Set(MIGRATIONS.map((m) => m.from));
    // A step from every published version below the current one, so no published file is stranded.
    for (let v = 1; v < SCHEMA_VERSION; v++) expect(versions.has(v)).toBe(true);
    const current = tinyCourt();
    expect(migrateScenario(current)).toEqual({ value: current, errors: [] });
  });
});
