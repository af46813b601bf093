import { describe, expect, it } from 'vitest';
import { formatJson } from '../../cli/output';

describe('JSON output', () => {
  it('puts lists of plain values, and lists of such lists, on one line', () => {
    const value = {
      series: [
        [0, 0],
        [5, 0.5],
        [10, 1],
      ],
      ids: ['a', 'b'],
      teams: [{ team: 'x', n: 1 }],
      empty: [],
    };
    const text = formatJson(value);
    expect(text).toContain('"series": [[0, 0], [5, 0.5], [10, 1]]');
    expect(text).toContain('"ids": ["a", "b"]');
    // Lists of objects keep one field per line.
    expect(text).toMatch(/"teams": \[\n\s+\{\n\s+"team": "x",/);
    expect(JSON.parse(text)).toEqual(value);
  });

  it('never changes a value, even when strings hold brackets', () => {
    const value = { title: 'Gate [north] closed', list: ['[', ']', '[[1, 2]]'], nested: [['a [b]', 'c'], ['d']] };
    expect(JSON.parse(formatJson(value))).toEqual(value);
  });
});
