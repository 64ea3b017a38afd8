/**
 * The history checker's speed (issue 11: a 1,000-operation, 5-client register history in under a second):
 * a linearizable history of an atomic register under load, then the same with one read made stale, which
 * also pays for the explanation (`at` and the ops). Run with `npm run bench` or alone: `tsx bench/history.ts`.
 */
import { checkConsistency } from '../src/history/check';
import { registerModel } from '../src/history/register';
import { simulatedRegisterHistory } from '../src/history/simulated';

function timed<T>(run: () => T): { ms: number; value: T } {
  const start = process.cpuUsage();
  const value = run();
  const used = process.cpuUsage(start);
  return { ms: (used.user + used.system) / 1000, value };
}

const history = simulatedRegisterHistory(1000, 5, 7);
// Warm the JIT once, as a page that checks a second run would be.
checkConsistency(simulatedRegisterHistory(200, 5, 3), registerModel, 'linearizable');
const good = timed(() => checkConsistency(history, registerModel, 'linearizable'));
if (good.value.consistency.linearizable.verdict !== 'ok') throw new Error('the simulated history must be linearizable');
// The last read sees the first value written (long overwritten; values are unique): stale in every order.
const firstWrite = history.find((e) => e.op.startsWith('write') && e.result === 'ok');
const lastRead = [...history].reverse().find((e) => e.op === 'read x' && e.result === 'ok');
const staleValue = Number(firstWrite?.op.split(' ')[2]);
const stale = history.map((e) => (e === lastRead ? { ...e, value: staleValue } : e));
const bad = timed(() => checkConsistency(stale, registerModel, 'linearizable'));
if (bad.value.consistency.linearizable.verdict !== 'violation') throw new Error('the stale read must be refused');
console.log(`history check, 1000 ops, 5 clients, register (target < 1000 ms):`);
console.log(`  linearizable history:        ${good.ms.toFixed(0)} ms processor time`);
console.log(
  `  one stale read, explained:   ${bad.ms.toFixed(0)} ms (ops ${bad.value.consistency.linearizable.verdict === 'violation' ? bad.value.consistency.linearizable.ops.join(', ') : ''})`,
);
