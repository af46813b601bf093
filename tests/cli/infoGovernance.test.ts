import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { drill } from './drill';

const raw = JSON.parse(readFileSync('scenarios/old-compound.json', 'utf8'));

describe('drill info: organisations and injects', () => {
  it('lists every organisation with its chain, approvals and units, the stores and the injects as JSON', () => {
    const r = drill('info', 'scenarios/old-compound.json', '--json');
    expect(r.code).toBe(0);
    const info = JSON.parse(r.stdout);
    expect(info.governance.community).toBe(raw.governance.community);
    expect(info.governance.organisations.map((o: { id: string }) => o.id)).toEqual(raw.governance.organisations.map((o: { id: string }) => o.id));
    const street = info.governance.organisations.find((o: { id: string }) => o.id === 'street-office');
    expect(street).toMatchObject({
      reportsTo: 'district',
      approves: raw.governance.organisations.find((o: { id: string }) => o.id === 'street-office').approves,
    });
    expect(info.governance.stores.length).toBe(raw.governance.stores.length);
    expect(info.injects.map((i: { id: string }) => i.id)).toEqual(raw.injects.map((i: { id: string }) => i.id));
  });

  it("prints the organisations, the command post and the strategies' governance levers", () => {
    const r = drill('info', 'scenarios/old-compound.json');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Organisations (${raw.governance.organisations.length})`);
    expect(r.stdout).toContain('committee (command post)');
    expect(r.stdout).toMatch(/Autonomy\s+low/);
    expect(r.stdout).toMatch(/Data platform\s+on/);
    expect(r.stdout).toContain(`Injects (${raw.injects.length})`);
  });

  it('shows no organisations for a scenario without them', () => {
    const r = drill('info', 'scenarios/tiny-court.json', '--json');
    expect(JSON.parse(r.stdout).governance).toBeNull();
  });
});
