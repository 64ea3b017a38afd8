import { describe, expect, it } from 'vitest';
import type { Simulation } from '../../engine/simulation';
import { getPresetFile, getProtocol } from '../../protocols';
import { parseScenario } from '../../scenario/parse';
import { preset, scenario, simulate, state } from '../../testing/scenarios';

/** Multi-Paxos run as a student would: from scenario files and presets, reading the views, the replies and the wire. */

const decisions = (sim: Simulation) =>
  sim.nodeIds().map((id) => (state(sim, id).decisions as (string | null)[]).join(' '));
const replies = (sim: Simulation) =>
  sim.trace.flatMap((r) =>
    r.kind === 'reply' ? [`${r.node} ${r.command} -> ${r.ok ? r.note : `refused: ${r.note}`}`] : [],
  );
const sent = (sim: Simulation, type: string) =>
  sim.trace.filter((r) => r.kind === 'send' && (r.message as { type?: string }).type === type);

function presetWith(id: string, fields: Record<string, unknown>) {
  return scenario({ ...(getPresetFile(id) as Record<string, unknown>), ...fields });
}

describe('Multi-Paxos', () => {
  it('a stable leader runs phase 1 once, then one P2a/P2b round per command; replicas execute in order', () => {
    const sim = simulate(preset('multipaxos/steady-state'), 1500);
    // One phase 1: n1's P1a to each of the four others, and nobody else's.
    expect(sent(sim, 'P1a').map((r) => r.kind === 'send' && r.from)).toEqual(['n1', 'n1', 'n1', 'n1']);
    // Four commands: four rounds of one P2a to each other acceptor and one P2b back from each.
    expect(sent(sim, 'P2a')).toHaveLength(16);
    expect(sent(sim, 'P2b')).toHaveLength(16);
    expect(decisions(sim)).toEqual(Array(5).fill('A B C D'));
    expect(sim.nodeIds().map((id) => state(sim, id).slotOut)).toEqual([5, 5, 5, 5, 5]);
    expect(replies(sim)).toEqual([
      'n1 A -> decided in slot 1',
      'n1 B -> decided in slot 2',
      'n1 C -> decided in slot 3',
      'n3 D -> refused: not the leader; try n1',
      'n1 D -> decided in slot 4',
    ]);
    expect(sim.violations).toEqual([]);
  });

  it('a leader change fills the gap with noop, keeps the command a majority accepted, and chooses no slot twice', () => {
    const sim = simulate(preset('multipaxos/leader-change-noop'), 1500);
    expect(state(sim, 'n2')).toMatchObject({ role: 'leader', ballot: { round: 2, node: 'n2' } });
    // n2's phase 1 reported D in slot 4 and nothing in slot 3: it proposed D again and noop.
    const proposals = sent(sim, 'P2a').flatMap((r) => {
      const m =
        r.kind === 'send'
          ? (r.message as unknown as { slot: number; command: string; ballot: { node: string } })
          : null;
      return m && m.ballot.node === 'n2' ? [`s${m.slot} ${m.command}`] : [];
    });
    expect(new Set(proposals)).toEqual(new Set(['s3 noop', 's4 D']));
    // Every replica, n1 after its restart too, holds and has executed the same four slots; C was never chosen.
    expect(decisions(sim)).toEqual(Array(5).fill('A B noop D'));
    expect(sim.nodeIds().map((id) => state(sim, id).slotOut)).toEqual([5, 5, 5, 5, 5]);
    expect(state(sim, 'n1').accepted[3]).toEqual({ ballot: { round: 1, node: 'n1' }, command: 'C' });
    expect(sim.violations).toEqual([]);
  });

  it('a restarted node keeps its promise, accepted slots and decisions, and catches up from the leader', () => {
    const sim = simulate(preset('multipaxos/leader-change-noop'), 1001);
    expect(state(sim, 'n1')).toMatchObject({
      role: 'follower',
      ballot: { round: 1, node: 'n1' },
      decisions: ['A', 'B'],
      slotOut: 3,
      accepted: { 3: { command: 'C' }, 4: { command: 'D' } },
    });
    sim.runUntil(1100);
    expect(state(sim, 'n1').decisions).toEqual(['A', 'B', 'noop', 'D']);
  });

  it('keeps a promise across a restart: the old leader is preempted, and a restarted acceptor still refuses it', () => {
    const sim = simulate(
      scenario({
        protocol: 'multipaxos',
        network: { latencyMs: [10, 20], loss: 0, duplicate: 0 },
        events: [
          { at: 10, type: 'timeout', node: 'n1' },
          { at: 150, type: 'partition', groups: [['n1']] },
          { at: 160, type: 'timeout', node: 'n2' },
          { at: 400, type: 'crash', node: 'n3' },
          { at: 420, type: 'restart', node: 'n3' },
          { at: 600, type: 'heal' },
          { at: 600, type: 'request', node: 'n1', command: 'X' },
        ],
      }),
      1500,
    );
    const preempted = sim.trace.filter(
      (r) => r.kind === 'send' && r.from === 'n3' && (r.message as { type: string }).type === 'Preempted',
    );
    expect(preempted.length).toBeGreaterThan(0);
    expect(state(sim, 'n1')).toMatchObject({ role: 'follower', leaderId: 'n2' });
    expect(state(sim, 'n3').ballot).toEqual({ round: 2, node: 'n2' });
    expect(sim.violations).toEqual([]);
  });

  it('a new leader that skips phase 1 puts a second command into a chosen slot, caught by agreement', () => {
    const sim = simulate(preset('multipaxos/skip-phase1'), 1000);
    expect(sim.violations.map((v) => v.invariant)).toEqual(['agreement', 'agreement', 'state-machine-safety']);
    expect(sim.violations[0]?.message).toBe(
      'slot 1 chosen twice: A at (1, n1) by n1, n2, n4; then X at (1, n3) by n3, n2, n4',
    );
  });

  it('the same takeover with phase 1 learns A and B, proposes them again, and puts X in slot 3', () => {
    const sim = simulate(presetWith('multipaxos/skip-phase1', { bug: null }), 1000);
    expect(sim.violations).toEqual([]);
    expect(state(sim, 'n3')).toMatchObject({ role: 'leader', decisions: ['A', 'B', 'X'] });
    expect(replies(sim)).toContain('n3 X -> decided in slot 3');
  });

  it('without the noop fill the gap stays: replicas stop before D, caught by gaps-filled at the end', () => {
    const s = presetWith('multipaxos/leader-change-noop', { bug: 'no-noop-fill', until: 4000 });
    const sim = simulate(s, 4000);
    // n1, back after the crash, is not even sent D: the leader's own slot_out is stuck at 3 too.
    expect(decisions(sim)).toEqual(['A B', 'A B  D', 'A B  D', 'A B  D', 'A B  D']);
    expect(sim.nodeIds().map((id) => state(sim, id).slotOut)).toEqual([3, 3, 3, 3, 3]);
    const settled = getProtocol('multipaxos')?.monitor.settled?.(null, sim.world()) ?? [];
    expect(settled.map((f) => f.invariant)).toEqual(Array(5).fill('gaps-filled'));
  });

  it('proposes at most `window` slots beyond slot_out; the rest wait and follow in order', () => {
    const burst = Array.from({ length: 8 }, (_, i) => ({ at: 200, type: 'request', command: `c${i + 1}` }));
    const sim = simulate(
      scenario({
        protocol: 'multipaxos',
        config: { window: 3 },
        network: { latencyMs: [10, 20], loss: 0, duplicate: 0 },
        events: [{ at: 10, type: 'timeout', node: 'n1' }, ...burst],
      }),
      201,
    );
    expect(state(sim, 'n1').slotIn).toBe(4);
    sim.runUntil(1500);
    expect(decisions(sim)).toEqual(Array(5).fill('c1 c2 c3 c4 c5 c6 c7 c8'));
    expect(sim.violations).toEqual([]);
  });

  it('decides through loss and duplication, with the leader resending unanswered P2a', () => {
    const sim = simulate(
      scenario({
        protocol: 'multipaxos',
        seed: 3,
        network: { latencyMs: [5, 40], loss: 0.25, duplicate: 0.2 },
        events: [
          { at: 10, type: 'timeout', node: 'n1' },
          ...Array.from({ length: 6 }, (_, i) => ({ at: 400 + 50 * i, type: 'request', command: `c${i + 1}` })),
          { at: 1500, type: 'network', loss: 0, duplicate: 0 },
        ],
      }),
      4000,
    );
    const logs = decisions(sim);
    expect(new Set(logs).size).toBe(1);
    expect(sim.violations).toEqual([]);
  });

  it('names the field of a bad config', () => {
    const bad = (config: Record<string, unknown>) => {
      const parsed = parseScenario(
        { format: 'netsplit-scenario', version: 1, protocol: 'multipaxos', seed: 1, nodes: 3, config },
        getProtocol,
      );
      return parsed.ok ? [] : parsed.errors;
    };
    expect(bad({ leaderTimeoutMs: [300, 100] }).join()).toMatch(/leaderTimeoutMs.*minimum must not exceed the maximum/);
    expect(bad({ window: 0 }).join()).toMatch(/window/);
    expect(bad({ ballot: 1 }).join()).toMatch(/ballot/);
  });
});
