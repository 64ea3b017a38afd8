import { describe, expect, it } from 'vitest';
import { getProtocol } from '../protocols';
import { randomScenario } from './schedule';

const protocolOf = (id: string) => {
  const p = getProtocol(id);
  if (!p) throw new Error(id);
  return p;
};

const eventsOf = (file: Record<string, unknown>) => file.events as { type: string; [k: string]: unknown }[];
const draw = (protocol = protocolOf('raft'), seed = 7) =>
  eventsOf(randomScenario({ protocol, seed, nodes: 5, untilMs: 20_000, bug: null }));

describe('the fuzzer speaks through the protocol face', () => {
  it("writes each protocol's own client commands, from its command generator", () => {
    const raft = draw().filter((e) => e.type === 'request');
    const twoPc = draw(protocolOf('2pc')).filter((e) => e.type === 'request');
    expect(raft.length).toBeGreaterThan(0);
    expect(raft.every((e) => /^x=\d+$/.test(String(e.command)))).toBe(true);
    expect(twoPc.every((e) => /^t\d+$/.test(String(e.command)))).toBe(true);
  });

  it('aims faults at a selector the protocol declares, and at none when it declares none', () => {
    const seeds = [1, 2, 3, 4, 5, 6, 7, 8];
    const named = (events: ReturnType<typeof draw>) => JSON.stringify(events).includes('"leader"');
    expect(seeds.some((seed) => named(draw(protocolOf('raft'), seed)))).toBe(true);
    const raft = protocolOf('raft');
    const blind = { ...raft, face: { ...raft.face, selectors: [] } };
    expect(seeds.some((seed) => named(draw(blind, seed)))).toBe(false);
  });
});

describe('faults a protocol does not declare', () => {
  it('are never drawn: Raft and 2PC get no Byzantine node, join or leave', () => {
    for (const id of ['raft', '2pc']) {
      for (const seed of [1, 2, 3, 4, 5]) {
        const types = new Set(draw(protocolOf(id), seed).map((e) => e.type));
        expect([...types].filter((t) => ['byzantine', 'join', 'leave'].includes(t))).toEqual([]);
      }
    }
  });
});
