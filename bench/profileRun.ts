import { BENCH_MODELS, type BenchModel, measureRun } from './measureRun';
import { isPeerModel } from './peers/peerModels';

/**
 * One measurement in this thread, for profiling: `node --cpu-prof --cpu-prof-dir=prof --import tsx
 * bench/profileRun.ts whole 100000 [warmupTicks] [timedTicks]`. One simulation in the process, as in a bench
 * worker, so V8 specialises the kernels the same way (the kernels are closures over one run's arrays).
 * Prints the speed; analyse the .cpuprofile in Chrome's DevTools or any profile viewer. Under tsx the profile
 * has functions but not lines; for lines, profile a bundle (`npx esbuild bench/profileRun.ts --bundle
 * --platform=node --format=esm --outfile=/tmp/run.mjs`, then `node --cpu-prof /tmp/run.mjs whole 100000`).
 */
const [model, agents, warmup, timed] = process.argv.slice(2);
if (!(BENCH_MODELS as readonly string[]).includes(model) || isPeerModel(model) || !(Number(agents) > 0)) {
  process.stderr.write('usage: node --cpu-prof --import tsx bench/profileRun.ts MODEL AGENTS [WARMUP_TICKS] [TIMED_TICKS] (one of our models)\n');
  process.exit(2);
}
const r = measureRun({ model: model as BenchModel, agents: Number(agents), warmupTicks: Number(warmup ?? 20), timedTicks: Number(timed ?? 80), seed: 1 });
process.stdout.write(
  `${model} ${agents}: ${r.ticksPerS.toFixed(1)} ticks/s, ${r.msPerTick.toFixed(2)} ms/tick, ${r.cpuMsPerTick.toFixed(2)} cpu ms/tick, warm-up ${(r.warmupMs / 1000).toFixed(1)} s\n`,
);
