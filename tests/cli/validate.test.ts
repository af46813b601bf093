import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { drill, STACK_LINE } from './drill';

const tinyCourt = JSON.parse(readFileSync('scenarios/tiny-court.json', 'utf8'));
const dir = mkdtempSync(join(tmpdir(), 'drill-validate-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, content: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return path;
}

describe('drill validate', () => {
  it('says "FILE: ok" for a good scenario and exits 0', () => {
    const r = drill('validate', 'scenarios/tiny-court.json');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('scenarios/tiny-court.json: ok\n');
  });

  it('reports each problem as FILE: json.path: message — hint, and exits 1', () => {
    const typo = write('typo.json', { ...tinyCourt, titel: 'misspelt' });
    const negative = structuredClone(tinyCourt);
    negative.population.groups[1].count = -3;
    const negativeCount = write('negative-count.json', negative);
    const noGate = structuredClone(tinyCourt);
    noGate.timeline.push({ atS: 30, kind: 'closeExit', place: 'south-gate' });
    const unknownPlace = write('unknown-place.json', noGate);
    const r = drill('validate', typo, 'scenarios/tiny-court.json', negativeCount, unknownPlace);
    expect(r.code).toBe(1);
    const lines = r.stdout.trim().split('\n');
    // Each line: the file, the JSON path of the problem, what is wrong, and after " — " how to fix it.
    expect(lines.find((l) => l.startsWith(`${typo}: `))).toMatch(/: (titel|\(file\)): .*"titel".* — ./);
    expect(lines).toContain('scenarios/tiny-court.json: ok');
    expect(lines.some((l) => l.startsWith(`${negativeCount}: population.groups[1].count: `))).toBe(true);
    expect(lines).toContain(`${unknownPlace}: timeline[2].place: no exit or shelter has the id "south-gate" — use one of: north-gate, clinic`);
    expect(r.stderr).toBe('');
  });

  it('points at the line and column of broken JSON', () => {
    const broken = write('broken.json', '{\n  "schemaVersion": 1,\n  "id": "x"\n  "title": "no comma"\n}\n');
    const r = drill('validate', broken);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(new RegExp(`^${escapeRegExp(broken)}: \\(file\\): this is not valid JSON: .*line 4, column 3 — `));
  });

  it('reports missing files and folders without a stack trace', () => {
    const r = drill('validate', join(dir, 'nowhere.json'), 'scenarios/tiny-court.json');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`${join(dir, 'nowhere.json')}: (file): no such file — check the path`);
    expect(r.stdout).toContain('scenarios/tiny-court.json: ok');
    expect(r.stdout + r.stderr).not.toMatch(STACK_LINE);
  });

  it('checks the scenario files in a folder and leaves out JSON Schema files', () => {
    const folder = join(dir, 'folder');
    mkdirSync(folder);
    writeFileSync(join(folder, 'court.json'), JSON.stringify(tinyCourt));
    writeFileSync(join(folder, 'scenario.schema.json'), '{}');
    writeFileSync(join(folder, 'notes.txt'), 'not a scenario');
    const r = drill('validate', folder);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`${join(folder, 'court.json')}: ok\n`);
  });

  it('needs at least one file (usage error, exit 2)', () => {
    const r = drill('validate');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('"drill validate" needs one or more scenario files');
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
