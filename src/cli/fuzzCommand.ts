import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { quote } from '../engine/quote';
import { getProtocol, loadProtocol, manifest } from '../protocols';
import { MAX_NODES, MAX_TIME_MS } from '../scenario/schema';
import { parse, UsageError, wholeNumber } from './args';
import { fuzz } from './fuzz';
import { DEFAULT_FUZZ_CLIENTS } from './fuzzWorkload';

const USAGE =
  'usage: npm run -s sim -- fuzz --protocol <id> [--runs N] [--seed S] [--nodes N] [--until <ms>] [--bug <id>] [--clients N] [--json] [--out <dir>]';

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
  const dir = values.out ?? 'fuzz-out';
  const result = fuzz({ ...options, clients }, getProtocol);
  const failures = result.failures.map((f) => {
    const path = join(dir, `${protocol.id}-${bug ?? 'correct'}-${f.seed}.json`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(path, `${JSON.stringify(f.file, null, 2)}\n`);
    return { seed: f.seed, violations: f.violations, scenario: path };
  });
  if (values.json) {
    out(JSON.stringify({ runs: result.runs, failures }));
  } else {
    const lines = [
      `${protocol.id}${bug ? ` with bug ${bug}` : ''}: ${result.runs} runs, ${result.events} events, ${failures.length} failing`,
    ];
    for (const f of failures) {
      const first = f.violations[0];
      lines.push(`  seed ${f.seed}: ${first?.invariant} at ${first?.time} ms: ${first?.message}`);
      lines.push(`    reproduce: npm run -s sim -- run ${f.scenario}`);
    }
    out(lines.join('\n'));
  }
  return failures.length > 0 ? 1 : 0;
}
