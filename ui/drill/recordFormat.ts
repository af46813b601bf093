import { z } from 'zod';
import { StateHasher } from '../../sim/core/hash';
import type { Command, ScenarioError } from '../../sim/index';
import { findJsonSyntaxProblem } from '../../sim/scenario/jsonSyntax';
import { formatPath } from '../../sim/scenario/ScenarioError';
import { actionSchemas } from '../../sim/scenario/schema';
import { ROLES, TRAINEE_ROLES } from './roles';

/**
 * The drill record: everything needed to rebuild a drill (scenario, strategy, seed and the commands at their
 * ticks) and what it is for (session, roles, real times). Pure: no DOM, no storage; the browser keeps records
 * in IndexedDB (recordStore.ts), the command line replays exported files (cli/commands/replay.ts).
 */
export const RECORD_FORMAT = 'resilience-drill-record';
export const RECORD_FORMAT_VERSION = 1;
/** Largest record file read, in characters: about a million commands' worth, far beyond any drill. */
export const MAX_RECORD_CHARS = 64 * 1024 * 1024;
const MAX_ENTRIES = 200_000;

const isoTime = z.iso.datetime({ offset: true, error: 'expected a date and time such as "2025-05-01T09:30:00.000Z"' });
const tick = z.int('expected a whole number of ticks').min(0, 'a tick cannot be negative').max(1e9);
const hash = z.string().regex(/^[0-9a-f]{16}$/, 'expected 16 hexadecimal digits');
const commandSchema = z.discriminatedUnion('kind', [...actionSchemas]);

const entrySchema = z.strictObject({
  /** The tick at whose start the command took effect. */
  tick,
  simTimeS: z.number().min(0),
  realTime: isoTime,
  role: z.enum(ROLES),
  command: commandSchema,
});

export const recordSchema = z.strictObject({
  format: z.literal(RECORD_FORMAT),
  formatVersion: z.literal(RECORD_FORMAT_VERSION),
  session: z.strictObject({
    name: z.string().min(1, 'a session needs a name').max(200),
    roles: z.array(z.enum(TRAINEE_ROLES)).max(TRAINEE_ROLES.length),
    startedAt: isoTime,
    endedAt: isoTime.optional(),
  }),
  scenario: z.strictObject({
    id: z.string().min(1).max(64),
    title: z.string().max(4000).optional(),
    /** scenarioContentHash of the scenario file the drill ran. */
    contentHash: hash,
    /** The file name it was loaded from, for people. */
    source: z.string().max(1000).optional(),
  }),
  strategy: z.string().min(1).max(64).nullable(),
  seed: z.int().min(0).max(0xffffffff),
  entries: z.array(entrySchema).max(MAX_ENTRIES),
  /** The last moment saved: the drill resumes here, and a replay to this tick must give this hash. */
  reached: z.strictObject({ tick, simTimeS: z.number().min(0), stateHash: hash, realTime: isoTime }).optional(),
});

export type DrillRecord = z.infer<typeof recordSchema>;
export type RecordEntry = DrillRecord['entries'][number];
export type RecordError = ScenarioError;
export type RecordResult = { ok: true; record: DrillRecord } | { ok: false; errors: RecordError[] };

const MAX_ERRORS = 20;
const EXPORT_AGAIN = 'export the record again from the drill app';

/**
 * A digest of a scenario file's content, to make sure a replay runs the very scenario the drill ran. It
 * digests the parsed JSON, so re-indenting the file or a byte-order mark does not change it.
 */
export function scenarioContentHash(text: string): string {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let canonical = body;
  try {
    canonical = JSON.stringify(JSON.parse(body));
  } catch {
    // Not JSON: digest the text as it is; loading it will report the problem.
  }
  return new StateHasher().string(canonical).digest();
}

/**
 * Read a drill record file. Never throws for bad input: every problem comes back with the place in the
 * file (a JSON path) and how to fix it.
 */
export function parseRecord(text: string): RecordResult {
  if (text.length > MAX_RECORD_CHARS) return fail('(file)', `the file is larger than ${MAX_RECORD_CHARS / 1024 / 1024} MiB`, 'choose a drill record file');
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') return fail('(file)', 'the file is empty', `choose a drill record file, or ${EXPORT_AGAIN}`);
  let raw: unknown;
  try {
    raw = JSON.parse(body);
  } catch {
    const problem = findJsonSyntaxProblem(body);
    const where = problem ? `: ${problem.reason} at line ${problem.line}, column ${problem.column}` : '';
    return fail('(file)', `this is not valid JSON${where}; the file is damaged or cut short`, `${EXPORT_AGAIN}; do not edit it by hand`);
  }
  return checkRecord(raw);
}

