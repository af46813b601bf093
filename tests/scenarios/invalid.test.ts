import { describe, expect, it } from 'vitest';
import { type LoadResult, loadScenarioObject, loadScenarioText } from '../../sim/index';
import { readText, tinyCourt } from './files';

/** What one invalid example must report: the exact JSON path, a fragment of the message, and a hint when the author needs one. */
interface Expected {
  path: string;
  message: string | RegExp;
  /** true: some hint; a string: a fragment the hint must hold. */
  hint?: true | string;
}

type Scenario = ReturnType<typeof tinyCourt>;

/** Tiny-court's map (8 rows of 20): "#" wall, "." open, "=" road, A/B blocks, E gate, S clinic. */
const ROWS = tinyCourt().map.rows as string[];

function expectError(result: LoadResult, expected: Expected): void {
  expect(result.ok).toBe(false);
  if (result.ok) return;
  for (const e of result.errors) {
    expect(e.path.length).toBeGreaterThan(0);
    expect(e.message.length).toBeGreaterThan(0);
  }
  const found = result.errors.find((e) => e.path === expected.path);
  expect(found, `no error at ${expected.path}; got ${JSON.stringify(result.errors)}`).toBeDefined();
  if (!found) return;
  if (typeof expected.message === 'string') expect(found.message).toContain(expected.message);
  else expect(found.message).toMatch(expected.message);
  if (expected.hint === true) expect(found.hint?.length).toBeGreaterThan(0);
  else if (expected.hint) expect(found.hint).toContain(expected.hint);
}

const mutated = (mutate: (s: Scenario) => void): LoadResult => {
  const s = tinyCourt();
  mutate(s);
  return loadScenarioObject(s);
};

/** Replace one character of a map row. */
const setCell = (s: Scenario, x: number, y: number, ch: string) => {
  const row: string = s.map.rows[y];
  s.map.rows[y] = row.slice(0, x) + ch + row.slice(x + 1);
};

