import alea from 'seedrandom/lib/alea.js';

/** A seeded source of choices for the fuzzer; no Math.random, so every failing case can be replayed from its seed. */
export class Chooser {
  private readonly next: () => number;

  constructor(seed: string) {
    this.next = alea(seed);
  }

  /** Uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }

  chance(p: number): boolean {
    return this.next() < p;
  }
}

type Json = unknown;
type Container = Record<string, Json> | Json[];

/** Scenario documents are shallow; stopping here keeps deep values from being nested into each other without bound. */
const MAX_SLOT_DEPTH = 32;

/** Every (container, key) in a document down to MAX_SLOT_DEPTH, so a mutation can pick a value at any level. */
function slots(root: Json): [Container, string | number][] {
  const out: [Container, string | number][] = [];
  const stack: [Json, number][] = [[root, 0]];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    if (depth >= MAX_SLOT_DEPTH) continue;
    if (Array.isArray(node)) {
      node.forEach((child, i) => {
        out.push([node, i]);
        stack.push([child, depth + 1]);
      });
    } else if (node && typeof node === 'object') {
      for (const [key, child] of Object.entries(node)) {
        out.push([node as Record<string, Json>, key]);
        stack.push([child, depth + 1]);
      }
    }
  }
  return out;
}

const get = (c: Container, k: string | number) => (c as Record<string | number, Json>)[k];
const set = (c: Container, k: string | number, v: Json) => {
  (c as Record<string | number, Json>)[k] = v;
};

/** Values that break assumptions: wrong types, edges of number ranges, empty and huge texts. */
function oddValue(ch: Chooser, finiteOnly: boolean): Json {
  const values: Json[] = [
    0,
    -1,
    0.5,
    -0.0001,
    1e-320,
    2 ** 53 + 1,
    1e300,
    -1e308,
    4001,
    2_000_001,
    '',
    'x',
    '1',
    'nearest-safe',
    'all',
    '#',
    'A'.repeat(5000),
    true,
    false,
    null,
    [],
    {},
    [[0, 0]],
    { kind: 'fixed' },
    { x: 0, y: 0, w: 1, h: 1 },
  ];
  if (!finiteOnly) values.push(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, undefined);
  return ch.pick(values);
}

/** A deeply nested value, as hostile files use to exhaust recursive code (the invalid tests go deeper, as text). */
function deepValue(ch: Chooser): Json {
  const depth = ch.pick([10, 200, 1500]);
  let value: Json = ch.pick<Json>([1, 'x', null]);
  for (let i = 0; i < depth; i++) value = ch.chance(0.5) ? [value] : { kind: value };
  return value;
}

function mutateString(ch: Chooser, s: string): string {
  const at = ch.int(s.length + 1);
  switch (ch.int(4)) {
    case 0:
      return s.slice(0, at) + ch.pick(['?', '#', '.', 'Z', '🙂', '"', '\\', ' ']) + s.slice(at + 1);
    case 1:
      return s.slice(0, at) + s.slice(at + 1);
    case 2:
      return s.slice(0, at);
    default:
      return s + s;
  }
}

function mutateNumber(ch: Chooser, n: number): number {
  return ch.pick([-n, n * 1e6, n + 0.5, n - 1, n * 2 + 1, Math.floor(n / 2), 0]);
}

/**
 * Apply one random structural mutation to `doc` in place: a wrong type, a missing or extra key, a huge,
 * negative or fractional number, a deep replacement, an array swapped for an object (or back), a value
 * grafted from elsewhere, or an edited text. `finiteOnly` keeps the document JSON-serialisable.
 */
export function mutateDocument(ch: Chooser, doc: Record<string, Json>, finiteOnly: boolean): void {
  const all = slots(doc);
  if (all.length === 0) return;
  const [container, key] = ch.pick(all);
  const value = get(container, key);
  switch (ch.int(10)) {
    case 0:
      set(container, key, oddValue(ch, finiteOnly));
      break;
    case 1:
      if (Array.isArray(container)) container.splice(Number(key), 1);
      else delete container[key as string];
      break;
    case 2: {
      const target = value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, Json>) : doc;
      const existing = Object.keys(target);
      const name = existing.length && ch.chance(0.7) ? mutateString(ch, ch.pick(existing)) : ch.pick(['extra', 'kind', '__proto__', 'constructor', '']);
      target[name] = oddValue(ch, finiteOnly);
      break;
    }
    case 3:
      if (typeof value === 'number') set(container, key, mutateNumber(ch, value));
      else set(container, key, oddValue(ch, finiteOnly));
      break;
    case 4:
      set(container, key, deepValue(ch));
      break;
    case 5:
      if (Array.isArray(value)) set(container, key, Object.fromEntries(value.map((v, i) => [String(i), v])));
      else if (value && typeof value === 'object') set(container, key, Object.values(value));
      else set(container, key, [value]);
      break;
    case 6: {
      const [from, fromKey] = ch.pick(all);
      set(container, key, structuredClone(get(from, fromKey)));
      break;
    }
    case 7:
      if (typeof value === 'string') set(container, key, mutateString(ch, value));
      else set(container, key, oddValue(ch, finiteOnly));
      break;
    case 8:
      if (Array.isArray(value) && value.length) {
        const copies = ch.pick([2, 50, 500]);
        set(container, key, [...value, ...Array.from({ length: copies }, () => structuredClone(ch.pick(value)))]);
      } else set(container, key, []);
      break;
    default:
      if (Array.isArray(value)) set(container, key, []);
      else if (value && typeof value === 'object') set(container, key, {});
      else set(container, key, oddValue(ch, finiteOnly));
  }
}

/**
 * Change one number or text leaf of `doc` in place, keeping its type: such copies often pass the schema and
 * reach the semantic check (room, routes, references), which structural mutations rarely do.
 */
export function nudgeDocument(ch: Chooser, doc: Record<string, Json>): void {
  const leaves = slots(doc).filter(([c, k]) => typeof get(c, k) === 'number' || typeof get(c, k) === 'string');
  if (leaves.length === 0) return;
  const [container, key] = ch.pick(leaves);
  const value = get(container, key);
  set(container, key, typeof value === 'number' ? mutateNumber(ch, value) : mutateString(ch, value as string));
}

/** Damage a file's text: cut it short, drop a character or insert one that JSON treats specially. */
export function mutateText(ch: Chooser, text: string): string {
  const at = ch.int(text.length + 1);
  switch (ch.int(3)) {
    case 0:
      return text.slice(0, at);
    case 1:
      return text.slice(0, at) + text.slice(at + 1);
    default:
      return text.slice(0, at) + ch.pick(['{', '}', '[', ']', ',', ':', '"', '\\', '0', '-', 'e', '\n', '\t', '\u0000', '/']) + text.slice(at);
  }
}
