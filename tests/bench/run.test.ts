import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

/** Run `npm run bench -- ARGS` directly, without npm. */
function bench(...args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'bench/run.ts', ...args], { encoding: 'utf8', timeout: 60_000 });
}

describe('npm run bench', () => {
  it('names every model, and the "hazards" and "peers" groups, when --models is wrong', () => {
    const r = bench('--models', 'fire');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(
      '--models takes evacuation, baseline-objects, agentscript, warning, whole, hazard-fire, hazard-gas, hazard-flood, hazard-combined, sweep, longrun, browser, hazards, peers',
    );
    expect(r.stdout).toBe('');
  });

  it('runs only the models asked for: one tiny hazard row as JSON, with its map size', () => {
    const r = bench('--models', 'hazard-flood', '--sizes', '100', '--runs', '1', '--json');
    expect(r.status, r.stderr).toBe(0);
    const { rows } = JSON.parse(r.stdout);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ model: 'hazard-flood', agents: 100, gridCells: 512 * 512, tickS: 0.5, runs: 1 });
    expect(rows[0].msPerTick).toBeGreaterThan(0);
    expect(rows[0].hazardShareStart).toBeGreaterThan(0);
  });

  it("runs a peer beside the evacuation model and gives our speed as a multiple of the peer's", () => {
    const r = bench('--models', 'evacuation,baseline-objects', '--sizes', '300', '--runs', '1', '--json');
    expect(r.status, r.stderr).toBe(0);
    const { rows } = JSON.parse(r.stdout);
    expect(rows.map((row: { model: string }) => row.model)).toEqual(['evacuation', 'baseline-objects']);
    const [evacuation, baseline] = rows;
    expect(baseline).toMatchObject({ agents: 300, gridCells: evacuation.gridCells, tickS: 0.25, timedFromS: 5, timedToS: 25, runs: 1 });
    expect(baseline.bytesPerAgent).toBeGreaterThan(0);
    expect(baseline.cpuMsPerTick).toBeGreaterThan(0);
    expect(evacuation.cpuMsPerTick).toBeGreaterThan(0);
    expect(baseline.vsEvacuation).toBeCloseTo(evacuation.ticksPerS / baseline.ticksPerS, 1);
  });
});
