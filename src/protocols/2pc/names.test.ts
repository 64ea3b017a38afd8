import { describe, expect, it } from 'vitest';
import { summarize } from '../../scenario/run';
import { play, replies, states, tx } from './testkit';

/** Names JavaScript objects inherit: a transaction called one of them once looked known before it began. */
const INHERITED = ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf'];

describe('a transaction id is only a name', () => {
  it.each(INHERITED)('%s commits at every node like t1', (id) => {
    const sim = play({ nodes: 4, events: [{ at: 100, type: 'request', command: id }] }, 1000);
    expect(states(sim, id)).toEqual(['committed', 'committed', 'committed', 'committed']);
    expect(tx(sim, 'n1', id)).toEqual({ state: 'committed', votes: { n2: 'yes', n3: 'yes', n4: 'yes' } });
    expect(replies(sim, id)).toEqual([{ ok: true, note: `${id} committed: every participant voted yes` }]);
    expect(sim.violations).toEqual([]);
  });

  it('all of them in one run, each kept apart, in the run’s JSON too', () => {
    const events = INHERITED.map((command, i) => ({ at: 100 + i * 10, type: 'request', command }));
    const sim = play({ nodes: 3, config: { noVotes: ['n3:toString'] }, events }, 2000);
    for (const id of INHERITED)
      expect(states(sim, id)).toEqual(
        id === 'toString' ? ['aborted', 'aborted', 'aborted'] : ['committed', 'committed', 'committed'],
      );
    const coordinator = JSON.parse(JSON.stringify(summarize(sim))).nodes[0].state;
    expect(Object.keys(coordinator.transactions)).toEqual(INHERITED);
    expect(sim.violations).toEqual([]);
  });

  it('a repeated request for one of them answers from its own record', () => {
    const sim = play(
      {
        events: [
          { at: 100, type: 'request', command: 'constructor' },
          { at: 900, type: 'request', command: 'constructor' },
        ],
      },
      1500,
    );
    expect(replies(sim, 'constructor').map((r) => r.note)).toEqual([
      'constructor committed: every participant voted yes',
      'constructor was already committed',
    ]);
  });

  it('a node called constructor coordinates and commits', () => {
    const sim = play(
      { nodes: ['constructor', 'n2', 'n3'], events: [{ at: 100, type: 'request', command: 't1' }] },
      1000,
    );
    expect(states(sim, 't1')).toEqual(['committed', 'committed', 'committed']);
  });
});
