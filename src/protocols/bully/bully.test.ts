import { describe, expect, it } from 'vitest';
import { getPresetFile, getProtocol } from '../../protocols';
import { runScenario } from '../../scenario/run';
import { preset, scenario, simulate, state } from '../../testing/scenarios';
import { electionEpisodes } from './elections';

/** The bully election run as a student would: from presets and scenario files, reading roles and coordinators. */

const named = (sim: ReturnType<typeof simulate>) =>
  sim
    .nodeIds()
    .map((id) => `${id} ${sim.node(id)?.isUp ? '' : 'down '}${state(sim, id).role} ${state(sim, id).coordinator}`);

/** A preset's file with fields replaced, as a student edits it in the setup. */
const presetWith = (id: string, fields: Record<string, unknown>) =>
  scenario({ ...(getPresetFile(id) as Record<string, unknown>), ...fields });

/** Runs a scenario to its end and then settles it, as the runner does, so the eventual invariant is judged. */
const settled = (s: ReturnType<typeof scenario>) => runScenario(s, getProtocol).summary;

describe('the bully election', () => {
  it('elects the highest node at the start: every node names n5', () => {
    const sim = simulate(preset('bully/coordinator-crash'), 900);
    expect(named(sim)).toEqual(['n1 member n5', 'n2 member n5', 'n3 member n5', 'n4 member n5', 'n5 coordinator n5']);
  });

  it('notices a crashed coordinator by timeout only, and elects the highest live node, n4', () => {
    const sim = simulate(preset('bully/coordinator-crash'), 1290);
    // 290 ms after the crash nobody knows: the failure timeout is 300 ms without a Heartbeat.
    expect(named(sim).slice(0, 4)).toEqual(['n1 member n5', 'n2 member n5', 'n3 member n5', 'n4 member n5']);
    sim.runUntil(2500);
    expect(named(sim)).toEqual([
      'n1 member n4',
      'n2 member n4',
      'n3 member n4',
      'n4 coordinator n4',
      'n5 down coordinator n5',
    ]);
  });

  it('a recovered higher node bullies its way back: n5 wins at once and n4 steps down', () => {
    const sim = simulate(preset('bully/recovery-bullies'), 2400);
    expect(state(sim, 'n4')).toEqual({ role: 'coordinator', coordinator: 'n4' });
    sim.runUntil(4000);
    expect(named(sim)).toEqual(['n1 member n5', 'n2 member n5', 'n3 member n5', 'n4 member n5', 'n5 coordinator n5']);
    const back = electionEpisodes(sim.trace, sim.traceLength).find((e) => e.startAt === 2500);
    expect(back).toMatchObject({ startedBy: 'n5', sent: { Election: 0, Answer: 0, Coordinator: 4 }, winner: 'n5' });
  });

  it('the settled run holds highest-alive-leads with the crashed coordinator still down', () => {
    const summary = settled(presetWith('bully/coordinator-crash', { until: 4000 }));
    expect(summary.violations).toEqual([]);
    expect(summary.unchecked ?? []).toEqual([]);
  });

  it('counts n − 1 messages in the best case and n² − n − 1 in the worst, as the textbook bounds say', () => {
    const sim = simulate(preset('bully/message-counts'), 4500);
    const episodes = electionEpisodes(sim.trace, sim.traceLength);
    const best = episodes.find((e) => e.startAt === 1001);
    const worst = episodes.find((e) => e.startAt === 3001);
    expect(best).toMatchObject({ startedBy: 'n4', sent: { Election: 1, Answer: 0, Coordinator: 3 }, total: 4 });
    expect(worst).toMatchObject({ startedBy: 'n1', sent: { Election: 10, Answer: 6, Coordinator: 3 }, total: 19 });
    expect([...(worst?.electors ?? [])].sort()).toEqual(['n1', 'n2', 'n3', 'n4']);
  });

  it('a link slower than T lets n4 declare itself beside n5: two coordinators for a while', () => {
    const sim = simulate(preset('bully/slow-network'), 1150);
    expect(state(sim, 'n4')).toEqual({ role: 'coordinator', coordinator: 'n4' });
    expect(state(sim, 'n5')).toEqual({ role: 'coordinator', coordinator: 'n5' });
    const summary = settled(presetWith('bully/slow-network', { until: 6500 }));
    const fact = summary.facts?.twoCoordinatorsMs as { ms: number; coordinators: string[] };
    expect(fact.ms).toBeGreaterThan(0);
    expect(fact.coordinators).toEqual(expect.arrayContaining(['n3', 'n4', 'n5']));
    // Healed and quiet, the highest node up coordinates again.
    expect(summary.violations).toEqual([]);
    expect(summary.unchecked ?? []).toEqual([]);
  });

  it('a partition keeps one coordinator per side: n3 for n1 and n2, n5 for n4', () => {
    const sim = simulate(preset('bully/slow-network'), 3900);
    expect(named(sim)).toEqual([
      'n1 member n3',
      'n2 member n3',
      'n3 coordinator n3',
      'n4 member n5',
      'n5 coordinator n5',
    ]);
  });

  it('in a synchronous run there is never a second coordinator', () => {
    const summary = settled(presetWith('bully/coordinator-crash', { until: 4000 }));
    expect(summary.facts?.twoCoordinatorsMs).toEqual({ ms: 0, coordinators: [] });
  });

  it('under no-election-on-recovery, the recovered n5 serves n4 and highest-alive-leads breaks', () => {
    const summary = settled(presetWith('bully/recovery-bullies', { bug: 'no-election-on-recovery', until: 5000 }));
    expect(summary.violations.map((v) => v.invariant)).toEqual(['highest-alive-leads']);
    expect(summary.violations[0]?.message).toMatch(/n4 names n4 .*n5 is the highest node up/);
  });

  it('answers `elect` and refuses anything else', () => {
    const sim = simulate(
      scenario({
        protocol: 'bully',
        events: [
          { at: 500, type: 'request', node: 'n2', command: 'elect' },
          { at: 500, type: 'request', node: 'n3', command: 'lead' },
        ],
      }),
      800,
    );
    const replies = sim.trace.flatMap((r) => (r.kind === 'reply' ? [`${r.node} ${r.ok} ${r.note}`] : []));
    expect(replies).toEqual(['n2 true n2 holds an election', 'n3 false the command is elect']);
    expect(state(sim, 'n2')).toEqual({ role: 'member', coordinator: 'n5' });
  });
});
