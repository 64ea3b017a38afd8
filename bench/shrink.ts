/**
 * Counterexample shrinking (src/cli/shrink.ts), printed as figures: for every shipped bug variant, its first
 * failure of the sweep's campaign (seed 2026, 5 nodes, 5000 ms, as src/cli/sweep.ts finds it), shrunk with the
 * default budget as `fuzz` shrinks it: the time it took (wall and processor: the machine is shared), the runs
 * it played, and the size before and after, in inputs and in `until`. Run with `npm run bench` or alone with
 * `tsx bench/shrink.ts`.
 */
import { fuzz } from '../src/cli/fuzz';
import { shrinkScenario } from '../src/cli/shrink';
import type { AnyProtocol } from '../src/engine/protocol';
import { getProtocol, loadAllProtocols, manifest } from '../src/protocols';

await loadAllProtocols();

const rows: string[][] = [['variant', 'invariant', 'inputs', 'until ms', 'runs', 'wall ms', 'cpu ms']];
for (const { id } of manifest) {
  const protocol = getProtocol(id) as AnyProtocol;
  for (const bug of protocol.bugs) {
    const options = { protocol, seed: 2026, nodes: 5, untilMs: 5000, bug: bug.id, runs: 3000, stopAfter: 1 };
    const failure = fuzz(options, getProtocol).failures[0];
    if (!failure) {
      rows.push([`${id} ${bug.id}`, 'not caught in 3000 runs']);
      continue;
    }
    const cpu = process.cpuUsage();
    const start = performance.now();
    const result = shrinkScenario(failure.file, protocol, getProtocol, { untilMs: 5000 });
    const wallMs = performance.now() - start;
    const used = process.cpuUsage(cpu);
    rows.push([
      `${id} ${bug.id}`,
      result.invariant,
      `${result.inputsBefore} -> ${result.inputsAfter}`,
      `${result.untilBefore} -> ${result.untilAfter}`,
      `${result.runs}${result.isCutShort ? ' (budget)' : ''}`,
      wallMs.toFixed(0),
      ((used.user + used.system) / 1000).toFixed(0),
    ]);
  }
}

const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? [];
process.stdout.write("shrink: each shipped bug variant's first fuzz failure (seed 2026), default budget\n");
for (const row of rows)
  process.stdout.write(
    `  ${row
      .map((cell, i) => cell.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd()}\n`,
  );
