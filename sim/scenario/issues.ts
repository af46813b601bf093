import type { z } from 'zod';
import { closest } from './closest';
import { formatPath, type ScenarioError } from './ScenarioError';
import { keysOf, schemaAt } from './schemaWalk';

type Issue = z.core.$ZodIssue;

const MAX_KEYS_SHOWN = 10;

/** What a schema type is, in words a scenario author knows. */
const TYPE_WORDS: Record<string, string> = {
  string: 'text in double quotes',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list in [ ]',
  object: 'an object in { }',
  tuple: 'a list in [ ]',
  record: 'an object in { }',
};

const describeType = (expected: string) => TYPE_WORDS[expected] ?? expected;

/**
 * Turn one zod issue into errors for the scenario's author: a JSON path to the offending value, what is
 * wrong in plain words, and how to fix it. `root` and `raw` let it look up the keys allowed at a place
 * (to suggest the key a typo meant) and follow unions to the variant the author wrote.
 */
export function issueToErrors(issue: Issue, root: z.ZodType, raw: unknown, base: readonly PropertyKey[] = []): ScenarioError[] {
  const fullPath = [...base, ...issue.path];
  const path = formatPath(fullPath);
  switch (issue.code) {
    case 'unrecognized_keys': {
      const allowed = keysOf(schemaAt(root, fullPath, raw));
      // A hostile object may hold thousands of unknown keys; a few are enough to see the problem.
      const shown = issue.keys.slice(0, MAX_KEYS_SHOWN);
      const errors: ScenarioError[] = shown.map((key) => ({
        path: formatPath([...fullPath, key]),
        message: `unknown key "${key.length > 64 ? `${key.slice(0, 64)}…` : key}"`,
        hint: unknownKeyHint(key, allowed),
      }));
      if (issue.keys.length > shown.length) errors.push({ path, message: `and ${issue.keys.length - shown.length} more unknown keys here` });
      return errors;
    }
    case 'invalid_type':
      return [invalidType(issue, fullPath, path)];
    case 'invalid_union':
      return invalidUnion(issue, root, raw, fullPath, path);
    case 'invalid_value':
      return [
        {
          path,
          message: issue.input === undefined ? `${lastKey(fullPath)} is missing` : `${showValue(issue.input)} is not allowed here`,
          hint: `use one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`,
        },
      ];
    case 'invalid_key': {
      const inner = issue.issues[0];
      // The only record is the legend, whose keys are single map characters.
      return [
        {
          path,
          message: inner && !isDefaultMessage(inner.message) ? inner.message : 'this key is not allowed here',
          hint: 'use one letter, digit or sign such as # . = ~ (emoji count as two characters)',
        },
      ];
    }
    case 'too_big':
    case 'too_small':
      return [{ path, message: isDefaultMessage(issue.message) ? rangeMessage(issue) : issue.message }];
    default:
      return [{ path, message: issue.message }];
  }
}

function unknownKeyHint(key: string, allowed: readonly string[]): string {
  const near = closest(key, allowed);
  if (near) return `did you mean "${near}"?`;
  if (allowed.length && allowed.length <= 12) return `the keys allowed here are ${allowed.map((k) => `"${k}"`).join(', ')}; fix the spelling or remove it`;
  return 'check the spelling against the scenario guide, or remove it';
}

function invalidType(issue: z.core.$ZodIssueInvalidType, fullPath: readonly PropertyKey[], path: string): ScenarioError {
  const expected = describeType(issue.expected);
  // zod reports a non-finite number (1e400 parses to Infinity) as "received Infinity" without the input.
  const received = (issue as { received?: string }).received;
  if (received === 'Infinity' || received === '-Infinity' || (typeof issue.input === 'number' && !Number.isFinite(issue.input))) {
    return { path, message: 'this number is too large to use (it reads as infinity)', hint: 'write an ordinary number' };
  }
  if (issue.input === undefined) return { path, message: `${lastKey(fullPath)} is missing`, hint: `add it: ${expected}` };
  const custom = isDefaultMessage(issue.message) ? undefined : issue.message;
  const numeric = typeof issue.input === 'string' && issue.input.trim() !== '' && Number.isFinite(Number(issue.input));
  return {
    path,
    message: `expected ${expected}, got ${typeName(issue.input)}`,
    hint: custom ?? (numeric && issue.expected !== 'string' ? `remove the quotes: ${issue.input.trim()}` : undefined),
  };
}

