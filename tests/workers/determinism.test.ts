import { existsSync, readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { type Command, createSimulation, loadScenarioOrThrow, type Metrics, type Scenario } from '../../sim/index';
import { type NodeSimWorker, spawnNodeSimWorker } from '../../workers/spawnNodeSimWorker';

/** Commands a trainee gives, keyed by the tick before which they are applied. */
type Script = [tick: number, commands: Command[]][];

/**
 * A drill script built from the scenario's own ids: an evacuation order for one area toward one exit,
 * a blocked area, an exit closed and reopened, a message.
 */
function scriptFor(scenario: Scenario): Script {
  const exit = scenario.places.find((p) => p.kind === 'exit');
  const area = scenario.places.find((p) => p.kind === 'zone') ?? scenario.places.find((p) => p.kind === 'building');
  if (!exit || !area) throw new Error(`${scenario.id} needs an exit and a zone or building for this test`);
  const width = scenario.map.rows[0].length;
  const height = scenario.map.rows.length;
  return [
    [8, [{ kind: 'evacuate', zone: area.id, target: exit.id }]],
    [40, [{ kind: 'blockArea', rect: { x: Math.floor(width / 2) - 1, y: Math.floor(height / 2) - 1, w: 2, h: 2 }, reason: 'fallen tree' }]],
    [
      60,
      [
        { kind: 'closeExit', place: exit.id },
        { kind: 'message', title: 'Gate jammed' },
      ],
    ],
    [130, [{ kind: 'openExit', place: exit.id }]],
    [150, [{ kind: 'evacuate', zone: 'all', target: 'nearest-safe' }]],
  ];
}

const END_TICK = 400;

interface RunResult {
  /** Hash after each scripted batch is applied, then at END_TICK. */
  hashes: string[];
  metrics: Metrics;
}

/** The run in this thread, with createSimulation directly. */
function runInProcess(scenario: Scenario, seed: number, strategy: string, script: Script): RunResult {
  const sim = createSimulation(scenario, { seed, strategy });
  const hashes: string[] = [];
  for (const [tick, commands] of script) {
    sim.step(tick - sim.tick);
    sim.apply(commands);
    hashes.push(sim.hash());
  }
  sim.step(END_TICK - sim.tick);
  hashes.push(sim.hash());
  return { hashes, metrics: sim.metrics() };
}

/** The same run through the worker API in a worker thread. */
async function runInWorker(worker: NodeSimWorker, text: string, seed: number, strategy: string, script: Script): Promise<RunResult> {
  const { api, crashed } = worker;
  const loaded = await Promise.race([api.load(text, { seed, strategy }), crashed]);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
  const hashes: string[] = [];
  let tick = 0;
  for (const [at, commands] of script) {
    await api.step(at - tick);
    tick = at;
    expect(await api.apply(commands)).toEqual({ ok: true });
    hashes.push(await api.hash());
  }
  await api.step(END_TICK - tick);
  hashes.push(await api.hash());
  return { hashes, metrics: await api.metrics() };
}

const scenarioFiles = ['scenarios/tiny-court.json', 'scenarios/old-compound.json'].filter((file) => existsSync(file));
const workers: NodeSimWorker[] = [];
afterAll(async () => {
  await Promise.all(workers.map((w) => w.terminate()));
});

describe.each(scenarioFiles)('determinism of %s', (file) => {
  const text = readFileSync(file, 'utf8');
  const scenario = loadScenarioOrThrow(text);
  const script = scriptFor(scenario);
  const strategy = scenario.strategies[scenario.strategies.length - 1].id;

  it('gives the same hashes in-process and in a worker thread, command for command', async () => {
    const worker = spawnNodeSimWorker();
    workers.push(worker);
    const inWorker = await runInWorker(worker, text, 42, strategy, script);
    const inProcess = runInProcess(scenario, 42, strategy, script);
    expect(inWorker.hashes).toEqual(inProcess.hashes);
    expect(inWorker.metrics).toEqual(inProcess.metrics);
    // The script did something: people were ordered out and some reached safety.
    expect(inProcess.metrics.firstOrderS).not.toBeNull();
    expect(inProcess.metrics.safe).toBeGreaterThan(0);
  });

  it('gives a different hash for a different seed', async () => {
    const worker = spawnNodeSimWorker();
    workers.push(worker);
    const seed43 = await runInWorker(worker, text, 43, strategy, script);
    expect(seed43.hashes.at(-1)).not.toBe(runInProcess(scenario, 42, strategy, script).hashes.at(-1));
  });
});

describe('the Node worker', () => {
  it('returns scenario problems as data, not as a crash', async () => {
    const worker = spawnNodeSimWorker();
    workers.push(worker);
    const reply = await Promise.race([worker.api.load('{ "schemaVersion": 1, '), worker.crashed]);
    expect(reply.ok).toBe(false);
    if (!reply.ok) expect(reply.errors[0].path).toBe('(file)');
    const court = readFileSync('scenarios/tiny-court.json', 'utf8');
    const unknown = await worker.api.load(court, { strategy: 'fly-away' });
    expect(unknown).toMatchObject({ ok: false, errors: [{ path: 'strategies', hint: 'choose one of: as-drawn, gate-only' }] });
    // Calling before a successful load is a programmer error: it rejects, and the worker lives on.
    await expect(worker.api.hash()).rejects.toThrow('no scenario loaded');
    expect(await worker.api.load(court, { seed: 5 })).toMatchObject({ ok: true, info: { id: 'tiny-court', seed: 5, strategy: 'as-drawn' } });
    expect(await worker.api.apply([{ kind: 'closeExit', place: 'south-gate' }])).toEqual({ ok: false, error: expect.stringContaining('"south-gate"') });
  });
});