const cases: [string, () => LoadResult, Expected][] = [
  [
    'a typo in a key names the key and the one it probably meant',
    () =>
      mutated((s) => {
        s.map.cellSizeMM = s.map.cellSizeM;
        delete s.map.cellSizeM;
      }),
    { path: 'map.cellSizeMM', message: 'unknown key "cellSizeMM"', hint: '"cellSizeM"' },
  ],
  [
    'a typo in an optional key inside a list of places',
    () =>
      mutated((s) => {
        s.places[3].capacityPerson = 10;
        delete s.places[3].capacityPersons;
      }),
    { path: 'places[3].capacityPerson', message: 'unknown key', hint: '"capacityPersons"' },
  ],
  [
    'a typo in a key of a legend object (one form of a union)',
    () =>
      mutated((s) => {
        s.map.legend.A = { cell: 'building', plac: 'block-a' };
      }),
    { path: 'map.legend.A.plac', message: 'unknown key "plac"', hint: '"place"' },
  ],
  [
    'a number written as text',
    () =>
      mutated((s) => {
        s.map.cellSizeM = '1';
      }),
    { path: 'map.cellSizeM', message: 'expected a number, got the text "1"', hint: 'remove the quotes' },
  ],
  [
    'a list where an object belongs',
    () =>
      mutated((s) => {
        s.population = [];
      }),
    { path: 'population', message: 'expected an object' },
  ],
  [
    'a fraction of a person',
    () =>
      mutated((s) => {
        s.population.groups[0].count = 2.5;
      }),
    { path: 'population.groups[0].count', message: 'whole number', hint: 'whole number of people' },
  ],
  [
    'a missing required field',
    () =>
      mutated((s) => {
        delete s.title;
      }),
    { path: 'title', message: '"title" is missing', hint: 'text in double quotes' },
  ],
  [
    'a missing placement of a group',
    () =>
      mutated((s) => {
        delete s.population.groups[1].placement;
      }),
    { path: 'population.groups[1].placement', message: 'is missing', hint: true },
  ],
  [
    'an unknown place kind lists the kinds allowed',
    () =>
      mutated((s) => {
        s.places[0].kind = 'tower';
      }),
    { path: 'places[0].kind', message: 'unknown kind "tower"', hint: '"building", "exit", "shelter", "zone"' },
  ],
  [
    'an unknown timeline event kind',
    () =>
      mutated((s) => {
        s.timeline[0].kind = 'alarm';
      }),
    { path: 'timeline[0].kind', message: 'unknown kind "alarm"', hint: '"message"' },
  ],
  [
    'a missing distribution kind',
    () =>
      mutated((s) => {
        s.population.defaultPreMovementS = { minS: 5, maxS: 30 };
      }),
    { path: 'population.defaultPreMovementS.kind', message: '"kind" is missing', hint: '"lognormal"' },
  ],
  [
    'an unknown cell kind in the legend',
    () =>
      mutated((s) => {
        s.map.legend['.'] = 'grass';
      }),
    { path: 'map.legend["."]', message: '"grass" is not allowed', hint: '"open"' },
  ],
  [
    'a legend key of two characters',
    () =>
      mutated((s) => {
        s.map.legend.AB = 'open';
      }),
    { path: 'map.legend.AB', message: 'single character', hint: 'one letter' },
  ],
  [
    'an emoji in the map (two UTF-16 characters)',
    // The emoji replaces two dots, so the row keeps its length in UTF-16 units.
    () =>
      mutated((s) => {
        s.map.rows[1] = `${ROWS[1].slice(0, 5)}🌳${ROWS[1].slice(7)}`;
      }),
    { path: 'map.rows[1]', message: 'symbol 🌳 at column 5 cannot be used', hint: 'letters, digits or signs' },
  ],
  [
    'a map character missing from the legend',
    () => mutated((s) => setCell(s, 5, 1, '?')),
    { path: 'map.rows[1]', message: 'character "?" at column 5 is not in map.legend', hint: 'add "?" to map.legend' },
  ],
  [
    'rows of unequal length',
    () =>
      mutated((s) => {
        s.map.rows[3] = `${s.map.rows[3]}.`;
      }),
    { path: 'map.rows[3]', message: `row 3 has ${ROWS[0].length + 1} characters but row 0 has ${ROWS[0].length}`, hint: 'same length' },
  ],
  [
    'a legend entry naming a place that does not exist',
    () =>
      mutated((s) => {
        s.map.legend.A.place = 'block-z';
      }),
    { path: 'map.legend.A.place', message: 'no place has the id "block-z"', hint: '"id": "block-z"' },
  ],
  [
    'a legend cell kind that differs from its place kind',
    () =>
      mutated((s) => {
        s.map.legend.E.place = 'block-a';
      }),
    { path: 'map.legend.E.place', message: '"block-a" is a building but these cells are drawn as exit', hint: true },
  ],
  [
    'an exit cell that belongs to no place',
    () =>
      mutated((s) => {
        s.map.legend.E = 'exit';
      }),
    { path: 'map.legend.E', message: 'exit cells must belong to a place', hint: '"cell": "exit", "place"' },
  ],
  [
    'a zone drawn with map characters',
    () =>
      mutated((s) => {
        s.map.legend.A.place = 'west-side';
      }),
    { path: 'map.legend.A.place', message: '"west-side" is a zone', hint: '"rect"' },
  ],
  [
    'a place that is not drawn on the map',
    () =>
      mutated((s) => {
        s.places.push({ id: 'east-gate', kind: 'exit' });
      }),
    { path: 'places[5]', message: 'exit "east-gate" is not drawn on the map', hint: '"place": "east-gate"' },
  ],
  [
    'two places with the same id',
    () =>
      mutated((s) => {
        s.places[4].id = 'block-a';
      }),
    { path: 'places[4].id', message: 'another place already has the id "block-a"', hint: true },
  ],
  [
    'two groups with the same id',
    () =>
      mutated((s) => {
        s.population.groups[1].id = 'adults';
      }),
    { path: 'population.groups[1].id', message: 'another group already has the id "adults"', hint: true },
  ],
  [
    'an id with a space',
    () =>
      mutated((s) => {
        s.id = 'tiny court';
      }),
    { path: 'id', message: 'use letters, digits' },
  ],
  [
    'a group placed in a building that does not exist',
    () =>
      mutated((s) => {
        s.population.groups[1].placement.buildings = ['block-c'];
      }),
    { path: 'population.groups[1].placement.buildings[0]', message: 'no building has the id "block-c"', hint: 'block-a, block-b' },
  ],
  [
    'a group placed in a place that is not a building',
    () =>
      mutated((s) => {
        s.population.groups[1].placement.buildings = ['clinic'];
      }),
    { path: 'population.groups[1].placement.buildings[0]', message: '"clinic" is a shelter, but a building is needed', hint: 'block-a' },
  ],
  [
    'residents walled in with no way to an exit',
    () =>
      mutated((s) => {
        // A wall ring around block A (columns 1–6, rows 1–5).
        for (let x = 1; x <= 6; x++) {
          setCell(s, x, 1, '#');
          setCell(s, x, 5, '#');
        }
        for (let y = 2; y <= 4; y++) {
          setCell(s, 1, y, '#');
          setCell(s, 6, y, '#');
        }
      }),
    { path: 'population.groups[0].placement', message: /no exit or shelter can be reached \(column [2-5], row [2-4]\)/, hint: 'open a way out' },
  ],
  [
    'more people than the room can hold',
    () =>
      mutated((s) => {
        // Block B is 4 × 3 cells of 1 m²; at most floor(5.4 × 1) = 5 people stand in each.
        s.population.groups[1].count = 4 * 3 * 5 + 1;
      }),
    { path: 'population.groups[1].placement', message: 'not enough room for the 61 people of "elderly"', hint: 'at most 5 people' },
  ],
  [
    'more volunteers than the room can hold',
    () =>
      mutated((s) => {
        s.volunteers = [{ id: 'team', count: 4 * 3 * 5 + 1, placement: { kind: 'buildings', buildings: ['block-a'] } }];
      }),
    { path: 'volunteers[0].placement', message: 'not enough room for the 61 volunteers', hint: true },
  ],
  [
    'a point outside the map',
    () =>
      mutated((s) => {
        s.population.groups[1] = { id: 'walkers', count: 1, placement: { kind: 'points', pointsM: [[100, 2]] } };
      }),
    { path: 'population.groups[1].placement.pointsM[0]', message: 'point (100, 2) m is outside the map', hint: true },
  ],
  [
    'a negative count',
    () =>
      mutated((s) => {
        s.population.groups[0].count = -3;
      }),
    { path: 'population.groups[0].count', message: 'count cannot be negative' },
  ],
  [
    'a negative rectangle position',
    () =>
      mutated((s) => {
        s.places[4].rect.x = -1;
      }),
    { path: 'places[4].rect.x', message: 'use 0 or more' },
  ],
  [
    'a huge cell size',
    () =>
      mutated((s) => {
        s.map.cellSizeM = 1e9;
      }),
    { path: 'map.cellSizeM', message: 'cells are at most 10 m' },
  ],
  [
    'a run of zero seconds (durations must be above 0)',
    () =>
      mutated((s) => {
        s.simulation.durationS = 0;
      }),
    { path: 'simulation.durationS', message: 'must be greater than 0' },
  ],
  [
    'a range written backwards',
    () =>
      mutated((s) => {
        s.population.defaultPreMovementS = { kind: 'uniform', minS: 30, maxS: 5 };
      }),
    { path: 'population.defaultPreMovementS.maxS', message: 'maxS (5) is below minS (30)', hint: 'swap' },
  ],
  [
    '1e400, which JSON reads as Infinity',
    () => loadScenarioText(readText('scenarios/tiny-court.json').replace('"cellSizeM": 1', '"cellSizeM": 1e400')),
    { path: 'map.cellSizeM', message: 'too large', hint: true },
  ],
  [
    'a missing schemaVersion',
    () =>
      mutated((s) => {
        delete s.schemaVersion;
      }),
    { path: 'schemaVersion', message: 'schemaVersion is missing', hint: '"schemaVersion": 1' },
  ],
  [
    'a schemaVersion from the future',
    () =>
      mutated((s) => {
        s.schemaVersion = 2;
      }),
    { path: 'schemaVersion', message: 'schemaVersion 2, newer than', hint: 'update Resilience Drill' },
  ],
  [
    'an evacuation of an unknown zone',
    () =>
      mutated((s) => {
        s.timeline[1].zone = 'east-side';
      }),
    { path: 'timeline[1].zone', message: 'no zone or building has the id "east-side"', hint: 'west-side' },
  ],
  [
    'an evacuation toward an unknown exit',
    () =>
      mutated((s) => {
        s.timeline[1].target = 'south-gate';
      }),
    { path: 'timeline[1].target', message: 'no exit or shelter has the id "south-gate"', hint: 'north-gate, clinic' },
  ],
  [
    'a strategy closing an unknown exit',
    () =>
      mutated((s) => {
        s.strategies[1].timeline[0].place = 'clinik';
      }),
    { path: 'strategies[1].timeline[0].place', message: 'no exit or shelter has the id "clinik"', hint: 'clinic' },
  ],
  [
    'a blocked area beyond the map',
    () =>
      mutated((s) => {
        s.timeline.push({ atS: 30, kind: 'blockArea', rect: { x: 15, y: 0, w: 10, h: 2 } });
      }),
    { path: 'timeline[2].rect', message: 'reaches beyond the map (20 columns × 8 rows)', hint: 'x + w' },
  ],
  [
    'a tick too long for the fastest walker',
    () =>
      mutated((s) => {
        s.simulation.tickS = 1;
      }),
    // RiMEA (guideline test 7): 30–50-year-olds walk up to 1.54 m/s, so a 1 m cell takes 1 / 1.54 = 0.649 s.
    { path: 'simulation.tickS', message: 'the fastest walker (1.54 m/s) would cross more than one 1 m cell', hint: 'at most 0.64' },
  ],
];

