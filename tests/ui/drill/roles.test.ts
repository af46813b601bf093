import { describe, expect, it } from 'vitest';
import { COMMAND_FORMS } from '../../../ui/drill/commandForms';
import { type DrillCommandKind, drillKindOf, mayGive, ROLES, rolesAllowed, TRAINEE_ROLES } from '../../../ui/drill/roles';

/** The division of work at the command post, written out from the issue, not from the code. */
const EXPECTED: Record<(typeof TRAINEE_ROLES)[number], DrillCommandKind[]> = {
  committeeDirector: ['order', 'warn', 'officialUpdate', 'activatePlan', 'evacuate'],
  gridWorkerLead: ['warn', 'assignVolunteers'],
  propertyManager: ['closeExit', 'openExit', 'blockArea', 'unblockArea', 'warn'],
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
    for (const kind of [...PANEL_KINDS, 'rumour', 'startHazard', 'message', 'startOutage'] as DrillCommandKind[])
      expect(mayGive('facilitator', kind)).toBe(true);
    for (const role of TRAINEE_ROLES) expect(mayGive(role, 'startHazard')).toBe(false);
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
  });
});
