import { describe, expect, it } from 'vitest';
import { type DrillRecord, parseRecord, type RecordResult, scenarioContentHash } from '../../../ui/drill/recordFormat';
import { playLiveDrill } from './liveDrill';

const { record, scenarioText } = playLiveDrill();
const text = JSON.stringify(record, null, 2);

/** Loose JSON, so a test can damage a record any way a file could be damaged. */
// biome-ignore lint/suspicious/noExplicitAny: the tests write wrong values on purpose
type Loose = any;

/** The record as JSON with `change` applied to a copy. */
function variant(change: (r: Loose) => void): string {
  const copy: Loose = structuredClone(record);
  change(copy);
  return JSON.stringify(copy);
}

function errorsOf(result: RecordResult) {
  if (result.ok) throw new Error('expected the record to be refused');
  return result.errors;
}

describe('drill record format', () => {
  it('reads back what it wrote, with every entry and the checkpoint', () => {
    const result = parseRecord(text);
    expect(result.ok).toBe(true);
    const read = (result as { record: DrillRecord }).record;
    expect(read.entries).toHaveLength(6);
    expect(read.entries.map((e) => e.tick)).toEqual([40, 40, 95, 130, 210, 260]);
    expect(read.reached?.tick).toBe(300);
    expect(read).toEqual(record);
  });

  it('accepts a byte-order mark and other indentation', () => {
    expect(parseRecord(`\ufeff${JSON.stringify(record)}`).ok).toBe(true);
  });

  it('names a damaged (cut short) file as not valid JSON, with line and column, and says how to fix it', () => {
    const errors = errorsOf(parseRecord(text.slice(0, 400)));
    expect(errors).toHaveLength(1);
    expect(errors[0].path).toBe('(file)');
    expect(errors[0].message).toMatch(/not valid JSON: .* at line \d+, column \d+; the file is damaged or cut short/);
    expect(errors[0].hint).toContain('export the record again');
  });

  it('says an empty file is empty', () => {
    expect(errorsOf(parseRecord('  \n'))[0]).toMatchObject({ path: '(file)', message: 'the file is empty' });
  });

  it('refuses a newer format version with one error at formatVersion, naming both versions', () => {
    const errors = errorsOf(parseRecord(variant((r) => (r.formatVersion = 2))));
    expect(errors).toEqual([
      {
        path: 'formatVersion',
        message: 'this record has format version 2; this app reads version 1',
        hint: 'open it with the newer version of the app that wrote it',
      },
    ]);
  });

  it('refuses an older or missing format version, suggesting a new export', () => {
    const errors = errorsOf(parseRecord(variant((r) => delete r.formatVersion)));
    expect(errors[0].path).toBe('formatVersion');
    expect(errors[0].message).toContain('format version nothing');
    expect(errors[0].hint).toContain('export the record again');
  });

  it('tells a scenario file apart from a record', () => {
    const errors = errorsOf(parseRecord(scenarioText));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ path: 'format', message: 'this is a scenario file, not a drill record' });
  });

  it('lists each missing field by its path', () => {
    const errors = errorsOf(
      parseRecord(
        variant((r) => {
          delete r.seed;
          delete r.entries[2].tick;
          delete r.scenario.contentHash;
        }),
      ),
    );
    expect(errors.map((e) => e.path).sort()).toEqual(['entries[2].tick', 'scenario.contentHash', 'seed']);
    const seed = errors.find((e) => e.path === 'seed');
    expect(seed?.message).toBe('"seed" is missing');
    expect(seed?.hint).toContain('add it');
  });

  it('names a command of an unknown kind and lists the kinds allowed', () => {
    const errors = errorsOf(parseRecord(variant((r) => (r.entries[1].command = { kind: 'teleport', zone: 'all' }))));
    expect(errors[0].path).toBe('entries[1].command.kind');
    expect(errors[0].message).toBe('unknown kind "teleport"');
    expect(errors[0].hint).toContain('"evacuate"');
  });

  it('refuses a wrong role, a misspelt key and a malformed hash', () => {
    const errors = errorsOf(
      parseRecord(
        variant((r) => {
          r.entries[0].role = 'mayor';
          r.session.nmae = 'x';
          r.reached.stateHash = 'XYZ';
        }),
      ),
    );
    const byPath = Object.fromEntries(errors.map((e) => [e.path, e]));
    expect(byPath['entries[0].role'].message).toBe('"mayor" is not allowed here');
    expect(byPath['session.nmae']).toMatchObject({ message: 'unknown key "nmae"', hint: 'remove it' });
    expect(byPath['reached.stateHash'].message).toBe('expected 16 hexadecimal digits');
  });

  it('refuses commands out of time order, roles not in the session, and an end before the last command', () => {
    const errors = errorsOf(
      parseRecord(
        variant((r) => {
          r.entries[3].tick = 20;
          r.entries[4].role = 'gridWorkerLead';
          r.reached.tick = 100;
        }),
      ),
    );
    expect(errors.map((e) => e.path)).toEqual(['entries[3].tick', 'entries[4].role', 'reached.tick']);
    expect(errors[0].message).toBe("tick 20 comes before the previous command's tick 95");
    expect(errors[1].hint).toBe('add "gridWorkerLead" to session.roles, or export the record again');
    expect(errors[2].message).toContain('before its last command at tick 260');
  });

  it('digests the scenario content, not its layout', () => {
    const hash = scenarioContentHash(scenarioText);
    expect(hash).toMatch(/^[0-9a-f]{16}$/);
    expect(scenarioContentHash(JSON.stringify(JSON.parse(scenarioText), null, 4))).toBe(hash);
    const changed = JSON.parse(scenarioText);
    changed.population.groups[0].count += 1;
    expect(scenarioContentHash(JSON.stringify(changed))).not.toBe(hash);
  });
});
