/**
 * Costs against size, printed as figures (never asserted in a test; batching.test.ts bounds the message
 * count): 2PC's processor time per transaction against the number of transactions, which stays about
 * flat (its transactions are wide records, src/engine/kit/wide.ts), and Raft's AppendEntries per request
 * under a burst of requests at one instant, which batching keeps below one. Run with `npm run bench` or alone with `tsx bench/costs.ts [--quick]`.
 */
import { getProtocol, loadAllProtocols } from '../src/protocols';
import { parseScenario } from '../src/scenario/parse';
import { createSimulation } from '../src/scenario/run';

const quick = process.argv.includes('--quick');

function scenarioOf(fields: Record<string, unknown>) {
  const parsed = parseScenario({ format: 'netsplit-scenario', version: 1, ...fields }, getProtocol);
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return parsed.scenario;
}

/** 2PC, 4 nodes, `count` transactions 10 ms apart, run until all are long decided. */
function twoPc(count: number): { msPerTx: number; records: number } {
  const events = Array.from({ length: count }, (_, i) => ({ at: 100 + i * 10, type: 'request', command: `t${i + 1}` }));
  const until = 100 + count * 10 + 5000;
  const sim = createSimulation(scenarioOf({ protocol: '2pc', seed: 1, nodes: 4, until, events }), getProtocol);
  // Processor time, not wall time: the development machine is shared, and the figure is a slope.
  const start = process.cpuUsage();
  sim.runUntil(until);
  const used = process.cpuUsage(start);
  return { msPerTx: (used.user + used.system) / 1000 / count, records: sim.trace.length };
}

/** Raft, 5 nodes, `count` requests at 3 s (the leader is elected by then): AppendEntries sent from 3 s to 12 s. */
function raftBurst(count: number): number {
  const events = Array.from({ length: count }, (_, i) => ({ at: 3000, type: 'request', command: `x=${i}` }));
  const sim = createSimulation(scenarioOf({ protocol: 'raft', seed: 1, nodes: 5, until: 12_000, events }), getProtocol);
  sim.runUntil(12_000);
  return sim.trace.filter((r) => r.kind === 'send' && r.t >= 3000 && r.type === 'AppendEntries').length;
}

await loadAllProtocols();

twoPc(500); // warms the JIT up (a shorter warm-up left the first figure twice the others)
for (const count of quick ? [250, 500] : [250, 500, 1000, 2000]) {
  const { msPerTx, records } = twoPc(count);
  console.log(
    `2pc, 4 nodes, ${count.toLocaleString('en')} transactions: ${msPerTx.toFixed(2)} ms of processor time per transaction ` +
      `(${records.toLocaleString('en')} trace records, heap ${Math.round(process.memoryUsage().heapUsed / 1e6)} MB)`,
  );
}

// The heartbeats of the same nine seconds are subtracted: what is left is what the requests cost.
const heartbeats = raftBurst(0);
for (const count of quick ? [10, 100] : [10, 100, 1000]) {
  const sent = raftBurst(count) - heartbeats;
  console.log(
    `raft, 5 nodes, ${count.toLocaleString('en')} requests at one instant: ${(sent / count).toFixed(2)} AppendEntries per request ` +
      `(${sent.toLocaleString('en')} beyond the ${heartbeats} heartbeats of those 9 s)`,
  );
}
