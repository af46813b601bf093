import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { drill, STACK_LINE } from './drill';

describe('drill usage', () => {
  it.each([['help'], ['--help'], ['run', '--help']])('drill %s prints the usage and exits 0', (...args) => {
    const r = drill(...args);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('drill validate FILE...');
    expect(r.stdout).toContain('drill run SCENARIO');
    expect(r.stdout).toContain('drill info SCENARIO');
  });

  it.each([
    [['frobnicate'], 'unknown command "frobnicate"; the commands are: validate, run, compare, info, replay, report, help'],
    [[], 'give a command: validate, run, compare, info, replay, report or help'],
    [['run'], '"drill run" needs a scenario file'],
    [['info'], '"drill info" needs a scenario file'],
    [
      ['run', 'scenarios/tiny-court.json', '--speed', '2'],
      'unknown option --speed for "drill run"; it accepts --seed, --strategy, --strategy-file, --until-s, --json',
    ],
    [['info', 'scenarios/tiny-court.json', '--seed', '2'], 'unknown option --seed for "drill info"; it accepts --json'],
    [['run', 'scenarios/tiny-court.json', '--seed', '1.5'], '--seed must be a whole number'],
    [['run', 'scenarios/tiny-court.json', '--seed', 'abc'], '--seed must be a whole number'],
    [['run', 'scenarios/tiny-court.json', '--seed'], '--seed needs a value'],
    [['run', 'scenarios/tiny-court.json', '--until-s', '-5'], '--until-s must be a number of seconds'],
    [['run', 'scenarios/tiny-court.json', '--strategy', 'fly-away'], 'scenario "tiny-court" has no strategy "fly-away"; choose one of: as-drawn, gate-only'],
  ])('drill %j is a usage error (exit 2)', (args, message) => {
    const r = drill(...args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(message);
    expect(r.stderr).toContain('Run "drill help" for usage.');
    expect(r.stderr).not.toMatch(STACK_LINE);
  });

  it('is installed as the package bin "drill", a node script', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
    expect(pkg.bin).toEqual({ drill: 'cli/drill.mjs' });
    expect(readFileSync('cli/drill.mjs', 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
  });
});