/** Validate an already parsed record (see parseRecord). */
export function checkRecord(raw: unknown): RecordResult {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return fail('(file)', 'a drill record holds one JSON object { ... }', `choose a file made with "Export record", or ${EXPORT_AGAIN}`);
  }
  const object = raw as Record<string, unknown>;
  if (object.format !== RECORD_FORMAT) {
    if ('schemaVersion' in object && 'map' in object) {
      return fail(
        'format',
        'this is a scenario file, not a drill record',
        'open it with "Open scenario…" or start a drill with it; import a file made with "Export record"',
      );
    }
    return fail('format', `this is not a drill record (format is ${show(object.format)}, not "${RECORD_FORMAT}")`, 'choose a file made with "Export record"');
  }
  if (object.formatVersion !== RECORD_FORMAT_VERSION) {
    const newer = typeof object.formatVersion === 'number' && object.formatVersion > RECORD_FORMAT_VERSION;
    return fail(
      'formatVersion',
      `this record has format version ${show(object.formatVersion)}; this app reads version ${RECORD_FORMAT_VERSION}`,
      newer
        ? 'open it with the newer version of the app that wrote it'
        : `${EXPORT_AGAIN}, or set "formatVersion": ${RECORD_FORMAT_VERSION} if it was written by hand`,
    );
  }
  const parsed = recordSchema.safeParse(raw, { reportInput: true });
  if (!parsed.success) return { ok: false, errors: parsed.error.issues.slice(0, MAX_ERRORS).map(describeIssue) };
  const errors = checkOrder(parsed.data);
  return errors.length ? { ok: false, errors } : { ok: true, record: parsed.data };
}

/** What zod's checks cannot see: commands in time order, roles that were in the session, the end after the last command. */
function checkOrder(record: DrillRecord): RecordError[] {
  const errors: RecordError[] = [];
  const seen = new Set<string>();
  record.session.roles.forEach((role, i) => {
    if (seen.has(role)) errors.push({ path: `session.roles[${i}]`, message: `the role "${role}" is listed twice`, hint: 'list each role once' });
    seen.add(role);
  });
  let previous = 0;
  record.entries.forEach((entry, i) => {
    if (entry.tick < previous) {
      errors.push({
        path: `entries[${i}].tick`,
        message: `tick ${entry.tick} comes before the previous command's tick ${previous}`,
        hint: 'commands must stay in the order they were given; restore the order or export the record again',
      });
    }
    previous = Math.max(previous, entry.tick);
    if (entry.role !== 'facilitator' && !seen.has(entry.role)) {
      errors.push({
        path: `entries[${i}].role`,
        message: `the role "${entry.role}" gave a command but is not among the session's roles`,
        hint: `add "${entry.role}" to session.roles, or export the record again`,
      });
    }
  });
  if (record.reached && record.reached.tick < previous) {
    errors.push({
      path: 'reached.tick',
      message: `the drill is said to end at tick ${record.reached.tick}, before its last command at tick ${previous}`,
      hint: `${EXPORT_AGAIN}, or remove "reached"`,
    });
  }
  return errors.slice(0, MAX_ERRORS);
}

/** One zod issue in words for someone holding the file, with the place and a fix. */
function describeIssue(issue: z.core.$ZodIssue): RecordError {
  const path = formatPath(issue.path);
  const key = issue.path[issue.path.length - 1];
  const name = typeof key === 'string' ? `"${key}"` : 'this item';
  const inCommand = issue.path.includes('command');
  const fix = inCommand ? 'write the command as the app does, for example {"kind": "closeExit", "place": "north-gate"}' : EXPORT_AGAIN;
  const input = (issue as { input?: unknown }).input;
  switch (issue.code) {
    case 'invalid_type':
      if (input === undefined) return { path, message: `${name} is missing`, hint: `add it, or ${EXPORT_AGAIN}` };
      return { path, message: `expected ${issue.expected}, got ${show(input)}`, hint: fix };
    case 'unrecognized_keys':
      return {
        path: formatPath([...issue.path, issue.keys[0]]),
        message: `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`,
        hint: 'remove it',
      };
    case 'invalid_value':
      return {
        path,
        message: input === undefined ? `${name} is missing` : `${show(input)} is not allowed here`,
        hint: `use one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`,
      };
    case 'invalid_union': {
      const discriminator = (issue as { discriminator?: string }).discriminator;
      const options = (issue as { options?: unknown[] }).options ?? [];
      if (discriminator) {
        return {
          path: path.endsWith(discriminator) ? path : `${path}.${discriminator}`,
          message: `unknown ${discriminator} ${show((input as Record<string, unknown> | undefined)?.[discriminator])}`,
          hint: `use one of ${options.map((o) => JSON.stringify(o)).join(', ')}`,
        };
      }
      return { path, message: issue.message, hint: fix };
    }
    default:
      return { path, message: issue.message, hint: fix };
  }
}

function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value);
  return Array.isArray(value) ? 'a list' : 'an object';
}

function fail(path: string, message: string, hint: string): RecordResult {
  return { ok: false, errors: [{ path, message, hint }] };
}

/** The commands of a record with their ticks, as replay takes them. */
export function replayEntries(record: DrillRecord): { tick: number; command: Command }[] {
  return record.entries.map((entry) => ({ tick: entry.tick, command: entry.command }));
}

/** The tick a drill resumes at and a replay runs to: the last saved moment, or the last command's tick. */
export function lastTickOf(record: DrillRecord): number {
  const lastEntry = record.entries[record.entries.length - 1]?.tick ?? 0;
  return Math.max(record.reached?.tick ?? 0, lastEntry);
}
