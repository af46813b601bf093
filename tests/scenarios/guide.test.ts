import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { earthquakeSpecSchema } from '../../sim/hazards/earthquake/earthquakeSpec';
import { epidemicSpecSchema } from '../../sim/hazards/epidemic/spec';
import { fireSpecSchema } from '../../sim/hazards/fire/fireSpec';
import { floodSpecSchema } from '../../sim/hazards/flood/schema';
import { elevationSchema } from '../../sim/hazards/flood/schemaElevation';
import { plumeSpecSchema } from '../../sim/hazards/plume/spec';
import { createSimulation, DEFAULT_SPECIFIC_FLOW_PPMS, describeErrors, loadScenarioOrThrow, loadScenarioText, RIMEA_SPEEDS } from '../../sim/index';
import { durationDistributionSchema, speedDistributionSchema } from '../../sim/scenario/distributions';
import { strategyFileSchema } from '../../sim/scenario/loadStrategy';
import { groupSchema, mapSchema, placementSchema, placeSchema, scenarioSchema, strategySchema, timelineEventSchema } from '../../sim/scenario/schema';
import { governanceSchema } from '../../sim/scenario/schemaGovernance';
import { outageSchema } from '../../sim/scenario/schemaOutage';
import { behaviourSchema, channelSchema, detectionSchema, harmSchema, hazardSchema, leversSchema, sensorSchema } from '../../sim/scenario/schemaWarning';
import { readText, tinyCourt } from './files';

const GUIDE = readFileSync('docs/scenario-guide.md', 'utf8');

/**
 * The schema a fragment tagged ```json KIND must satisfy; KIND is also the key it fills: a scenario key, or
 * (fire, plume, flood, elevation, epidemic) a key inside a hazard.
 */
const FRAGMENTS: Record<string, z.ZodType> = {
  map: mapSchema,
  places: z.array(placeSchema),
  population: scenarioSchema.shape.population,
  volunteers: scenarioSchema.shape.volunteers,
  timeline: z.array(timelineEventSchema),
  injects: scenarioSchema.shape.injects,
  objectives: scenarioSchema.shape.objectives, // objectives (after-action report)
  simulation: scenarioSchema.shape.simulation,
  strategies: z.array(strategySchema),
  strategy: strategySchema,
  placement: placementSchema,
  speed: speedDistributionSchema,
  duration: durationDistributionSchema,
  group: groupSchema,
  channels: z.array(channelSchema),
  sensors: z.array(sensorSchema),
  hazards: z.array(hazardSchema),
  behaviour: behaviourSchema,
  detection: detectionSchema,
  harm: harmSchema,
  levers: leversSchema,
  strategyFile: strategyFileSchema,
  governance: governanceSchema,
  outages: z.array(outageSchema),
  fire: fireSpecSchema,
  plume: plumeSpecSchema,
  flood: floodSpecSchema,
  elevation: elevationSchema,
  epidemic: epidemicSpecSchema,
  earthquake: earthquakeSpecSchema,
};

interface Block {
  tag: string;
  text: string;
  offset: number;
}

/** The guide's ```json blocks, in order, with their tag (```json scenario → "scenario"; untagged → ""). */
function jsonBlocks(markdown: string): Block[] {
  return [...markdown.matchAll(/^```json(?: (\w+))?\n([\s\S]*?)^```$/gm)].map((m) => ({ tag: m[1] ?? '', text: m[2], offset: m.index ?? 0 }));
}

const blocks = jsonBlocks(GUIDE);
const where = (b: Block) => `block at line ${GUIDE.slice(0, b.offset).split('\n').length}`;

/** The blocks of the section whose heading starts with `title` (any level), up to the next heading of that level or above. */
function sectionBlocks(title: string): Block[] {
  const level = /^#+/.exec(title)?.[0] ?? '';
  const start = GUIDE.indexOf(`\n${title}`);
  expect(start, `the guide has a section "${title}"`).toBeGreaterThanOrEqual(0);
  const next = new RegExp(`^#{1,${level.length}} `, 'gm');
  next.lastIndex = start + title.length + 1;
  const end = next.exec(GUIDE)?.index ?? GUIDE.length;
  return blocks.filter((b) => b.offset > start && b.offset < end);
}

