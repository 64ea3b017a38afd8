import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { quote } from '../engine/quote';
import { loadProtocol, manifest } from '../protocols';
import { MAX_NODES, MAX_TIME_MS } from '../scenario/schema';
import { parse, UsageError, wholeNumber } from './args';
import { fuzzParallel } from './fuzzParallel';
import { formatReport, scenarioFileName } from './fuzzReport';
import { parseShard, writeShardSummary } from './fuzzShard';
import { DEFAULT_FUZZ_CLIENTS } from './fuzzWorkload';
import { defaultJobs } from './pool';

const USAGE =
  'usage: npm run -s sim -- fuzz --protocol <id> [--runs N] [--seed S] [--nodes N] [--until <ms>] [--bug <id>] [--clients N] [--jobs N] [--shard k/n] [--json] [--out <dir>]\n' +
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
  const jobs = wholeNumber('--jobs', values.jobs, defaultJobs(), 1, MAX_JOBS);
  const shard = values.shard === undefined ? undefined : parseShard(values.shard);
  const dir = values.out ?? 'fuzz-out';
  const result = await fuzzParallel({ ...options, protocol: protocol.id, clients, jobs, shard });
  const failures = result.failures.map((f) => {
    const path = join(dir, scenarioFileName(protocol.id, bug, f.seed));
    mkdirSync(dir, { recursive: true });
    writeFileSync(path, `${JSON.stringify(f.file, null, 2)}\n`);
    return { index: f.index, seed: f.seed, violations: f.violations, scenario: path };
  });
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
