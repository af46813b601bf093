import { spawnSync } from 'node:child_process';

export interface DrillResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Run the real command line (`node cli/drill.mjs ...`) from the repository root, as a user would. */
export function drill(...args: string[]): DrillResult {
  const result = spawnSync(process.execPath, ['cli/drill.mjs', ...args], { encoding: 'utf8', timeout: 60_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A stack trace line ("    at foo (file:1:2)"): users must never see one for their own mistakes. */
export const STACK_LINE = /^\s+at .+[:(]/m;
