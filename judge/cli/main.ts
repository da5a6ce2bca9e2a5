// The `holdout` command line (bin/holdout.mjs runs this file with `--no-node-snapshot` and tsx).
// Exit codes: 0 when the command did its work (a verdict was reached), 1 when the judge itself
// failed, 2 when it was called wrongly.
import { UsageError } from './cli-error';
import { JUDGE_USAGE, judgeCommand } from './judge-command';
import { RUN_USAGE, runCommand } from './run-command';
import { tasksCommand } from './tasks-command';

const USAGE = `Usage:
  ${JUDGE_USAGE}
      Judge a local solution with the same sandbox, hidden tests and speed grade as the site.
      --json      print one JSON object: task, verdict, score, message, tests, speed
      --language  typescript or javascript when the file extension does not say
  ${RUN_USAGE}
      Run a local solution and the reference on your own arguments, and check the output.
      --input     a JSON file with the array of arguments (or {"args": [...]}); - reads standard input
      --json      print one JSON object: task, verdict, message, candidate, reference
      --language  typescript or javascript when the file extension does not say
  holdout tasks [--json]
      List the tasks, their parts and whether the judge grades them yet.
  holdout help
      Show this help.

Hidden tests come from HOLDOUT_DATASET_SECRET, or from the public development default when it is unset.`;

const COMMANDS: Record<string, (args: string[]) => Promise<number>> = {
  judge: judgeCommand,
  run: runCommand,
  tasks: tasksCommand,
  help: async () => {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  },
};

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  if (name === '--help' || name === '-h') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const command = COMMANDS[name];
  if (!command) throw new UsageError(`unknown command "${name}"`);
  return command(args);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof UsageError) {
      process.stderr.write(`holdout: ${error.message}\n\n${USAGE}\n`);
      process.exitCode = 2;
      return;
    }
    process.stderr.write(`holdout: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  },
);
