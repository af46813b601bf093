import { loadScenarioText, type Scenario, type ScenarioError } from '../sim/index';
import { type CompareJob, type CompareResult, runCompareJob } from './compareJob';

export type CompareLoadReply = { ok: true; scenario: string } | { ok: false; errors: ScenarioError[] };
export type CompareReply = { ok: true; result: CompareResult } | { ok: false; error: string };

/**
 * A comparison worker's host: loads the scenario once, then runs one job per call. Problems come back as
 * data, so a pool can say which run failed and why.
 */
export function createCompareHost() {
  let scenario: Scenario | null = null;
  return {
    load(text: string): CompareLoadReply {
      const loaded = loadScenarioText(text);
      if (!loaded.ok) return loaded;
      scenario = loaded.scenario;
      return { ok: true, scenario: scenario.id };
    },
    run(job: CompareJob): CompareReply {
      if (!scenario) return { ok: false, error: 'no scenario loaded; call load first' };
      try {
        return { ok: true, result: runCompareJob(scenario, job) };
      } catch (error) {
        return { ok: false, error: error instanceof Error ? error.message : String(error) };
      }
    },
  };
}

export type CompareHostApi = ReturnType<typeof createCompareHost>;
