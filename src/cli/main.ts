import { quote } from '../engine/quote';
import { UsageError } from './args';
import { checkHistoryCommand } from './checkHistoryCommand';
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
    throw new UsageError(`unknown command ${quote(command ?? '')}: use run, fuzz or check-history`);
  } catch (error) {
    if (error instanceof UsageError) {
      err(error.message);
      return 2;
    }
    throw error;
  }
}

const isEntry = process.argv[1]?.replace(/\\/g, '/').endsWith('src/cli/main.ts');
if (isEntry) {
  // A reader that stops early (`| head -c 120`) closes the pipe: what is left of the output has nowhere to go,
  // which is the reader's choice, not a failure of the run. The exit status stays the run's own.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
  process.exitCode = await main(
    process.argv.slice(2),
    (text) => process.stdout.write(`${text}\n`),
    (text) => process.stderr.write(`netsplit: ${text.replace(/\n/g, '\nnetsplit: ')}\n`),
  );
}