describe('invalid scenarios', () => {
  it('tiny-court itself is valid (every example below differs from it in one way)', () => {
    expect(loadScenarioObject(tinyCourt()).ok).toBe(true);
  });

  it.each(cases)('%s', (_name, load, expected) => {
    expectError(load(), expected);
  });
});

describe('files that are not JSON', () => {
  const text = readText('scenarios/tiny-court.json');
  const lines = text.split('\n');

  it('a truncated file says where it ends', () => {
    const cut = text.slice(0, text.indexOf('"places"'));
    const lastLine = cut.split('\n').length;
    const column = cut.length - cut.lastIndexOf('\n');
    expectError(loadScenarioText(cut), { path: '(file)', message: `the file ends too early at line ${lastLine}, column ${column}`, hint: '}' });
  });

  it('a missing comma points at the start of the next line', () => {
    const at = lines.findIndex((l) => l.includes('"id": "tiny-court",'));
    const broken = [...lines];
    broken[at] = broken[at].replace(/,$/, '');
    const indent = lines[at + 1].length - lines[at + 1].trimStart().length;
    expectError(loadScenarioText(broken.join('\n')), { path: '(file)', message: `line ${at + 2}, column ${indent + 1}`, hint: 'comma' });
  });

  it('a trailing comma before a closing bracket', () => {
    const broken = text.replace('"place": "clinic" }]', '"place": "clinic" },]');
    expectError(loadScenarioText(broken), { path: '(file)', message: 'expected a value, found "]"', hint: 'remove the comma' });
  });

  it('comments are named as such', () => {
    expectError(loadScenarioText(`// my court\n${text}`), { path: '(file)', message: 'JSON does not allow comments at line 1, column 1' });
  });

  it('single quotes get a hint about double quotes', () => {
    expectError(loadScenarioText("{ 'schemaVersion': 1 }"), { path: '(file)', message: 'line 1, column 3', hint: 'double quotes' });
  });

  it('an empty file and a file holding a list', () => {
    expectError(loadScenarioText(''), { path: '(file)', message: 'the file is empty' });
    expectError(loadScenarioText('[1, 2]'), { path: '(file)', message: 'one JSON object' });
  });

  it('a byte-order mark from a Windows editor is accepted', () => {
    expect(loadScenarioText(`\uFEFF${text}`).ok).toBe(true);
  });
});

