import { describe, expect, it } from 'vitest';
import { loadScenarioObject, type ScenarioError } from '../../sim/index';
import { hallInput } from './hall';

function errorsOf(injects: unknown[]): ScenarioError[] {
  const result = loadScenarioObject(hallInput({ injects }));
  if (result.ok) throw new Error('expected the scenario to be rejected');
  return result.errors;
}

describe('invalid injects get clear errors naming the place and the fix', () => {
  it('a crowding condition on a place that does not exist', () => {
    const [e] = errorsOf([{ id: 'crowd', title: 'Crowd', condition: { kind: 'crowding', place: 'east-gate', abovePersonsPerM2: 4, forS: 60 } }]);
    expect(e.path).toBe('injects[0].condition.place');
    expect(e.message).toBe('no zone or building or exit or shelter has the id "east-gate"');
    expect(e.hint).toContain('gate, west-half');
  });

  it('a crowding condition with both a place and a rectangle, or neither', () => {
    for (const condition of [
      { kind: 'crowding', place: 'gate', rect: { x: 1, y: 1, w: 2, h: 2 }, abovePersonsPerM2: 2 },
      { kind: 'crowding', abovePersonsPerM2: 2 },
    ]) {
      const [e] = errorsOf([{ id: 'crowd', title: 'Crowd', condition }]);
      expect(e.path).toBe('injects[0].condition');
      expect(e.message).toBe('a crowding condition measures either a place or a rectangle');
    }
  });

  it('a rectangle off the map, a rectangle of wall, and a density no crowd reaches', () => {
    expect(errorsOf([{ id: 'c', title: 'C', condition: { kind: 'crowding', rect: { x: 20, y: 0, w: 10, h: 2 }, abovePersonsPerM2: 2 } }])[0]).toMatchObject({
      path: 'injects[0].condition.rect',
      message: expect.stringContaining('reaches beyond the map (24 columns × 9 rows)'),
    });
    expect(errorsOf([{ id: 'c', title: 'C', condition: { kind: 'crowding', rect: { x: 0, y: 0, w: 24, h: 1 }, abovePersonsPerM2: 2 } }])[0]).toMatchObject({
      path: 'injects[0].condition',
      message: 'there is no walkable ground to measure the crowd on here',
    });
    expect(errorsOf([{ id: 'c', title: 'C', condition: { kind: 'crowding', place: 'gate', abovePersonsPerM2: 6 } }])[0]).toMatchObject({
      path: 'injects[0].condition.abovePersonsPerM2',
      message: 'crowds are at most 5.4 persons/m² (the jam density)',
    });
  });

  it('a metric without a threshold, a share written as a percentage, a range that cannot hold', () => {
    const errors = errorsOf([
      { id: 'a', title: 'A', condition: { kind: 'metric', metric: 'deceased' } },
      { id: 'b', title: 'B', condition: { kind: 'metric', metric: 'safeShare', atLeast: 50 } },
      { id: 'c', title: 'C', condition: { kind: 'metric', metric: 'injured', atLeast: 5, atMost: 2 } },
    ]);
    expect(errors.map((e) => [e.path, e.message])).toEqual([
      ['injects[0].condition', 'the condition on deceased has no threshold'],
      ['injects[1].condition.atLeast', 'safeShare is a share between 0 and 1'],
      ['injects[2].condition.atMost', 'atMost (2) is below atLeast (5): it can never hold'],
    ]);
    expect(errors[1].hint).toBe('write 0.5 for 50%');
  });

  it('an inject after one that does not exist, after itself, or injects waiting for each other', () => {
    expect(errorsOf([{ id: 'a', title: 'A', condition: { kind: 'after', inject: 'b' } }])[0]).toMatchObject({
      path: 'injects[0].condition.inject',
      message: 'no inject has the id "b"',
      hint: 'use one of: a',
    });
    expect(errorsOf([{ id: 'a', title: 'A', condition: { kind: 'after', inject: 'a' } }])[0].message).toBe('an inject cannot wait for itself');
    const [ring] = errorsOf([
      { id: 'a', title: 'A', condition: { kind: 'after', inject: 'c' } },
      { id: 'b', title: 'B', condition: { kind: 'after', inject: 'a' } },
      { id: 'c', title: 'C', condition: { kind: 'after', inject: 'b' } },
    ]);
    expect(ring).toMatchObject({ path: 'injects[0].condition.inject', message: 'injects "a", "c", "b" wait for each other, so none of them would ever fire' });
  });

  it('repeated ids, a zone that does not exist, and effects that name nothing', () => {
    const errors = errorsOf([
      { id: 'a', title: 'A', atS: 10 },
      { id: 'a', title: 'Again', atS: 20, condition: { kind: 'stillHome', zone: 'riverside', shareAtLeast: 0.5 } },
      {
        id: 'b',
        title: 'B',
        atS: 30,
        effects: [
          { kind: 'message', title: 'fine' },
          { kind: 'closeExit', place: 'north-gate' },
        ],
      },
    ]);
    expect(errors.map((e) => [e.path, e.message])).toEqual([
      ['injects[1].id', 'another inject already has the id "a"'],
      ['injects[1].condition.zone', 'no zone or building has the id "riverside"'],
      ['injects[2].effects[1].place', 'no exit or shelter has the id "north-gate"'],
    ]);
  });

  it('an effect that is not an action, and an inject command in effects', () => {
    for (const kind of ['explode', 'fireInject']) {
      const [e] = errorsOf([{ id: 'a', title: 'A', effects: [{ kind, inject: 'a' }] }]);
      expect(e.path).toBe('injects[0].effects[0].kind');
    }
  });
});
