import { describe, expect, it } from 'vitest';
import type { Simulation } from '../../engine/simulation';
import { getPresetFile, getProtocol } from '../../protocols';
import { parseScenario } from '../../scenario/parse';
import { preset, scenario, simulate, state } from '../../testing/scenarios';

/** Paxos run as a student would: from scenario files and presets, reading the nodes' views and replies. */

const learned = (sim: Simulation) => sim.nodeIds().map((id) => state(sim, id).chosen as string | null);
const replies = (sim: Simulation) =>
  sim.trace.flatMap((r) =>
    r.kind === 'reply' ? [`${r.node} ${r.command} -> ${r.ok ? r.note : `refused: ${r.note}`}`] : [],
  );
const sent = (sim: Simulation, type: string) =>
  sim.trace.filter((r) => r.kind === 'send' && (r.message as { type?: string }).type === type).length;

/** A preset's file with some fields replaced, as a student edits it in the setup. */
function presetWith(id: string, fields: Record<string, unknown>) {
  return scenario({ ...(getPresetFile(id) as Record<string, unknown>), ...fields });
}

describe('single-decree Paxos', () => {
  it('chooses the one value it was asked for, on every node, and answers a later request with it', () => {
    const sim = simulate(preset('paxos/basic'), 1500);
    expect(learned(sim)).toEqual(['A', 'A', 'A', 'A', 'A']);
    expect(replies(sim)).toEqual(['n1 A -> chosen A', 'n1 B -> chosen A']);
    expect(state(sim, 'n3')).toMatchObject({
      promised: { round: 1, node: 'n1' },
      accepted: { ballot: { round: 1, node: 'n1' }, value: 'A' },
    });
    expect(sim.violations).toEqual([]);
  });

  it('two dueling proposers livelock with randomRetry off: ballots climb and nothing is chosen', () => {
    const sim = simulate(preset('paxos/dueling-proposers'), 3000);
    expect(learned(sim)).toEqual([null, null, null]);
    expect(state(sim, 'n1').proposer.ballot.round).toBeGreaterThan(50);
    expect(sent(sim, 'Nack')).toBeGreaterThan(50);
    expect(sim.violations).toEqual([]);
  });

  it('the same duel decides within a few rounds with randomRetry on', () => {
    const sim = simulate(presetWith('paxos/dueling-proposers', { config: { proposers: 2, randomRetry: true } }), 3000);
    const [first] = learned(sim);
    expect(['A', 'B']).toContain(first);
    expect(learned(sim)).toEqual([first, first, first]);
    const firstLearned = sim.trace.find((r) => r.kind === 'state' && (r.state as { chosen?: unknown }).chosen);
    expect(firstLearned?.t).toBeLessThan(1000);
    expect(sim.violations).toEqual([]);
  });

  it('a value chosen by a majority stays chosen: a later proposer with a higher ballot adopts it', () => {
    const sim = simulate(preset('paxos/acceptor-crash'), 1500);
    const n2 = state(sim, 'n2');
    // n2 was asked for B and ran a ballot above (1, n1), yet proposed A (P2c).
    expect(n2.proposer).toMatchObject({ ballot: { round: 1, node: 'n2' }, phase: 'done', value: 'A' });
    expect(n2.accepted).toEqual({ ballot: { round: 1, node: 'n2' }, value: 'A' });
    expect(replies(sim)).toEqual(['n1 A -> chosen A', 'n2 B -> chosen A']);
    expect(sim.violations).toEqual([]);
  });

  it("keeps an acceptor's promise across a crash: n4 restarts promised to (1, n1), having accepted nothing", () => {
    const sim = simulate(preset('paxos/acceptor-crash'), 450);
    expect(sim.node('n4')?.isUp).toBe(true);
    expect(state(sim, 'n4')).toMatchObject({ promised: { round: 1, node: 'n1' }, accepted: null });
  });

  it('an acceptor that forgets its promise on restart lets two values be chosen, caught by agreement', () => {
    const sim = simulate(preset('paxos/forget-promise'), 2000);
    expect(sim.violations.map((v) => v.message)).toEqual([
      'n3 promised (1, n1) after promising (1, n2)',
      'n3 accepted A at (1, n1) after promising (1, n2)',
      'two values chosen: A at (1, n1) by n1, n3; then B at (1, n2) by n2, n3',
      'n2 learned B, but A was chosen',
    ]);
    expect(sim.violations.map((v) => v.invariant)).toEqual(['promise-kept', 'promise-kept', 'agreement', 'agreement']);
  });

  it('the same run without the bug chooses one value: n3 refuses the lower ballot it promised against', () => {
    const sim = simulate(presetWith('paxos/forget-promise', { bug: null }), 4000);
    expect(sim.violations).toEqual([]);
    expect(new Set(learned(sim).filter((v) => v !== null)).size).toBe(1);
    expect(sent(sim, 'Nack')).toBeGreaterThan(0);
  });

  it('a proposer that ignores the accepted values it is told chooses a second value, caught by agreement', () => {
    const sim = simulate(presetWith('paxos/acceptor-crash', { bug: 'proposer-ignores-accepted-value' }), 1500);
    expect(state(sim, 'n2').proposer.value).toBe('B');
    expect(sim.violations[0]).toMatchObject({
      invariant: 'agreement',
      message: expect.stringMatching(/^two values chosen: A at \(1, n1\) by .*; then B at \(1, n2\)/),
    });
  });

  it('refuses a request at a node that does not propose, and sends an unaddressed one to the first live proposer', () => {
    const sim = simulate(
      scenario({
        protocol: 'paxos',
        nodes: 3,
        config: { proposers: 2 },
        events: [
          { at: 0, type: 'crash', node: 'n1' },
          { at: 10, type: 'request', node: 'n3', command: 'X' },
          { at: 20, type: 'request', command: 'Y' },
        ],
      }),
      1000,
    );
    expect(replies(sim)).toEqual(['n3 X -> refused: n3 is not a proposer', 'n2 Y -> chosen Y']);
  });

  it('chooses one value through loss, duplication, a forced retry and a stall', () => {
    const sim = simulate(
      scenario({
        protocol: 'paxos',
        nodes: 5,
        seed: 7,
        config: { proposers: 3 },
        network: { latencyMs: [5, 60], loss: 0.2, duplicate: 0.2 },
        events: [
          { at: 0, type: 'request', node: 'n1', command: 'A' },
          { at: 5, type: 'request', node: 'n2', command: 'B' },
          { at: 10, type: 'request', node: 'n3', command: 'C' },
          { at: 30, type: 'timeout', node: 'n2' },
          { at: 40, type: 'stall', node: 'n4', durationMs: 300 },
        ],
      }),
      5000,
    );
    const values = learned(sim);
    expect(values.every((v) => v !== null && v === values[0])).toBe(true);
    expect(['A', 'B', 'C']).toContain(values[0]);
    expect(sim.violations).toEqual([]);
  });

  it('names the field of a bad config', () => {
    const bad = (config: Record<string, unknown>) => {
      const parsed = parseScenario(
        { format: 'netsplit-scenario', version: 1, protocol: 'paxos', seed: 1, nodes: 3, config },
        getProtocol,
      );
      return parsed.ok ? [] : parsed.errors;
    };
    expect(bad({ proposers: 4 })).toEqual([expect.stringContaining('config.proposers')]);
    expect(bad({ retryMs: [300, 100] }).join()).toMatch(/retryMs.*minimum must not exceed the maximum/);
    expect(bad({ backoff: true }).join()).toMatch(/backoff/);
  });
});
