import { out } from '../output';

/** Usage of every command, for `drill help`, `drill --help` and usage errors. */
export const USAGE = `Resilience Drill command line

Usage:
  drill validate FILE...        Check scenario files (a folder: the .json files in it).
                                Prints "FILE: ok" or "FILE: json.path: message — hint" per problem.
  drill run SCENARIO [options]  Run a scenario without the app and print a summary (with the warning
                                phase, when the scenario has one: detection, decision, warnings, who
                                was informed and acted, rumour, panic, trust, volunteer teams).
      --seed N                  Random seed, a whole number (default 1).
      --strategy ID             Strategy to follow (default: the scenario's first).
      --strategy-file FILE      Follow the strategy in FILE, written for this scenario
                                ({ "kind": "strategy", "scenario": ID, "strategy": {...} }).
      --until-s SECONDS         Simulated seconds to run (default: the scenario's simulation.durationS).
      --json                    Print one JSON object (scenario, seed, strategy, ticks, simTimeS,
                                stateHash, metrics, trail) instead of the summary.
  drill compare SCENARIO --seeds N [options]
                                Run strategies with seeds S to S+N-1 in worker threads and print,
                                per strategy, the mean and 95% confidence interval of key metrics.
      --strategies A,B,...      Strategy ids to compare (default: all of the scenario's).
      --seeds N                 Runs per strategy, 1 to 100000.
      --first-seed S            First seed (default 1).
      --workers K               Worker threads (default: one per processor).
      --until-s SECONDS         Simulated seconds per run (default: simulation.durationS).
      --json                    Print {scenario, strategies, seeds, columns, rows, summary, timing}.
      --csv FILE                Write one row per run (every numeric metric) as CSV.
      --report FILE.html        Write a self-contained HTML page with the table and bar charts.
  drill info SCENARIO [--json]  List the scenario's places, groups, volunteers, warning channels,
                                sensors, hazards, strategies with their levers, and timeline by id.
  drill replay RECORD [options] Rebuild a drill from a record exported by the app ("Export record"):
                                the same scenario, strategy and seed, each command at its tick. Prints
                                the final state hash (equal to the live drill's) and key metrics.
      --scenario FILE           The scenario the drill ran (default: found by id in scenarios/).
      --json                    Print one JSON object (scenario, seed, strategy, commands, ticks,
                                simTimeS, stateHash, recordedHash, matches, metrics).
  drill report RECORD [options] After-action report of a drill record (or, with --scenario FILE and no
                                record, of a run: --strategy ID | --strategy-file FILE, --seed N):
                                objectives met or not, the timeline of key decisions measured against
                                the best other strategy with the same seed, strengths, gaps and an
                                improvement plan of strategy changes.
      --until-s SECONDS         Run to this time (default: simulation.durationS, at least the drill's end).
      --key-metric NAME         Figure that picks the best other strategy (default deceased).
      --reference ID            Compare with this strategy instead of the best.
      --html FILE.html          Write a self-contained HTML page with charts.
      --csv FILE.csv            Write the key figures, objectives and time series as CSV rows.
      --json                    Print the report's data as one JSON object.
      --save-strategy N --out FILE.json
                                Write plan item N as a strategy file (a new id) for the next drill.
      --quick                   Skip the runs that measure what each plan item changes.
  drill help                    Show this help (also: drill --help).

Exit codes: 0 done, 1 a file or scenario has problems, 2 the command line was used wrongly.
Through npm, put -- before the arguments: npm run -s drill -- run scenarios/tiny-court.json --seed 7`;

export function helpCommand(): number {
  out(USAGE);
  return 0;
}
