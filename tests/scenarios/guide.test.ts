import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DEFAULT_SPECIFIC_FLOW_PPMS, describeErrors, loadScenarioText, RIMEA_SPEEDS } from '../../sim/index';
import { durationDistributionSchema, speedDistributionSchema } from '../../sim/scenario/distributions';
import { mapSchema, placementSchema, placeSchema, scenarioSchema, strategySchema, timelineEventSchema } from '../../sim/scenario/schema';
import { tinyCourt } from './files';

const GUIDE = readFileSync('docs/scenario-guide.md', 'utf8');

/** The schema a fragment tagged ```json KIND must satisfy; KIND is also the scenario key it fills. */
const FRAGMENTS: Record<string, z.ZodType> = {
  map: mapSchema,
  places: z.array(placeSchema),
  population: scenarioSchema.shape.population,
  volunteers: scenarioSchema.shape.volunteers,
  timeline: z.array(timelineEventSchema),
  simulation: scenarioSchema.shape.simulation,
  strategies: z.array(strategySchema),
  strategy: strategySchema,
  placement: placementSchema,
  speed: speedDistributionSchema,
  duration: durationDistributionSchema,
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
    const start = GUIDE.indexOf('## Walkthrough');
    const end = GUIDE.indexOf('## Reference');
    const walkthrough = blocks.filter((b) => b.offset > start && b.offset < end);
    const [first, ...rest] = walkthrough;
    const finished = rest.pop();
    expect(first.tag).toBe('scenario');
    expect(finished?.tag).toBe('scenario');
    // A step is everything under one "### " heading; its fragments are applied together.
    const headings = [...GUIDE.matchAll(/^### /gm)].map((m) => m.index ?? 0);
    const stepOf = (b: Block) => headings.filter((h) => h < b.offset).length;
    const steps = [...new Set(rest.map(stepOf))].map((step) => rest.filter((b) => stepOf(b) === step));
    expect(steps.length).toBeGreaterThanOrEqual(4);
    const scenario = JSON.parse(first.text);
    for (const step of steps) {
      for (const b of step) scenario[b.tag] = JSON.parse(b.text);
      const result = loadScenarioText(JSON.stringify(scenario));
      expect(result.ok, `${where(step[0])}: ${result.ok ? '' : describeErrors(result.errors)}`).toBe(true);
    }
    expect(JSON.parse(finished?.text ?? '')).toEqual(tinyCourt());
    // The steps build the whole file: only the description is added at the end.
    const { description: _, ...withoutDescription } = tinyCourt();
    expect(scenario).toEqual(withoutDescription);
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
