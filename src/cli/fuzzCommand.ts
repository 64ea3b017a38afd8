import { quote } from '../engine/quote';
import { getProtocol, loadProtocol, manifest } from '../protocols';
import { MAX_NODES, MAX_TIME_MS } from '../scenario/schema';
import { parse, UsageError, wholeNumber } from './args';
import { fuzzParallel } from './fuzzParallel';
import { formatReport, scenarioFileName } from './fuzzReport';
import { parseShard, writeShardSummary } from './fuzzShard';
import { DEFAULT_FUZZ_CLIENTS } from './fuzzWorkload';
import { defaultJobs } from './pool';
import { saveFailure } from './saveFailure';

const USAGE =
  'usage: npm run -s sim -- fuzz --protocol <id> [--runs N] [--seed S] [--nodes N] [--until <ms>] [--bug <id>] [--clients N] [--jobs N] [--shard k/n] [--json] [--out <dir>] [--no-shrink]\n' +
  '       npm run -s sim -- fuzz merge <dir> [<dir> ...] [--json] [--out <dir>]';

/** `fuzz`: random fault schedules, invariants after every event, a scenario file for each failure. */
export async function fuzzCommand(argv: readonly string[], out: (text: string) => void): Promise<number> {
  const { values, positionals } = parse(argv, {
    protocol: { type: 'string' },
    runs: { type: 'string' },
    seed: { type: 'string' },
    nodes: { type: 'string' },
    until: { type: 'string' },
    bug: { type: 'string' },
    clients: { type: 'string' },
    json: { type: 'boolean' },
    out: { type: 'string' },
    shrink: { type: 'boolean' },
    'no-shrink': { type: 'boolean' },
    jobs: { type: 'string' },
    shard: { type: 'string' },
  });
  if (positionals.length > 0) throw new UsageError(`unexpected argument ${quote(positionals[0] ?? '')}\n${USAGE}`);
  if (values.protocol === undefined) throw new UsageError(`--protocol: required\n${USAGE}`);
  const protocol = await loadProtocol(values.protocol);
  if (!protocol) {
    throw new UsageError(
      `--protocol: unknown protocol ${quote(values.protocol)} (known: ${manifest.map((p) => p.id).join(', ')})`,
    );
  }
  const bug = values.bug ?? null;
  if (bug !== null && !protocol.bugs.some((b) => b.id === bug)) {
    throw new UsageError(
      `--bug: unknown bug ${quote(bug)} for ${protocol.id} (known: ${protocol.bugs.map((b) => b.id).join(', ')})`,
    );
  }
  const options = {
    protocol,
    bug,
    runs: wholeNumber('--runs', values.runs, 100, 1, 1_000_000),
    seed: wholeNumber('--seed', values.seed, 1, 0, 0xffffffff),
    nodes: wholeNumber('--nodes', values.nodes, 5, 1, MAX_NODES),
    untilMs: wholeNumber('--until', values.until, 5000, 1, MAX_TIME_MS),
  };
  // §1.9: clients with a random workload, for a protocol that has them; the cluster stays within MAX_NODES.
  const clients = wholeNumber('--clients', values.clients, DEFAULT_FUZZ_CLIENTS, 0, MAX_NODES);
  if (values.clients !== undefined && !protocol.clientMachine) {
    throw new UsageError(`--clients: ${protocol.id} has no clients`);
  }
  if (protocol.clientMachine && options.nodes + clients > MAX_NODES) {
    throw new UsageError(
      `--clients: ${options.nodes} servers and ${clients} clients make more than ${MAX_NODES} nodes`,
    );
  }
  if (values.shrink && values['no-shrink']) throw new UsageError(`--shrink: cannot be used with --no-shrink\n${USAGE}`);
  const jobs = wholeNumber('--jobs', values.jobs, defaultJobs(), 1, MAX_JOBS);
  const shard = values.shard === undefined ? undefined : parseShard(values.shard);
  const dir = values.out ?? 'fuzz-out';
  const result = await fuzzParallel({ ...options, protocol: protocol.id, clients, jobs, shard });
  // Shrunk unless --no-shrink (shrink.ts): the saved file is the small one, the original kept beside it.
  const save = { protocol, untilMs: options.untilMs, shrink: !values['no-shrink'] };
  const failures = result.failures.map((f) => ({
    index: f.index,
    ...saveFailure(f, dir, scenarioFileName(protocol.id, bug, f.seed).replace(/\.json$/, ''), save, getProtocol),
  }));
  if (shard) {
    const { runs, seed, nodes, untilMs: until } = options;
    const played = { played: result.runs, events: result.events, failures };
    writeShardSummary(dir, { protocol: protocol.id, bug, seed, runs, nodes, until, clients, shard, ...played });
  }
  out(
    formatReport(
      { protocol: protocol.id, bug, shard, runs: result.runs, events: result.events, failures },
      values.json === true,
    ),
  );
  return failures.length > 0 ? 1 : 0;
}

const MAX_JOBS = 256;