function invalidUnion(issue: z.core.$ZodIssueInvalidUnion, root: z.ZodType, raw: unknown, fullPath: readonly PropertyKey[], path: string): ScenarioError[] {
  const discriminator = (issue as { discriminator?: string }).discriminator;
  if (discriminator) {
    const options = (issue as { options?: unknown[] }).options ?? [];
    const input = issue.input as Record<string, unknown> | undefined;
    const value = input && typeof input === 'object' ? input[discriminator] : undefined;
    // zod puts the discriminator at the end of the path already.
    const at = fullPath[fullPath.length - 1] === discriminator ? path : formatPath([...fullPath, discriminator]);
    return [
      {
        path: at,
        message: value === undefined ? `"${discriminator}" is missing` : `unknown ${discriminator} ${showValue(value)}`,
        hint: options.length ? `use one of ${options.map((o) => JSON.stringify(o)).join(', ')}` : 'see the scenario guide for the kinds allowed here',
      },
    ];
  }
  // A plain union (for example a legend entry: a cell kind or an object): explain the one form that fits the
  // kind of value written, so a wrong object gets its own key errors rather than "none of the forms".
  const structured = typeof issue.input === 'object' && issue.input !== null;
  const rejectsKind = (i: Issue) => i.path.length === 0 && (i.code === 'invalid_type' || (structured && i.code === 'invalid_value'));
  const fitting = issue.errors.filter((branch) => !branch.some(rejectsKind));
  if (fitting.length === 1) {
    const others = issue.errors
      .filter((branch) => branch !== fitting[0])
      .flatMap((branch) => branch.filter((i) => i.code === 'invalid_type' && i.path.length === 0));
    const errors = fitting[0].flatMap((inner) => issueToErrors(inner, root, raw, fullPath));
    const alternatives = others.map((i) => describeType((i as z.core.$ZodIssueInvalidType).expected));
    if (alternatives.length && errors.length === 1 && fitting[0][0].path.length === 0) {
      errors[0] = { ...errors[0], hint: `${errors[0].hint ? `${errors[0].hint}, ` : ''}or write ${alternatives.join(' or ')} (see the scenario guide)` };
    }
    return errors;
  }
  const expected = issue.errors.flatMap((branch) => branch.filter((i) => i.code === 'invalid_type' && i.path.length === 0));
  return [
    {
      path,
      message: `expected ${expected.map((i) => describeType((i as z.core.$ZodIssueInvalidType).expected)).join(' or ') || 'another form'}, got ${typeName(issue.input)}`,
      hint: 'see the scenario guide for this field',
    },
  ];
}

/** zod's own English messages start like this; ours are written for authors and kept as they are. */
function isDefaultMessage(message: string): boolean {
  return /^(Invalid|Too (small|big)|Unrecognized)/.test(message);
}

function rangeMessage(issue: z.core.$ZodIssueTooBig | z.core.$ZodIssueTooSmall): string {
  const small = issue.code === 'too_small';
  const limit = Number(small ? (issue as z.core.$ZodIssueTooSmall).minimum : (issue as z.core.$ZodIssueTooBig).maximum);
  if (issue.origin === 'array' || issue.origin === 'set') {
    if (small && limit === 1) return 'the list cannot be empty';
    return `the list must have ${small ? 'at least' : 'at most'} ${limit} item${limit === 1 ? '' : 's'}`;
  }
  if (issue.origin === 'string') {
    if (small && limit === 1) return 'the text cannot be empty';
    return `the text must have ${small ? 'at least' : 'at most'} ${limit} character${limit === 1 ? '' : 's'}`;
  }
  if (issue.inclusive === false) return `must be ${small ? 'greater' : 'less'} than ${limit}`;
  return `must be ${small ? 'at least' : 'at most'} ${limit}`;
}

function lastKey(path: readonly PropertyKey[]): string {
  const key = path[path.length - 1];
  return key === undefined ? 'a value' : typeof key === 'number' ? `item ${key}` : `"${String(key)}"`;
}

/**
 * A value as the author wrote it, shortened; objects and lists only by their type, because printing a
 * hostile, deeply nested value would overflow the stack.
 */
function showValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value);
  return typeName(value);
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return `the text ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  return `${typeof value} ${String(value).slice(0, 40)}`;
}
