/**
 * The RaftScope-parity run (bench/floor.ts): events per second through the whole engine, XState's floor for
 * the same sequence of (node, event), and the engine's ratio to it, against RaftScope's model on the same run
 * (issue 12: 650 to 1,420 ms on this machine). Figures only, never asserted. `tsx bench/parity.ts`.
 */
import { PARITY_MS, parityScenario, paritySimulation, recordFeed, replay } from './floor';

const RAFTSCOPE_MS = [650, 1420] as const;
const RUNS = 9;
const WARMUP = 3;

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
}

function timed(run: () => void): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

const scenario = await parityScenario();
const feed = recordFeed(scenario);
// The floor must be the same work: the replayed machines end where the engine's did.
const replayed = replay(feed, 'scope');
for (const [node, context] of Object.entries(feed.finalContexts)) {
  if (JSON.stringify(replayed.get(node)?.context) !== JSON.stringify(context)) {
    throw new Error(`the replay of ${node} does not end where the engine's run did`);
  }
}

let events = 0;
const engine: number[] = [];
const floor: number[] = [];
const publicFloor: number[] = [];
// Interleaved, so a change in the machine's load touches all three alike.
for (let i = 0; i < RUNS + WARMUP; i++) {
  const e = timed(() => {
    const sim = paritySimulation(scenario);
    sim.runUntil(PARITY_MS);
    events = sim.counters.events;
  });
  const f = timed(() => replay(feed, 'scope'));
  const p = timed(() => replay(feed, 'public'));
  if (i < WARMUP) continue;
  engine.push(e);
  floor.push(f);
  publicFloor.push(p);
}

const ms = median(engine);
const floorMs = median(floor);
const fmt = (n: number) => Math.round(n).toLocaleString('en');
console.log(
  `RaftScope parity (5 servers, election 100-200 ms, heartbeat 50 ms, latency 10-15 ms, 60 virtual s, a request a second):`,
);
console.log(
  `  engine: ${events} events, median ${ms.toFixed(1)} ms (best ${Math.min(...engine).toFixed(1)}), ${fmt((events / ms) * 1000)} events per second`,
);
console.log(
  `  XState's floor (machine.transition with one scope, ${feed.steps.length} transitions): median ${floorMs.toFixed(1)} ms, ` +
    `${fmt((feed.steps.length / floorMs) * 1000)} transitions per second; the engine takes ${(ms / floorMs).toFixed(2)}x the floor (target <= 2x)`,
);
console.log(
  `  xstate.transition() (the public function, a fresh scope per call): median ${median(publicFloor).toFixed(1)} ms`,
);
const [lo, hi] = RAFTSCOPE_MS;
console.log(
  `  against RaftScope's model (${lo} to ${hi} ms for this run): ${(lo / ms).toFixed(1)}x to ${(hi / ms).toFixed(1)}x faster (target 10x); ` +
    `the floor alone would be ${(lo / floorMs).toFixed(1)}x to ${(hi / floorMs).toFixed(1)}x`,
);