/** Fragments grouped by step: a step is everything under one "### " heading, applied together. */
function stepsOf(fragments: Block[]): Block[][] {
  const headings = [...GUIDE.matchAll(/^### /gm)].map((m) => m.index ?? 0);
  const stepOf = (b: Block) => headings.filter((h) => h < b.offset).length;
  return [...new Set(fragments.map(stepOf))].map((step) => fragments.filter((b) => stepOf(b) === step));
}

/** Apply each step's fragments (tag = scenario key) to `scenario`; every intermediate file must load. */
// biome-ignore lint/suspicious/noExplicitAny: the scenario is plain JSON being edited step by step.
function applySteps(scenario: Record<string, any>, steps: Block[][]): void {
  for (const step of steps) {
    for (const b of step) {
      expect(Object.keys(scenarioSchema.shape), `${where(b)}: a walkthrough fragment's tag must be a top-level key`).toContain(b.tag);
      scenario[b.tag] = JSON.parse(b.text);
    }
    const result = loadScenarioText(JSON.stringify(scenario));
    expect(result.ok, `${where(step[0])}: ${result.ok ? '' : describeErrors(result.errors)}`).toBe(true);
  }
}

describe('the scenario guide', () => {
  it('has complete examples and fragments to check', () => {
    expect(blocks.filter((b) => b.tag === 'scenario').length).toBeGreaterThanOrEqual(2);
    expect(blocks.length).toBeGreaterThan(10);
  });

  it('tags every block with a known kind, and every complete scenario as "scenario"', () => {
    for (const b of blocks) {
      const value = JSON.parse(b.text);
      if (b.tag === '') expect(value, `${where(b)}: a complete scenario must be tagged \`\`\`json scenario`).not.toHaveProperty('schemaVersion');
      else expect(['scenario', ...Object.keys(FRAGMENTS)], where(b)).toContain(b.tag);
    }
  });

  it.each(blocks.filter((b) => b.tag === 'scenario').map((b) => [where(b), b]))('complete example (%s) loads without errors', (_where, b) => {
    const result = loadScenarioText(b.text);
    expect(result.ok, result.ok ? '' : describeErrors(result.errors)).toBe(true);
  });

  it.each(blocks.filter((b) => b.tag in FRAGMENTS).map((b) => [where(b), b.tag, b]))('fragment (%s) is a valid %s', (_where, tag, b) => {
    const parsed = FRAGMENTS[tag].safeParse(JSON.parse(b.text));
    expect(parsed.success, parsed.success ? '' : JSON.stringify(parsed.error.issues)).toBe(true);
  });

  it('walkthrough: each step applied to the first one still validates, and the last equals tiny-court.json', () => {
    const walkthrough = sectionBlocks('## Walkthrough');
    const [first, ...rest] = walkthrough;
    const finished = rest.pop();
    expect(first.tag).toBe('scenario');
    expect(finished?.tag).toBe('scenario');
    const steps = stepsOf(rest);
    expect(steps.length).toBeGreaterThanOrEqual(4);
    const scenario = JSON.parse(first.text);
    applySteps(scenario, steps);
    expect(JSON.parse(finished?.text ?? '')).toEqual(tinyCourt());
    // The steps build the whole file: only the description is added at the end.
    const { description: _, ...withoutDescription } = tinyCourt();
    expect(scenario).toEqual(withoutDescription);
  });

  describe('adding a warning phase to Tiny court', () => {
    const section = sectionBlocks('## Adding a warning phase to Tiny court');
    const finished = section[section.length - 1];
    const night = loadScenarioOrThrow(finished.text);
    const run = (strategy: string, seed = 1) => {
      const sim = createSimulation(night, { seed, strategy });
      sim.step(Math.round(night.simulation.durationS / sim.tickS));
      return sim.metrics();
    };

    it('steps applied to tiny-court.json still validate, and build the finished night file', () => {
      expect(finished.tag).toBe('scenario');
      const steps = stepsOf(section.slice(0, -1));
      expect(steps.length).toBeGreaterThanOrEqual(4);
      const scenario = tinyCourt();
      applySteps(scenario, steps);
      const final = JSON.parse(finished.text);
      // Only the id, title and description are new in the finished file.
      expect(final).toEqual({ ...scenario, id: final.id, title: final.title, description: final.description });
      expect(final.id).not.toBe(scenario.id);
    });

    it('runs as the guide says: the sensor warns within a minute, waiting for calls takes minutes and leaves the bedridden waiting', () => {
      const calls = run('wait-for-calls');
      const sensor = run('sensor-and-speaker');
      expect(sensor.firstOfficialWarningS).toBeGreaterThan(0);
      expect(sensor.firstOfficialWarningS).toBeLessThan(60);
      expect(calls.firstOfficialWarningS).toBeGreaterThan(300);
      expect(sensor.safeShare).toBe(1);
      expect(sensor.timeTo100PctSafeS).toBeLessThan(240);
      // Neither bedridden resident is fetched: they wait, or die in the smoke while waiting.
      expect(calls.awaitingHelp + calls.deceased).toBe(2);
      expect(calls.vulnerableSafe).toBe(calls.vulnerable - 2);
      // With seed 3 the sensor misses, so the better plan too waits for the residents' calls.
      expect(run('sensor-and-speaker', 3).firstOfficialWarningS).toBeGreaterThan(300);
    });
  });

  it("quotes the default community's three strategies exactly", () => {
    const [quoted] = sectionBlocks("#### Worked example: the default community's three strategies");
    expect(quoted.tag).toBe('strategies');
    const shipped = JSON.parse(readText('scenarios/old-compound.json')).strategies;
    const strategies = JSON.parse(quoted.text);
    expect(strategies.map((s: { id: string }) => s.id)).toEqual(['top-down', 'paper-plan', 'resilient']);
    for (const s of strategies) expect(s).toEqual(shipped.find((x: { id: string }) => x.id === s.id));
  });

  it('states the default walking speeds of the code', () => {
    const row = (who: string) => {
      // Table cells may be padded for alignment.
      const m = new RegExp(`^\\| ${who.replace(/[()"]/g, '\\$&')}[^|]*\\|\\s*([\\d.]+)\\s*\\|\\s*([\\d.]+)\\s*\\|$`, 'm').exec(GUIDE);
      return m ? { minMps: Number(m[1]), maxMps: Number(m[2]) } : null;
    };
    expect(row('`under30`')).toEqual(RIMEA_SPEEDS.under30);
    expect(row('`30to50`')).toEqual(RIMEA_SPEEDS['30to50']);
    expect(row('`over50`')).toEqual(RIMEA_SPEEDS.over50);
    expect(row('`"mobility": "limited"`')).toEqual(RIMEA_SPEEDS.limited);
  });

  it('states the default exit flow of the code', () => {
    expect(GUIDE).toContain(`about ${DEFAULT_SPECIFIC_FLOW_PPMS} per metre of width`);
  });
});
