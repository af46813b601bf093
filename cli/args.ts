/** A mistake in how the command line was used: exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** Options a command accepts: `boolean` flags stand alone, `string` flags take a value. */
export type FlagSpec = Record<string, 'boolean' | 'string'>;

export interface ParsedArgs {
  positionals: string[];
  flags: Record<string, string | boolean | undefined>;
}

/**
 * Split the arguments of `program` (for example "drill run") into positionals and the flags of `spec`
 * (`--name value` or `--name=value`; `--` ends the flags). A value is taken even if it starts with "-",
 * so `--seed -3` works.
 * @throws UsageError naming the unknown flag or the missing value.
 */
export function parseArgs(program: string, argv: readonly string[], spec: FlagSpec): ParsedArgs {
  const positionals: string[] = [];
  const flags: ParsedArgs['flags'] = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = (eq >= 0 ? arg.slice(0, eq) : arg).replace(/^--?/, '');
    const kind = Object.hasOwn(spec, name) ? spec[name] : undefined;
    if (!kind) {
      const known = Object.keys(spec).map((n) => `--${n}`);
      throw new UsageError(
        `unknown option ${arg.slice(0, eq >= 0 ? eq : undefined)} for "${program}"; ${known.length ? `it accepts ${known.join(', ')}` : 'it takes no options'}`,
      );
    }
    if (kind === 'boolean') {
      if (eq >= 0) throw new UsageError(`--${name} takes no value; write just --${name}`);
      flags[name] = true;
    } else if (eq >= 0) {
      flags[name] = arg.slice(eq + 1);
    } else if (i + 1 < argv.length && !argv[i + 1].startsWith('--')) {
      flags[name] = argv[++i];
    } else {
      throw new UsageError(`--${name} needs a value, for example --${name} ${EXAMPLES[name] ?? 'VALUE'}`);
    }
  }
  return { positionals, flags };
}

const EXAMPLES: Record<string, string> = {
  seed: '7',
  strategy: 'as-drawn',
  'until-s': '300',
  // drill compare
  seeds: '20',
  strategies: 'as-drawn,gate-only',
  'first-seed': '1',
  workers: '2',
  csv: 'results.csv',
  report: 'report.html',
};

/** A whole number that fits a 32-bit seed (negative seeds are fine: the simulation uses the low 32 bits). */
export function parseSeed(value: string | boolean | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const text = String(value).trim();
  const n = Number(text);
  if (!/^[+-]?\d+$/.test(text) || n < -(2 ** 31) || n > 2 ** 32 - 1) {
    throw new UsageError(`--seed must be a whole number between -2147483648 and 4294967295, got "${value}"; for example --seed 7`);
  }
  return n;
}

/** A duration in seconds: finite, not negative, at most `max`. */
export function parseSeconds(flag: string, value: string | boolean | undefined, max: number): number | undefined {
  if (value === undefined) return undefined;
  const text = String(value).trim();
  const n = Number(text);
  if (text === '' || !Number.isFinite(n) || n < 0 || n > max) {
    throw new UsageError(`--${flag} must be a number of seconds from 0 to ${max}, got "${value}"; for example --${flag} 300`);
  }
  return n;
}

/** The one scenario file a command works on; the message shows an example when it is missing or doubled. */
export function oneScenarioPath(command: string, positionals: readonly string[]): string {
  if (positionals.length === 0) throw new UsageError(`"drill ${command}" needs a scenario file, for example: drill ${command} scenarios/tiny-court.json`);
  if (positionals.length > 1) throw new UsageError(`"drill ${command}" takes one scenario file, got ${positionals.length}: ${positionals.join(' ')}`);
  return positionals[0];
}
