import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { play, states } from './testkit';

const NODES = ['n1', 'n2', 'n3', 'n4'];
const TXS = ['t1', 't2', 't3', 't4', 't5', 't6'];
const FAULTS_UNTIL_MS = 5000;
const END_MS = 12_000;

const probability = fc.double({ min: 0, max: 0.5, noNaN: true });
const node = fc.constantFrom(...NODES);

const at = fc.integer({ min: 0, max: FAULTS_UNTIL_MS });

/** One fault of a random schedule: a crash, restart, partition, heal, or a change of loss and duplication. */
const fault = fc.oneof(
  fc.record({ type: fc.constant('crash'), node }),
  fc.record({ type: fc.constant('restart'), node }),
  fc
    .subarray(NODES, { minLength: 1, maxLength: NODES.length - 1 })
    .map((side) => ({ type: 'partition', groups: [side] })),
  fc.constant({ type: 'heal' }),
  fc.record({ type: fc.constant('network'), loss: probability, duplicate: probability }),
);

/**
 * A scenario: random faults for 5 s, then the network heals, stops losing messages and every node
 * restarts, so by the end every transaction the coordinator began must be decided alike everywhere.
 */
const scenarioFields = fc
  .record({
    seed: fc.integer({ min: 0, max: 0xffffffff }),
    noVotes: fc.subarray(['n2:t2', 'n3:t3', 'n4:t5']),
    requests: fc.array(fc.tuple(at, fc.constantFrom(...TXS)), { minLength: 2, maxLength: 12 }),
    faults: fc.array(fc.tuple(at, fault), { maxLength: 20 }),
  })
  .map(({ seed, noVotes, requests, faults }) => ({
    seed,
    nodes: NODES.length,
    config: { noVotes },
    network: { latencyMs: [5, 40], loss: 0.1, duplicate: 0.1 },
    events: [
      ...[
        ...requests.map(([t, command]) => ({ at: t, type: 'request', command })),
        ...faults.map(([t, f]) => ({ at: t, ...f })),
      ].sort((a, b) => a.at - b.at),
      { at: FAULTS_UNTIL_MS, type: 'heal' },
      { at: FAULTS_UNTIL_MS, type: 'network', loss: 0, duplicate: 0 },
      ...NODES.map((n) => ({ at: FAULTS_UNTIL_MS, type: 'restart', node: n })),
    ],
  }));

describe('two-phase commit under random faults', () => {
  it('never breaks atomicity or validity, and decides every transaction alike once the faults stop', () => {
    fc.assert(
      fc.property(scenarioFields, (fields) => {
        const sim = play(fields, END_MS);
        const file = JSON.stringify({ format: 'netsplit-scenario', version: 1, protocol: '2pc', ...fields });
        expect(sim.violations, `reproduce with ${file}`).toEqual([]);
        for (const id of TXS) {
          const outcome = states(sim, id);
          if (outcome[0] === '-') continue; // every request for it was rejected
          expect(['committed', 'aborted'], `${id} in ${file}`).toContain(outcome[0]);
          expect(outcome, `${id} in ${file}`).toEqual(NODES.map(() => outcome[0]));
        }
      }),
      { numRuns: 150, seed: 2024 },
    );
  });

  it('catches participant-decides-alone as an atomicity violation', () => {
    const runs = fc.sample(scenarioFields, { numRuns: 100, seed: 2024 });
    const caught = runs.filter((fields) => {
      const sim = play({ ...fields, bug: 'participant-decides-alone' }, END_MS);
      return sim.violations.some((v) => v.invariant === 'atomicity');
    });
    expect(caught.length).toBeGreaterThan(0);
  });
});
