import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../sim/index';
import { COURT_DELAYS as D, governedCourt, runGoverned } from '../support/governance';

/** The rescue crew asked for on the community's own authority (decided at 10 s, asked 60 s later). */
const askForCrew = (levers: Record<string, unknown> = {}) => ({ autonomy: 'high', supportPlan: [{ unit: 'rescue-crew' }], ...levers });
const ASKED_AT_S = D.decideAtS + D.committeeResponseS;
/** committee → street office → district → fire department: three hops, each organisation passing it on takes its relay time. */
const CHAIN_S = D.committeeRelayS + D.streetRelayS + D.districtRelayS;
/** For the many-run tests only reports matter: nobody walks, and ticks of 5 s keep them quick. */
const NOBODY_WALKS = { simulation: { tickS: 5, durationS: 3600, movement: false } };

describe('reporting chains and the shared data platform', () => {
  it('a request travels the chain hop by hop; the unit is sent after the department responds and arrives after its travel time', () => {
    const m = runGoverned(governedCourt({ levers: askForCrew() }), 1, 1500).metrics();
    const crew = m.support.find((s) => s.unit === 'rescue-crew');
    expect(crew?.dispatchedS).toBeCloseTo(ASKED_AT_S + CHAIN_S + D.fireResponseS, 0);
    expect(crew?.arrivedS).toBeCloseTo(ASKED_AT_S + CHAIN_S + D.fireResponseS + D.rescueArrivalS, 0);
    expect(m.firstSupportArrivalS).toBeCloseTo(ASKED_AT_S + CHAIN_S + D.fireResponseS + D.rescueArrivalS, 0);
  });

  it('the platform makes any report one fast hop', () => {
    const m = runGoverned(governedCourt({ levers: askForCrew({ platform: true }) }), 1, 1500).metrics();
    const crew = m.support.find((s) => s.unit === 'rescue-crew');
    expect(crew?.arrivedS).toBeCloseTo(ASKED_AT_S + D.platformS + D.fireResponseS + D.rescueArrivalS, 0);
    expect(m.meanReportDelayS).toBeCloseTo(D.platformS, 6);
  });

  const misdirectedShare = (levers: Record<string, unknown>, runs: number) => {
    let wrong = 0;
    for (let seed = 1; seed <= runs; seed++) {
      const scenario = governedCourt({
        levers: askForCrew(levers),
        governance: {
          reporting: { hopErrorProbability: 0.2, hopLossProbability: 0, wrongReportDelayS: 500 },
          platform: { delayS: 15, errorProbability: 0.01 },
        },
        extra: NOBODY_WALKS,
      });
      const sim = createSimulation(scenario, { seed });
      sim.step(Math.round((ASKED_AT_S + CHAIN_S + D.fireResponseS + 10) / sim.tickS));
      const crew = sim.metrics().support[0];
      if (crew.misdirected) wrong++;
    }
    return { share: wrong / runs };
  };

  it('each hop may garble a report: over three hops at 0.2 each, 1 − 0.8³ = 0.488 of requests arrive wrong', () => {
    const runs = 300;
    const { share } = misdirectedShare({}, runs);
    const p = 1 - 0.8 ** 3;
    expect(Math.abs(share - p)).toBeLessThan(3 * Math.sqrt((p * (1 - p)) / runs));
  });

  it('the platform cuts report errors', () => {
    const without = misdirectedShare({}, 200).share;
    const withPlatform = misdirectedShare({ platform: true }, 200).share;
    expect(withPlatform).toBeLessThan(0.05);
    expect(without - withPlatform).toBeGreaterThan(0.3);
  });

  it('a unit sent on a garbled request loses time finding the right place', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const scenario = governedCourt({
        levers: askForCrew(),
        governance: { reporting: { hopErrorProbability: 0.3, hopLossProbability: 0, wrongReportDelayS: 500 } },
      });
      const crew = runGoverned(scenario, seed, 2500).metrics().support[0];
      expect(crew.arrivedS - crew.dispatchedS).toBeCloseTo(D.rescueArrivalS + (crew.misdirected ? 500 : 0), 0);
    }
  });

  it('a lost report is sent again: with loss chance 1/2 per hop, each hop adds one resend on average', () => {
    const runs = 200;
    const resendS = 100;
    let total = 0;
    for (let seed = 1; seed <= runs; seed++) {
      const scenario = governedCourt({
        levers: askForCrew(),
        governance: { reporting: { hopErrorProbability: 0, hopLossProbability: 0.5, resendAfterS: resendS } },
        extra: NOBODY_WALKS,
      });
      const sim = createSimulation(scenario, { seed });
      sim.step(Math.round(3000 / sim.tickS));
      const crew = sim.metrics().support[0];
      total += crew.dispatchedS - (ASKED_AT_S + CHAIN_S + D.fireResponseS);
    }
    // Losses per hop are geometric with mean 1 and variance 2: three hops add 300 s on average (sd of the mean √(3·2)·100/√runs).
    const mean = total / runs;
    expect(Math.abs(mean - 3 * resendS)).toBeLessThan((3 * Math.sqrt(6) * resendS) / Math.sqrt(runs));
  });
});
