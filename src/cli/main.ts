import { UsageError } from './args';
import { fuzzCommand } from './fuzzCommand';
import { runCommand } from './runCommand';

/** The headless runner (shared/spec/scenario.md). Exit 0: no violation; 1: a violation; 2: bad input. */
export function main(argv: readonly string[], out: (text: string) => void, err: (text: string) => void): number {
  const [command, ...rest] = argv;
  try {
    if (command === 'run') return runCommand(rest, out);
    if (command === 'fuzz') return fuzzCommand(rest, out);
    throw new UsageError(`unknown command "${command ?? ''}": use run or fuzz`);
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
  process.exitCode = main(
    process.argv.slice(2),
    (text) => process.stdout.write(`${text}\n`),
    (text) => process.stderr.write(`netsplit: ${text.replace(/\n/g, '\nnetsplit: ')}\n`),
  );
}
