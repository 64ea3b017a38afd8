import { describe, expect, it } from 'vitest';
import { getProtocol } from '../protocols';
import { badgeText, nodeLook, nodeWord, selectorWord } from './faces';

const raft = getProtocol('raft');
const twoPc = getProtocol('2pc');

describe('a node as the generic UI shows it', () => {
  it('reads its role and badge from the protocol, so a Raft leader reads "leader" with its term', () => {
    const look = nodeLook(raft?.face ?? fail(), { isUp: true, view: { role: 'leader', term: 3 } }, 5);
    expect(look.role.word).toBe('leader');
    expect(look.badge && badgeText(look.badge)).toBe('term 3');
  });

  it('reads "crashed" for a crashed node in any protocol, and keeps the badge of what survived', () => {
    for (const p of [raft, twoPc]) {
      const look = nodeLook(p?.face ?? fail(), { isUp: false, view: { role: 'candidate', term: 2, votes: ['n1'] } }, 5);
      expect(look.role.word).toBe('crashed');
      expect(look.note).toBeUndefined();
    }
  });

  it('names nodes and selectors in the protocol’s words', () => {
    expect(nodeWord(raft?.face ?? fail())).toBe('Server');
    expect(nodeWord(twoPc?.face ?? fail())).toBe('Node');
    expect(twoPc?.face.selectors.map(selectorWord)).toEqual(['Coordinator']);
    expect(selectorWord({ title: 'the primary' })).toBe('Primary');
  });
});

function fail(): never {
  throw new Error('protocol not registered');
}
