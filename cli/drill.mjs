#!/usr/bin/env node
// Boot file of the `drill` command: registers tsx so the TypeScript command line runs without a build.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('./main.ts');
// A closed pipe (drill info x | head) is not an error worth a stack trace.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});
process.exitCode = await main(process.argv.slice(2));
