/**
 * Headless throughput, printed as figures (never asserted in a test): events per second for a 5-node
 * Raft run of 60 virtual seconds with a steady client load, and fuzz runs per second. Run with
 * `npm run bench` (tsx, the same code path as the CLI).
 */
import { fuzz } from '../src/cli/fuzz';
import { Recording } from '../src/engine/recording';
import { Rng } from '../src/engine/rng';
import { getProtocol, loadAllProtocols } from '../src/protocols';
import { parseScenario } from '../src/scenario/parse';
import { createSimulation } from '../src/scenario/run';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
}

function raftSixtySeconds() {
  const events = Array.from({ length: 300 }, (_, i) => ({ at: 500 + i * 200, type: 'request', command: `x=${i}` }));
  const parsed = parseScenario(
    { format: 'netsplit-scenario', version: 1, protocol: 'raft', seed: 1, nodes: 5, until: 60_000, events },
    getProtocol,
  );
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return parsed.scenario;
}

await loadAllProtocols();
const scenario = raftSixtySeconds();
const rates: number[] = [];
let eventsPerRun = 0;
for (let i = 0; i < 7; i++) {
  const sim = createSimulation(scenario, getProtocol);
  const start = performance.now();
  sim.runUntil(60_000);
  const seconds = (performance.now() - start) / 1000;
  eventsPerRun = sim.counters.events;
  if (i >= 2) rates.push(eventsPerRun / seconds); // the first runs warm the JIT up
}
console.log(`raft, 5 nodes, 60 virtual s, 300 requests: ${eventsPerRun} events per run`);
console.log(
  `  events per second: median ${Math.round(median(rates)).toLocaleString('en')}, best ${Math.round(Math.max(...rates)).toLocaleString('en')}`,
);

for (const id of ['raft', '2pc']) {
  const protocol = getProtocol(id);
  if (!protocol) continue;
  const start = performance.now();
  const result = fuzz({ protocol, runs: 200, seed: 1, nodes: 5, untilMs: 5000, bug: null }, getProtocol);
  const seconds = (performance.now() - start) / 1000;
  console.log(
    `fuzz ${id}, 5 nodes, 5 virtual s of faults and the settled tail per run: ${(result.runs / seconds).toFixed(1)} runs per second, ` +
      `${Math.round(result.events / seconds).toLocaleString('en')} events per second`,
  );
}

// Seek latency in a run of one virtual hour: the recording checkpoints every 500 virtual ms, and a
// seek restores the nearest checkpoint and replays forward.
{
  const hour = 3_600_000;
  const requests = Array.from({ length: 1800 }, (_, i) => ({
    at: 1000 + i * 2000,
    type: 'request',
    command: `x=${i}`,
  }));
  const parsed = parseScenario(
    { format: 'netsplit-scenario', version: 1, protocol: 'raft', seed: 2, nodes: 5, until: hour, events: requests },
    getProtocol,
  );
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  const recording = new Recording(createSimulation(parsed.scenario, getProtocol));
  const start = performance.now();
  recording.seek(hour);
  const computeSeconds = (performance.now() - start) / 1000;
  const seeds = Rng.fromSeed(9);
  const times: number[] = [];
  for (let i = 0; i < 300; i++) {
    const t = seeds.int(0, hour);
    const before = performance.now();
    recording.seek(t);
    times.push(performance.now() - before);
  }
  times.sort((a, b) => a - b);
  console.log(
    `seek in a one-hour raft run (${recording.fullTrace.length.toLocaleString('en')} trace records, computed in ${computeSeconds.toFixed(1)} s): ` +
      `median ${median(times).toFixed(2)} ms, p95 ${(times[Math.floor(times.length * 0.95)] as number).toFixed(2)} ms, worst ${(times[times.length - 1] as number).toFixed(2)} ms`,
  );
}
