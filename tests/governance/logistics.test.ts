import { describe, expect, it } from 'vitest';
import { CARRIER_SPEED_MPS, DETOUR_FACTOR, HANDLING_S } from '../../sim/governance/logistics';
import { RESPONSE_SETTLE_S } from '../../sim/governance/stepGovernance';
import { createSimulation, ResidentState } from '../../sim/index';
import { COURT_DELAYS as D, governedCourt, runGoverned } from '../support/governance';

/** Everyone is told to go to the clinic (10 places): the first ten are sheltered there, the rest leave by the gate. */
const toClinic = { autonomy: 'high', warningPlan: [{ channel: 'sms', content: 'evacuate', target: 'clinic' }] };
const noShelters = { shelters: [] };
const bedridden = {
  population: {
    defaultPreMovementS: { kind: 'fixed', valueS: 0 },
    groups: [
      { id: 'adults', count: 10, placement: { kind: 'buildings', buildings: ['block-a'] }, phoneShare: 1 },
      { id: 'bedridden', count: 3, ageGroup: 'over50', mobility: 'bedridden', placement: { kind: 'buildings', buildings: ['block-b'] }, phoneShare: 1 },
    ],
  },
};

describe('shelters, supplies and outside support', () => {
  it('sheltered people use supplies by the hour: 10 people at 0.125 water and 0.125 food an hour use 2.5 units an hour', () => {
    const scenario = governedCourt({ levers: toClinic, governance: { shelters: [{ place: 'clinic', supplies: { water: 1000, food: 1000 } }] } });
    const sim = createSimulation(scenario, { seed: 1 });
    sim.step(Math.round(600 / sim.tickS));
    expect(sim.metrics().shelterOccupancy).toBe(10);
    const before = sim.metrics().suppliesNeeded;
    sim.step(Math.round(3600 / sim.tickS));
    expect(sim.metrics().suppliesNeeded - before).toBeCloseTo(10 * 0.25, 1);
    expect(sim.metrics().supplyMetShare).toBe(1);
  });

  it('a shelter running low is resupplied from the store once supplies are released; without release it goes short', () => {
    const low = { shelters: [{ place: 'clinic', supplies: { water: 1, food: 1 } }] };
    const released = runGoverned(governedCourt({ levers: { ...toClinic, releaseSupplies: true }, governance: low }), 1, 4 * 3600).metrics();
    const kept = runGoverned(governedCourt({ levers: toClinic, governance: low }), 1, 4 * 3600).metrics();
    expect(released.supplyMetShare).toBeGreaterThan(0.95);
    expect(released.shelterUnmetPersonH).toBeLessThan(1);
    // Ten people over about four hours with two units of stock: they are short for most of it.
    expect(kept.shelterUnmetPersonH).toBeGreaterThan(30);
    expect(kept.supplyMetShare).toBeLessThan(0.3);
    expect(kept.unmetNeeds).toBeGreaterThanOrEqual(1);
  });

  it('households that cannot leave are supplied by carriers walking from the store', () => {
    const released = runGoverned(
      governedCourt({ levers: { autonomy: 'high', releaseSupplies: true }, governance: noShelters, extra: bedridden }),
      1,
      2 * 3600,
    ).metrics();
    const kept = runGoverned(governedCourt({ levers: { autonomy: 'high' }, governance: noShelters, extra: bedridden }), 1, 2 * 3600).metrics();
    // Each bedridden resident who heard the warning lives alone and waits for help: one household each needs a delivery.
    const waiting = kept.awaitingHelp;
    expect(waiting).toBeGreaterThanOrEqual(1);
    expect(kept.unmetNeeds).toBe(waiting);
    expect(released.unmetNeeds).toBe(0);
    expect(released.suppliesDelivered).toBeCloseTo(waiting * (2 + 2 + 1), 6);
  });

  it('untrained staff take longer to carry the same delivery', () => {
    const deliveredAt = (training: string) => {
      const scenario = governedCourt({
        levers: { autonomy: 'high', releaseSupplies: true, volunteerTraining: training },
        governance: noShelters,
        extra: bedridden,
      });
      const sim = createSimulation(scenario, { seed: 1 });
      while (sim.metrics().suppliesDelivered === 0) sim.step(4);
      return sim.timeS;
    };
    const trained = deliveredAt('trained');
    const untrained = deliveredAt('untrained');
    // Block B is at most about 15 m of straight line from the store: walking it takes well under a minute; handling takes 120 s trained, 180 s untrained.
    expect(untrained - trained).toBeGreaterThan(HANDLING_S * 0.5 - 1);
    expect(untrained - trained).toBeLessThan(HANDLING_S * 0.5 + (2 * 20 * DETOUR_FACTOR) / (CARRIER_SPEED_MPS * 0.75) + 11);
  });

  it('a rescue crew brings out residents waiting for help; without it they keep waiting', () => {
    const levers = { autonomy: 'high', supportPlan: [{ unit: 'rescue-crew' }] };
    const sim = createSimulation(governedCourt({ levers, extra: bedridden }), { seed: 1 });
    const arrivalS = D.decideAtS + D.committeeResponseS + D.committeeRelayS + D.streetRelayS + D.districtRelayS + D.fireResponseS + D.rescueArrivalS;
    sim.step(Math.round((arrivalS - 5) / sim.tickS));
    const waiting = sim.metrics().awaitingHelp;
    expect(waiting).toBeGreaterThanOrEqual(1);
    const waitingIds = [...sim.residents().state.keys()].filter((i) => sim.residents().state[i] === ResidentState.AwaitingHelp);
    // Two crew members, 120 s a rescue (started within the 10 s logistics step): out within two rounds, and walking out takes under a minute.
    sim.step(Math.round((2 * 120 + 10 + 60) / sim.tickS));
    const m = sim.metrics();
    expect(m.awaitingHelp).toBe(0);
    for (const i of waitingIds) expect(sim.residents().state[i]).toBe(ResidentState.Safe);
    expect(sim.trail().filter((e) => e.kind === 'rescue').length).toBe(waiting);
    const without = runGoverned(governedCourt({ levers: { autonomy: 'high' }, extra: bedridden }), 1, arrivalS + 600).metrics();
    expect(without.awaitingHelp).toBeGreaterThanOrEqual(waiting);
  });

  it('a utility crew restores a power cut, and the recovery index counts it', () => {
    const outage = { outages: [{ id: 'substation', kind: 'power', fromS: 0, durationS: 100_000 }] };
    const utilities = {
      utilities: {
        id: 'utilities',
        kind: 'department',
        function: 'utilities',
        reportsTo: 'district',
        support: [{ id: 'grid-crew', kind: 'utilityCrew', staff: 1, arrivalS: 300, workS: 600 }],
      },
    };
    const levers = { autonomy: 'high', platform: true, supportPlan: [{ unit: 'grid-crew' }] };
    const sim = createSimulation(governedCourt({ levers, organisations: utilities, extra: outage }), { seed: 1 });
    // Asked at 70 s, on the platform 15 s, the department answers in 60 s, 300 s on the way, 600 s of work.
    const restoredS = D.decideAtS + D.committeeResponseS + D.platformS + 60 + 300 + 600;
    sim.step(Math.round((restoredS - 5) / sim.tickS));
    expect(sim.metrics().servicesRestored).toBe(0);
    // Units take their next task at the 10 s logistics step.
    sim.step(Math.round(20 / sim.tickS));
    expect(sim.metrics().servicesRestored).toBe(1);
    expect(sim.events().some((e) => e.title.startsWith('Power restored: substation'))).toBe(true);
  });

  it('the run moves from monitoring to response to recovery', () => {
    const stocked = { shelters: [{ place: 'clinic', supplies: { water: 1000, food: 1000 } }] };
    const sim = createSimulation(governedCourt({ levers: { autonomy: 'high' }, governance: stocked }), { seed: 1 });
    expect(sim.metrics().phase).toBe('monitoring');
    sim.step(Math.round(20 / sim.tickS));
    expect(sim.metrics().phase).toBe('response');
    sim.step(Math.round(600 / sim.tickS));
    expect(sim.metrics().phase).toBe('response');
    sim.step(Math.round(RESPONSE_SETTLE_S / sim.tickS));
    const m = sim.metrics();
    expect(m.phase).toBe('recovery');
    expect(m.recoveryStartS).toBeGreaterThanOrEqual((m.firstOfficialWarningS ?? Infinity) + RESPONSE_SETTLE_S);
    expect(m.recoveryIndex).toBeGreaterThan(0.9);
  });
});
