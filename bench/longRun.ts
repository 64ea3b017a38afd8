/**
 * Memory of a long run in the app (issue 12, item 7): the app's own store (src/app/runStore.ts, the Recording
 * with its checkpoints, the trace the UI keeps) plays a 5-node Raft run with a request every 2 virtual s for one
 * virtual hour, a virtual second per frame, then prints the heap in use (after a full collection) and what holds
 * it. `tsx bench/longRun.ts`; figures only.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { RunStore } from '../src/app/runStore';
import { getProtocol, loadAllProtocols } from '../src/protocols';
import { parseScenario } from '../src/scenario/parse';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const heapMb = () => {
  gc();
  return process.memoryUsage().heapUsed / 2 ** 20;
};

const HOUR = 3_600_000;
await loadAllProtocols();
const requests = Array.from({ length: HOUR / 2000 - 1 }, (_, i) => ({
  at: 1000 + i * 2000,
  type: 'request',
  command: `x=${i}`,
}));
const parsed = parseScenario(
  { format: 'netsplit-scenario', version: 1, protocol: 'raft', seed: 2, nodes: 5, until: HOUR, events: requests },
  getProtocol,
);
if (!parsed.ok) throw new Error(parsed.errors.join('\n'));

const before = heapMb();
const store = new RunStore(parsed.scenario, { playing: true });
const start = performance.now();
for (let t = 1000; t <= HOUR; t += 1000) store.runTo(t);
const seconds = (performance.now() - start) / 1000;
const after = heapMb();
const { frame } = store.getState();
console.log(
  `one virtual hour in the app's store (raft, 5 nodes, a request every 2 s, played a virtual second a frame in ${seconds.toFixed(0)} s): ` +
    `heap ${(after - before).toFixed(0)} MB in use after the run (${frame.trace.length.toLocaleString('en')} trace records)`,
);