describe('hostile sizes are refused before anything large is built', () => {
  /** Each case must answer well within this; building the grid or the people would take far longer. */
  const FAST_MS = 2000;

  const timed = (load: () => LoadResult, expected: Expected) => {
    const start = performance.now();
    const result = load();
    expect(performance.now() - start).toBeLessThan(FAST_MS);
    expectError(result, expected);
  };

  it('a row of a million characters', () => {
    timed(
      () =>
        mutated((s) => {
          s.map.rows[1] = '.'.repeat(1_000_000);
        }),
      { path: 'map.rows[1]', message: 'at most 4000 characters' },
    );
  });

  it('thousands of rows', () => {
    timed(
      () =>
        mutated((s) => {
          s.map.rows = Array.from({ length: 5000 }, () => '.');
        }),
      { path: 'map.rows', message: 'at most 4000 rows' },
    );
  });

  it('rows and columns each allowed but too many cells together', () => {
    const row = '.'.repeat(2001);
    timed(
      () =>
        mutated((s) => {
          s.map.rows = Array.from({ length: 2001 }, () => row);
        }),
      { path: 'map.rows', message: 'the map has 4004001 cells', hint: 'cellSizeM' },
    );
  });

  it('an object with a hundred thousand unknown keys', () => {
    timed(
      () =>
        mutated((s) => {
          for (let i = 0; i < 100_000; i++) s.map[`cellSize${i}`] = i;
        }),
      { path: 'map', message: 'and 99990 more unknown keys' },
    );
  });

  it('a billion residents', () => {
    timed(
      () =>
        mutated((s) => {
          s.population.groups[0].count = 1e9;
        }),
      { path: 'population.groups[0].count', message: 'at most 2,000,000 people' },
    );
  });

  it('many groups each allowed but too many together', () => {
    timed(
      () =>
        mutated((s) => {
          s.population.groups = Array.from({ length: 2 }, (_, i) => ({ id: `g${i}`, count: 1_500_000, placement: { kind: 'allBuildings' } }));
        }),
      { path: 'population.groups', message: '3000000 residents in all' },
    );
  });

  it('a thousand groups spread over a large map', () => {
    const row = 'A'.repeat(2000);
    timed(
      () =>
        mutated((s) => {
          s.map.rows = [`E${row.slice(1)}`, ...Array.from({ length: 1999 }, () => row)];
          s.population.groups = Array.from({ length: 1000 }, (_, i) => ({
            id: `g${i}`,
            count: 1,
            placement: { kind: 'rect', rect: { x: i, y: 0, w: 1000, h: 2000 } },
          }));
          s.map.legend = { A: s.map.legend.A, E: s.map.legend.E };
          s.places = s.places.filter((p: { id: string }) => p.id === 'block-a' || p.id === 'north-gate');
          s.timeline = [];
          s.strategies = [];
        }),
      { path: 'population.groups', message: 'placements cover', hint: 'share placements' },
    );
  });

  it('too many different evacuation targets for one run', () => {
    const exits = Array.from({ length: 201 }, (_, i) => String.fromCharCode(0x4e00 + i));
    timed(
      () =>
        loadScenarioObject({
          schemaVersion: 1,
          id: 'many-targets',
          title: 'Many targets',
          map: {
            cellSizeM: 1,
            rows: [exits.join(''), '.'.repeat(exits.length)],
            legend: { '.': 'open', ...Object.fromEntries(exits.map((ch, i) => [ch, { cell: 'exit', place: `gate-${i}` }])) },
          },
          places: exits.map((_, i) => ({ id: `gate-${i}`, kind: 'exit' })),
          population: { groups: [{ id: 'one', count: 1, placement: { kind: 'rect', rect: { x: 0, y: 1, w: 1, h: 1 } } }] },
          timeline: exits.map((_, i) => ({ atS: i, kind: 'evacuate', target: `gate-${i}` })),
        }),
      { path: 'timeline', message: 'uses 201 different evacuation targets', hint: '"nearest-safe"' },
    );
  });
});
