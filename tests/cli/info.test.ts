import { describe, expect, it } from 'vitest';
import { drill } from './drill';

describe('drill info', () => {
  it('lists places, groups, strategies and timeline by id', () => {
    const r = drill('info', 'scenarios/tiny-court.json');
    expect(r.code).toBe(0);
    for (const id of ['block-a', 'block-b', 'north-gate', 'clinic', 'west-side', 'adults', 'elderly', 'as-drawn', 'gate-only']) {
      expect(r.stdout).toMatch(new RegExp(`^\\s+${id}\\s`, 'm'));
    }
    expect(r.stdout).toMatch(/^Residents\s+36 in 2 groups$/m);
    expect(r.stdout).toMatch(/^\s+20 s\s+evacuate\s+everyone → nearest-safe/m);
  });

  it('prints the same as JSON with --json', () => {
    const r = drill('info', 'scenarios/tiny-court.json', '--json');
    expect(r.code).toBe(0);
    const info = JSON.parse(r.stdout);
    expect(info.id).toBe('tiny-court');
    expect(info.residents).toBe(36);
    expect(info.map).toEqual({ widthCells: 20, heightCells: 8, cellSizeM: 1 });
    expect(info.places.map((p: { id: string }) => p.id)).toEqual(['block-a', 'block-b', 'north-gate', 'clinic', 'west-side']);
    expect(info.groups.map((g: { id: string; count: number }) => [g.id, g.count])).toEqual([
      ['adults', 30],
      ['elderly', 6],
    ]);
    expect(info.strategies.map((s: { id: string }) => s.id)).toEqual(['as-drawn', 'gate-only']);
    expect(info.strategies[1].timeline).toEqual([{ atS: 0, kind: 'closeExit', what: 'clinic' }]);
    expect(info.timeline.map((e: { atS: number; kind: string }) => [e.atS, e.kind])).toEqual([
      [10, 'message'],
      [20, 'evacuate'],
    ]);
  });
});
