import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../sim/index';
import { COURT_DELAYS as D, governedCourt, runGoverned } from '../support/governance';

const TICK_S = 0.25;

describe('authority and approvals', () => {
  it('acts after its own response delay when the community may decide alone', () => {
    const sim = runGoverned(governedCourt({ levers: { autonomy: 'high' } }), 1, 200);
    const m = sim.metrics();
    // Decision at 10 s, the committee acts 60 s later; the warning goes out on the next tick.
    expect(m.firstOfficialWarningS).toBeGreaterThanOrEqual(D.decideAtS + D.committeeResponseS);
    expect(m.firstOfficialWarningS).toBeLessThanOrEqual(D.decideAtS + D.committeeResponseS + 2 * TICK_S);
    expect(m.decisions.find((d) => d.decision === 'orderEvacuation')?.approvalWaitS).toBe(0);
  });

  it('waits for the request to go up, the approver to consider it and the answer to come back when autonomy is low', () => {
    const sim = runGoverned(governedCourt({ levers: { autonomy: 'low' } }), 1, 1200);
    const m = sim.metrics();
    const wait = D.committeeRelayS + D.streetApprovalS + D.streetRelayS;
    const order = m.decisions.find((d) => d.decision === 'orderEvacuation');
    expect(order?.approver).toBe('street-office');
    expect(order?.approvalWaitS).toBeCloseTo(wait, 0);
    expect(m.firstOfficialWarningS).toBeGreaterThanOrEqual(D.decideAtS + wait + D.committeeResponseS);
    expect(m.firstOfficialWarningS).toBeLessThanOrEqual(D.decideAtS + wait + D.committeeResponseS + 2 * TICK_S);
    // The trail holds the request, the approval and the action, with their authors.
    const trail = sim.trail();
    expect(trail.some((e) => e.kind === 'report' && e.author === 'committee' && e.to === 'street-office' && /approval/.test(e.content))).toBe(true);
    expect(trail.some((e) => e.kind === 'approval' && e.author === 'street-office')).toBe(true);
    expect(trail.some((e) => e.kind === 'action' && e.author === 'committee')).toBe(true);
  });

  it('medium autonomy opens the shelter at once but waits for approval to release supplies', () => {
    const levers = { autonomy: 'medium', shelterPlan: [{ shelter: 'clinic' }], releaseSupplies: true };
    const m = runGoverned(governedCourt({ levers }), 1, 1200).metrics();
    const shelter = m.decisions.find((d) => d.decision === 'openShelter');
    const supplies = m.decisions.find((d) => d.decision === 'releaseSupplies');
    expect(shelter?.approvalWaitS).toBe(0);
    expect(supplies?.approvalWaitS).toBeCloseTo(D.committeeRelayS + D.streetApprovalS + D.streetRelayS, 0);
  });

  it('a refused request is asked again: with refusal chance 1/2, one refusal per decision on average', () => {
    const refusals: number[] = [];
    for (let seed = 1; seed <= 60; seed++) {
      const scenario = governedCourt({ levers: { autonomy: 'low' }, organisations: { 'street-office': { refusalProbability: 0.5 } } });
      const sim = createSimulation(scenario, { seed });
      sim.step(Math.round(6000 / sim.tickS));
      const order = sim.metrics().decisions.find((d) => d.decision === 'orderEvacuation');
      if (order?.latencyS === null) continue;
      refusals.push(order?.refusals ?? 0);
    }
    // Refusals before the first approval are geometric with mean p / (1 − p) = 1 and variance p / (1 − p)² = 2.
    const mean = refusals.reduce((a, b) => a + b, 0) / refusals.length;
    expect(refusals.length).toBeGreaterThanOrEqual(55);
    expect(Math.abs(mean - 1)).toBeLessThan(3 * Math.sqrt(2 / refusals.length));
  });

  it('a decision nobody will approve never takes effect', () => {
    const scenario = governedCourt({ levers: { autonomy: 'low' }, organisations: { 'street-office': { refusalProbability: 1 } } });
    const m = runGoverned(scenario, 1, 3000).metrics();
    expect(m.firstOfficialWarningS).toBeNull();
    expect(m.evacuationOrderLatencyS).toBeNull();
    expect(m.approvalRefusals).toBeGreaterThanOrEqual(2);
  });

  it('higher autonomy acts earlier for every seed, with the default chances of garbled and lost reports', () => {
    for (let seed = 1; seed <= 5; seed++) {
      const low = runGoverned(governedCourt({ levers: { autonomy: 'low' }, governance: { reporting: {} } }), seed, 2000).metrics();
      const high = runGoverned(governedCourt({ levers: { autonomy: 'high' }, governance: { reporting: {} } }), seed, 2000).metrics();
      expect(high.evacuationOrderLatencyS).not.toBeNull();
      expect(high.evacuationOrderLatencyS as number).toBeLessThan((low.evacuationOrderLatencyS ?? Infinity) - 500);
    }
  });
});
