import { Chooser, mutateDocument, mutateText, nudgeDocument } from './mutate';

/** One mutated copy of a scenario: damaged text for the text loader, or a damaged object for the object loader. */
export type FuzzInput = { kind: 'text'; text: string } | { kind: 'object'; doc: unknown };

/**
 * The mutated copy number `index` of a scenario text, fully determined by (name, index) so a failing case
 * can be kept as a regression test.
 */
export function fuzzInput(name: string, text: string, index: number): FuzzInput {
  const ch = new Chooser(`${name}#${index}`);
  const roll = ch.int(100);
  if (roll < 15) {
    let damaged = mutateText(ch, text);
    if (ch.chance(0.3)) damaged = mutateText(ch, damaged);
    return { kind: 'text', text: damaged };
  }
  const doc = JSON.parse(text) as Record<string, unknown>;
  if (roll < 35) {
    for (let r = 1 + ch.int(2); r > 0; r--) nudgeDocument(ch, doc);
    return { kind: 'text', text: JSON.stringify(doc) };
  }
  // Objects can hold what JSON cannot (NaN, Infinity, undefined), as a host passing parsed data might.
  const asObject = roll < 55;
  const rounds = 1 + ch.int(3);
  for (let r = 0; r < rounds; r++) mutateDocument(ch, doc, !asObject);
  return asObject ? { kind: 'object', doc } : { kind: 'text', text: JSON.stringify(doc) };
}
