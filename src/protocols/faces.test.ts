import { describe, expect, it } from 'vitest';
import { scenario, simulate } from '../testing/scenarios';
import { getProtocol } from '.';

const faceOf = (id: string) => {
  const p = getProtocol(id);
  if (!p) throw new Error(id);
  return p.face;
};

describe('protocol faces', () => {
  it('Raft shows the role in words, the term as its badge, and a candidate its votes', () => {
    const face = faceOf('raft');
    expect(face.node({ role: 'candidate', term: 4, votes: ['n1', 'n2'] }, 5)).toEqual({
      role: { word: 'candidate', color: '#a34d80', shape: 'triangle' },
      badge: { label: 'term', value: 4 },
      note: 'votes 2/3',
    });
    expect(face.node({ role: 'leader', term: 2 }, 5).note).toBeUndefined();
  });

  it("Raft's leader selector names the live leader of the highest term", () => {
    const sim = simulate(scenario({ protocol: 'raft', seed: 42 }), 1000);
    const [leader] = faceOf('raft').selectors[0]?.select(sim.world()) ?? [];
    expect(leader).toBeDefined();
    expect(sim.view(leader as string)?.role).toBe('leader');
    sim.apply({ at: 1000, type: 'crash', node: leader as string });
    sim.runUntil(1000);
    expect(faceOf('raft').selectors[0]?.select(sim.world())).toEqual([]);
  });

  it('2PC shows the latest transaction and a prepared participant holding its locks ("locked", short enough for the card)', () => {
    const face = faceOf('2pc');
    const view = { role: 'participant', transactions: { t1: { state: 'committed' }, t2: { state: 'prepared' } } };
    expect(face.node(view, 4)).toMatchObject({ badge: { label: 't2', value: 'prepared' }, note: 'locked' });
    expect(face.node({ role: 'coordinator', transactions: {} }, 4).role.word).toBe('coordinator');
  });

  it('each protocol generates fresh commands for the request form and the fuzzer', () => {
    expect([1, 2].map((n) => faceOf('raft').commands.next(n))).toEqual(['x=1', 'x=2']);
    expect(faceOf('2pc').commands.next(3)).toBe('t3');
  });
});
