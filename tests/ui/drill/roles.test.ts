import { describe, expect, it } from 'vitest';
import { COMMAND_FORMS, LIVE_INJECT_FORMS } from '../../../ui/drill/commandForms';
import { type DrillCommandKind, drillKindOf, mayGive, ROLES, rolesAllowed, TRAINEE_ROLES } from '../../../ui/drill/roles';

/** The division of work at the command post, written out from the issue, not from the code. */
const EXPECTED: Record<(typeof TRAINEE_ROLES)[number], DrillCommandKind[]> = {
  committeeDirector: ['order', 'warn', 'officialUpdate', 'activatePlan', 'evacuate', 'openShelter', 'releaseSupplies', 'requestSupport'],
  gridWorkerLead: ['warn', 'assignVolunteers'],
  propertyManager: ['closeExit', 'openExit', 'blockArea', 'unblockArea', 'warn', 'openShelter', 'releaseSupplies'],
  volunteerTeamLead: ['assignVolunteers'],
};
const PANEL_KINDS = COMMAND_FORMS.map((form) => form.kind);

describe('drill roles', () => {
  it('has the four trainee seats of the issue and the facilitator', () => {
    expect([...TRAINEE_ROLES]).toEqual(['committeeDirector', 'gridWorkerLead', 'propertyManager', 'volunteerTeamLead']);
    expect([...ROLES]).toEqual([...TRAINEE_ROLES, 'facilitator']);
  });

  it.each(TRAINEE_ROLES)('%s may give exactly its own commands of the panel', (role) => {
    const allowed = PANEL_KINDS.filter((kind) => mayGive(role, kind));
    expect(allowed.sort()).toEqual(EXPECTED[role].filter((kind) => PANEL_KINDS.includes(kind)).sort());
  });

  it('lets the facilitator give every command, including what the world does', () => {
    for (const kind of [...PANEL_KINDS, 'rumour', 'startHazard', 'message', 'startOutage', 'fireInject', 'delayInject', 'skipInject'] as DrillCommandKind[])
      expect(mayGive('facilitator', kind)).toBe(true);
    for (const role of TRAINEE_ROLES)
      for (const kind of ['startHazard', 'fireInject', 'delayInject', 'skipInject'] as const) expect(mayGive(role, kind)).toBe(false);
  });

  it('leaves the governance decisions to the director, and shelters and supplies also to the property manager', () => {
    expect(rolesAllowed('openShelter')).toEqual(['committeeDirector', 'propertyManager']);
    expect(rolesAllowed('releaseSupplies')).toEqual(['committeeDirector', 'propertyManager']);
    expect(rolesAllowed('requestSupport')).toEqual(['committeeDirector']);
  });

  it('tells an order (leave or stay inside) from an advisory warning', () => {
    expect(drillKindOf({ kind: 'warn', channel: 'sms', content: 'evacuate', zone: 'all', target: 'nearest-safe' })).toBe('order');
    expect(drillKindOf({ kind: 'warn', channel: 'sms', content: 'shelterInPlace', zone: 'all', target: 'nearest-safe' })).toBe('order');
    expect(drillKindOf({ kind: 'warn', channel: 'sms', content: 'avoidArea', zone: 'all', target: 'nearest-safe' })).toBe('warn');
    expect(drillKindOf({ kind: 'closeExit', place: 'north-gate' })).toBe('closeExit');
    // Only the director orders people out or in; the property manager may not.
    expect(mayGive('propertyManager', 'order')).toBe(false);
    expect(rolesAllowed('order')).toEqual(['committeeDirector']);
    expect(rolesAllowed('assignVolunteers')).toEqual(['gridWorkerLead', 'volunteerTeamLead']);
  });

  it('builds each panel command as the simulation expects it', () => {
    const byKind = Object.fromEntries(COMMAND_FORMS.map((form) => [form.kind, form]));
    expect(byKind.order.build({ zone: 'north-west', content: 'shelterInPlace', channel: 'sms', target: 'nearest-safe' })).toEqual({
      kind: 'warn',
      channel: 'sms',
      content: 'shelterInPlace',
      zone: 'north-west',
      target: 'nearest-safe',
    });
    expect(byKind.blockArea.build({ rect: ' 3, 4 ,5,6', reason: '' })).toEqual({ kind: 'blockArea', rect: { x: 3, y: 4, w: 5, h: 6 } });
    expect(byKind.officialUpdate.build({ channel: 'app', text: '  all clear ' })).toEqual({ kind: 'officialUpdate', channel: 'app', text: 'all clear' });
    expect(byKind.openShelter.build({ shelter: 'school-gym' })).toEqual({ kind: 'openShelter', shelter: 'school-gym' });
    expect(byKind.releaseSupplies.build({})).toEqual({ kind: 'releaseSupplies' });
    expect(byKind.requestSupport.build({ unit: 'rescue-crew' })).toEqual({ kind: 'requestSupport', unit: 'rescue-crew' });
    const live = Object.fromEntries(LIVE_INJECT_FORMS.map((form) => [form.kind, form]));
    expect(Object.keys(live)).toEqual(['startHazard', 'startOutage', 'rumour', 'blockArea']);
    expect(live.startOutage.build({ outage: 'substation' })).toEqual({ kind: 'startOutage', outage: 'substation' });
    expect(live.rumour.build({ rumourContent: 'panic', zone: 'south-east', text: '' })).toEqual({
      kind: 'rumour',
      content: 'panic',
      zone: 'south-east',
      seedShare: 0.02,
    });
  });

  it('starts a live rumour among the share of the zone the facilitator chose, in percent', () => {
    const rumour = LIVE_INJECT_FORMS.find((form) => form.kind === 'rumour') as (typeof LIVE_INJECT_FORMS)[number];
    const share = (seedPercent: string) => (rumour.build({ rumourContent: 'stayPut', zone: 'all', text: '', seedPercent }) as { seedShare: number }).seedShare;
    expect(rumour.fields.find((f) => f.name === 'seedPercent')?.range).toEqual({ min: 0.1, max: 50, default: 2 });
    expect(share('2')).toBe(0.02);
    expect(share('7.5')).toBe(0.075);
    expect(share('1.1')).toBe(0.011);
    expect(share('0.1')).toBe(0.001);
    expect(share('50')).toBe(0.5);
    for (const bad of ['0.05', '60', '-1', 'abc', 'Infinity'])
      expect(() => share(bad)).toThrow(`rumour: seedPercent "${bad}" is not a share from 0.1% to 50% of the zone`);
  });
});
