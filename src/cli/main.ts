import { quote } from '../engine/quote';
import { UsageError } from './args';
import { checkHistoryCommand } from './checkHistoryCommand';
import { experimentCommand } from './experimentCommand';
import { fuzzCommand } from './fuzzCommand';
import { fuzzMergeCommand } from './fuzzMerge';
import { runCommand } from './runCommand';

/**
 * The headless runner (shared/spec/scenario.md). Exit 0: no violation; 1: a violation; 2: bad input.
 * It loads only the protocol the scenario or `--protocol` names.
 */
export async function main(
  argv: readonly string[],
  out: (text: string) => void,
  err: (text: string) => void,
): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === 'run') return await runCommand(rest, out);
    if (command === 'fuzz' && rest[0] === 'merge') return fuzzMergeCommand(rest.slice(1), out);
    if (command === 'fuzz') return await fuzzCommand(rest, out);
    if (command === 'check-history') return checkHistoryCommand(rest, out);
    if (command === 'experiment') return await experimentCommand(rest, out);
    throw new UsageError(`unknown command ${quote(command ?? '')}: use run, fuzz, check-history or experiment`);
  } catch (error) {
    if (error instanceof UsageError) {
      err(error.message);
      return 2;
    }
    throw error;
  }
}

/**
 * The runner as a process: the arguments, standard output and error, and the exit status. The bin
 * (bin/netsplit.mjs) calls this after loading the bundle; a script start runs it below.
 */
export async function runAsProcess(argv: readonly string[] = process.argv.slice(2)): Promise<void> {
  // A reader that stops early (`| head -c 120`) closes the pipe: what is left of the output has nowhere to go,
  // which is the reader's choice, not a failure of the run. The exit status stays the run's own.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
  process.exitCode = await main(
    argv,
    (text) => process.stdout.write(`${text}\n`),
    (text) => process.stderr.write(`netsplit: ${text.replace(/\n/g, '\nnetsplit: ')}\n`),
  );
}

// Started as a script: from source (`tsx src/cli/main.ts`) or the bundle's own file (`node dist-cli/<build>/main.mjs`).
const isEntry = /(^|\/)(src\/cli\/main\.ts|dist-cli\/[^/]+\/main\.mjs)$/.test(
  process.argv[1]?.replace(/\\/g, '/') ?? '',
);
if (isEntry) await runAsProcess();
