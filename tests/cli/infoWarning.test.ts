import { describe, expect, it } from 'vitest';
import { type HazardInfo, hazardRow } from '../../cli/commands/infoWarning';

describe('drill info hazard rows', () => {
  it('describes an area hazard in words, and one started by an event', () => {
    const area = { id: 'smoke', kind: 'area', name: null, cue: 'smoke', origin: { x: 3, y: 4 }, startS: null, growthMps: 0.2, maxRadiusM: 30 } as HazardInfo;
    expect(hazardRow(area)).toEqual(['smoke', 'area', 'smoke', 'from column 3, row 4, starts on a startHazard event, grows 0.2 m/s up to 30 m']);
  });

  it('lists the fields of other hazard kinds, so new kinds show without changes', () => {
    const other = { id: 'leak', kind: 'gas', name: null, plume: { source: { x: 1, y: 2 } } } as unknown as HazardInfo;
    expect(hazardRow(other)).toEqual(['leak', 'gas', '', 'plume: {"source":{"x":1,"y":2}}']);
  });
});
