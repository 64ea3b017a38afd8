import { writeFileSync } from 'node:fs';
import { MAX_PATH_ECHO_CHARS, quote } from '../engine/quote';
import { getProtocol, loadProtocol } from '../protocols';
import { DEFAULT_MAX_EVENTS, DEFAULT_MAX_RECORDS, OverBudget } from '../scenario/budget';
import { parseScenarioTextLoading } from '../scenario/parseLoading';
import { DEFAULT_UNTIL_MS, runScenario } from '../scenario/run';
import { MAX_TIME_MS } from '../scenario/schema';
import { parse, readInput, UsageError, wholeNumber } from './args';
import { type CheckedSummary, withConsistency } from './consistency';

const USAGE =
  'usage: npm run -s sim -- run <scenario.json | -> [--until <ms>] [--json] [--trace <file.jsonl>] [--max-events <n>] [--max-records <n>]';
/** The most a user may raise the event budget to (`--max-events`): about half an hour of work here. */
const MAX_MAX_EVENTS = 100_000_000;
/** The most a user may raise the trace-record budget to (`--max-records`): some 17 GB of heap. */
const MAX_MAX_RECORDS = 100_000_000;

/** `run`: plays a scenario and prints a summary (or the contract's JSON). Returns the exit status. */
export async function runCommand(argv: readonly string[], out: (text: string) => void): Promise<number> {
  const { values, positionals } = parse(argv, {
    until: { type: 'string' },
    json: { type: 'boolean' },
    trace: { type: 'string' },
    'max-events': { type: 'string' },
    'max-records': { type: 'string' },
  });
  if (positionals.length !== 1) throw new UsageError(`expected one scenario file (or - for standard input)\n${USAGE}`);
  const path = positionals[0] as string;
  const untilMs = values.until === undefined ? undefined : wholeNumber('--until', values.until, 0, 1, MAX_TIME_MS);
  const budgetText = values['max-events'];
  const maxEvents =
    budgetText === undefined ? DEFAULT_MAX_EVENTS : wholeNumber('--max-events', budgetText, 0, 1, MAX_MAX_EVENTS);
  const recordsText = values['max-records'];
  const maxRecords =
    recordsText === undefined ? DEFAULT_MAX_RECORDS : wholeNumber('--max-records', recordsText, 0, 1, MAX_MAX_RECORDS);
  const text = readInput(path);
  const parsed = await parseScenarioTextLoading(text, loadProtocol);
  const where = path === '-' ? 'stdin' : quote(path, (s) => s, MAX_PATH_ECHO_CHARS);
  if (!parsed.ok) throw new UsageError(parsed.errors.map((e) => `${where}: ${e}`).join('\n'));
  let run: ReturnType<typeof runScenario>;
  try {
    const until = untilMs ?? parsed.scenario.until ?? DEFAULT_UNTIL_MS;
    run = runScenario(parsed.scenario, getProtocol, until, maxEvents, maxRecords);
  } catch (error) {
    // Too much work is refused like bad input: exit 2, a message naming the budget, nothing on stdout.
    if (error instanceof OverBudget) throw new UsageError(`${where}: ${error.message}`);
    throw error;
  }
  const { sim } = run;
  // §1.5: the history check runs after the run and writes no trace record.
  const summary = withConsistency(run.summary, sim.protocol, sim.trace);
  if (values.trace !== undefined) {
    writeFileSync(
      values.trace,
      sim.trace.map((record) => JSON.stringify(record)).join('\n') + (sim.trace.length ? '\n' : ''),
    );
  }
  out(values.json ? JSON.stringify(summary) : summaryText(summary));
  return summary.violations.length > 0 ? 1 : 0;
}

/** spec/protocols.md §1.6, §1.7: a Byzantine node's mode, a server outside the cluster (nothing otherwise). */
const marks = (n: CheckedSummary['nodes'][number]) =>
  `${n.byzantine === undefined ? '' : ` BYZANTINE:${n.byzantine}`}${n.member ? '' : ' OUTSIDE'}`;

function summaryText(s: CheckedSummary): string {
  const lines = [
    `${s.protocol}, seed ${s.seed}: ${s.time} ms, ${s.events} events, trace ${s.traceHash}`,
    `messages: ${s.messages.sent} sent, ${s.messages.delivered} delivered, ${s.messages.dropped} dropped`,
    ...s.nodes.map(
      (n) => `  ${n.id.padEnd(6)} ${n.up ? 'up  ' : 'DOWN'}${marks(n)} ${n.client ? '(client) ' : ''}${brief(n.state)}`,
    ),
  ];
  // §1.5: the operations, when the run has clients.
  if (s.history) {
    const counts = { ok: 0, fail: 0, info: 0 };
    for (const e of s.history) counts[e.result]++;
    lines.push(`history: ${s.history.length} operations, ${counts.ok} ok, ${counts.fail} fail, ${counts.info} info`);
  }
  for (const v of s.skipped) lines.push(`skipped ${v.type} at ${v.at} ms: ${v.reason}`);
  if (s.violations.length === 0) lines.push('no invariant violated');
  for (const v of s.violations) lines.push(`VIOLATION ${v.invariant} at ${v.time} ms: ${v.message}`);
  return lines.join('\n');
}

/** A node's view on one line: scalars in full, lists by length, small maps as compact JSON. */
function brief(state: Record<string, unknown>): string {
  return Object.entries(state)
    .map(([k, v]) => {
      if (Array.isArray(v)) return `${k}=[${v.length}]`;
      if (v !== null && typeof v === 'object') {
        const json = JSON.stringify(v).replace(/"/g, '');
        return `${k}=${json.length > 80 ? `${json.slice(0, 77)}...` : json}`;
      }
      return `${k}=${String(v)}`;
    })
    .join(' ');
}
